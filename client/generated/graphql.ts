/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An audio track that drives the avatar instead of (or with) TTS. At most 20. */
export type AudioInput = {
  /** http(s) URL of the audio file. */
  url: string;
};

/** A background layer, behind the avatar. At most 20. */
export type BackgroundInput = {
  /** Loop the media. Default false. */
  cycle?: boolean | null | undefined;
  /** How long the layer shows (unit not public); -1 means until the end. Default -1. */
  duration?: number | null | undefined;
  /** The platform file id of the image or video. Required. */
  fileId: string;
  /** Display name, at most 255 characters. Default "". */
  name?: string | null | undefined;
  /** Offset into the media where playback starts (unit not public), >= 0. Default 0. */
  playOffset?: number | null | undefined;
  /** Where the layer is drawn. */
  rect: RectInput;
  /** When the layer appears (unit not public, likely frames), >= 0. Default 0. */
  start?: number | null | undefined;
  /** Layer media type code; 0 in the platform example, other values not public (likely image vs video). 0..255. Default 0. */
  type?: number | null | undefined;
  /** Must be empty: the platform references layers by fileId only. Default "". */
  url?: string | null | undefined;
};

/** Beauty filter settings: the 43 keys of the platform example. Ranges are inferred from the SenseME effects SDK (the platform does not publish them). Every key defaults to 0 (off / no change). */
export type BeautifyInput = {
  /** Apple cheeks (the platform spells its key "appleMusle"). 0..1, 0 = off. Platform key "appleMusle". */
  appleMuscle?: number | null | undefined;
  /** Background blur (bokeh). 0..1, 0 = off. Platform key "bokehStrength". */
  bokehStrength?: number | null | undefined;
  /** Eye brightening. 0..1, 0 = off. Platform key "brightEyeStrength". */
  brightEyeStrength?: number | null | undefined;
  /** Chin length (negative shortens, positive lengthens). -1..1, 0 = no change. Platform key "chinLength". */
  chinLength?: number | null | undefined;
  /** Clarity. 0..1, 0 = off. Platform key "clear". */
  clear?: number | null | undefined;
  /** Contrast. 0..1, 0 = off. Platform key "contrastStrength". */
  contrastStrength?: number | null | undefined;
  /** Eye enlarging. 0..1, 0 = off. Platform key "enlargeRatio". */
  enlargeRatio?: number | null | undefined;
  /** Eye angle. -1..1, 0 = no change. Platform key "eyeAngleRatio". */
  eyeAngleRatio?: number | null | undefined;
  /** Distance between the eyes. -1..1, 0 = no change. Platform key "eyeDistanceRatio". */
  eyeDistanceRatio?: number | null | undefined;
  /** Eye height. 0..1, 0 = off. Platform key "eyeHeight". */
  eyeHeight?: number | null | undefined;
  /** Hairline filling. 0..1, 0 = off. Platform key "hairline". */
  hairline?: number | null | undefined;
  /** Hairline height. -1..1, 0 = no change. Platform key "hairlineHeightRatio". */
  hairlineHeightRatio?: number | null | undefined;
  /** Mouth corner lift. 0..1, 0 = off. Platform key "mouthCorner". */
  mouthCorner?: number | null | undefined;
  /** Mouth size. -1..1, 0 = no change. Platform key "mouthSize". */
  mouthSize?: number | null | undefined;
  /** Narrow face. 0..1, 0 = off. Platform key "narrowFace". */
  narrowFace?: number | null | undefined;
  /** Narrow nose. 0..1, 0 = off. Platform key "narrowNoseRatio". */
  narrowNoseRatio?: number | null | undefined;
  /** Nose length. -1..1, 0 = no change. Platform key "noseLengthRatio". */
  noseLengthRatio?: number | null | undefined;
  /** Open inner canthus. 0..1, 0 = off. Platform key "openCanthus". */
  openCanthus?: number | null | undefined;
  /** Open outer canthus. 0..1, 0 = off. Platform key "openExternalCanthus". */
  openExternalCanthus?: number | null | undefined;
  /** Philtrum length. -1..1, 0 = no change. Platform key "philtrumLengthRatio". */
  philtrumLengthRatio?: number | null | undefined;
  /** Nose bridge (profile rhinoplasty). 0..1, 0 = off. Platform key "profileRhinoplasty". */
  profileRhinoplasty?: number | null | undefined;
  /** Rosy complexion strength. 0..1, 0 = off. Platform key "reddenStrength". */
  reddenStrength?: number | null | undefined;
  /** Dark circle removal. 0..1, 0 = off. Platform key "removeDarkCircleStrength". */
  removeDarkCircleStrength?: number | null | undefined;
  /** Nasolabial fold removal. 0..1, 0 = off. Platform key "removeNasolabialFoldsStrength". */
  removeNasolabialFoldsStrength?: number | null | undefined;
  /** Round eyes. 0..1, 0 = off. Platform key "roundEyesRatio". */
  roundEyesRatio?: number | null | undefined;
  /** Saturation. 0..1, 0 = off. Platform key "saturationStrength". */
  saturationStrength?: number | null | undefined;
  /** Sharpening. 0..1, 0 = off. Platform key "sharpen". */
  sharpen?: number | null | undefined;
  /** Cheekbone slimming. 0..1, 0 = off. Platform key "shrinkCheekbone". */
  shrinkCheekbone?: number | null | undefined;
  /** "Goddess" face slimming. 0..1, 0 = off. Platform key "shrinkGoddessFace". */
  shrinkGoddessFace?: number | null | undefined;
  /** Jawbone slimming. 0..1, 0 = off. Platform key "shrinkJawbone". */
  shrinkJawbone?: number | null | undefined;
  /** Long face slimming. 0..1, 0 = off. Platform key "shrinkLongFace". */
  shrinkLongFace?: number | null | undefined;
  /** Natural face slimming. 0..1, 0 = off. Platform key "shrinkNaturalFace". */
  shrinkNaturalFace?: number | null | undefined;
  /** Face slimming. 0..1, 0 = off. Platform key "shrinkRatio". */
  shrinkRatio?: number | null | undefined;
  /** Round face slimming. 0..1, 0 = off. Platform key "shrinkRoundFace". */
  shrinkRoundFace?: number | null | undefined;
  /** Whole head slimming. 0..1, 0 = off. Platform key "shrinkWholeHead". */
  shrinkWholeHead?: number | null | undefined;
  /** Small face. 0..1, 0 = off. Platform key "smallRatio". */
  smallRatio?: number | null | undefined;
  /** Smoothing area: 0 = face only, 1 = whole image (inferred). integer code 0..2. Platform key "smooth_mode". */
  smoothMode?: number | null | undefined;
  /** Skin smoothing strength. 0..1, 0 = off. Platform key "smoothStrength". */
  smoothStrength?: number | null | undefined;
  /** Thin face shape. 0..1, 0 = off. Platform key "thinFaceShapeRatio". */
  thinFaceShapeRatio?: number | null | undefined;
  /** Thinner head. 0..1, 0 = off. Platform key "thinnerHead". */
  thinnerHead?: number | null | undefined;
  /** Teeth whitening. 0..1, 0 = off. Platform key "whiteTeeth". */
  whiteTeeth?: number | null | undefined;
  /** Whitening algorithm (platform code; 0 in the example, other values not public). integer code 0..2. Platform key "whiten_mode". */
  whitenMode?: number | null | undefined;
  /** Skin whitening strength. 0..1, 0 = off. Platform key "whitenStrength". */
  whitenStrength?: number | null | undefined;
};

/** The avatar (digital role). The platform accepts it by `fileId` only. */
export type DigitalRoleInput = {
  /** Face feature id; meaning not public. Default "". */
  faceFeatureId?: string | null | undefined;
  /** The platform file id of the avatar. Required, non-empty. */
  fileId: string;
  /** The platform digital role id (e.g. 4051). Left out of the request when not given. */
  id?: number | null | undefined;
  /** Display name, at most 255 characters. Default "". */
  name?: string | null | undefined;
  /** Where the avatar is placed, in pixels. Default (0, 0). */
  position?: PositionInput | null | undefined;
  /** Rotation in degrees, -360..360. Default 0. */
  rotation?: number | null | undefined;
  /** Scale factor, greater than 0 and at most 10. Default 1. */
  scale?: number | null | undefined;
  /** Frame of the avatar clip to start from, >= 0. Default 0. */
  startFrameIndex?: number | null | undefined;
  /** Must be empty: the platform references the avatar by fileId only. Default "". */
  url?: string | null | undefined;
  /** Layer order; higher is in front. -1000..1000. Default 1. */
  zPosition?: number | null | undefined;
};

/** Visual effects applied to the avatar. */
export type EffectsInput = {
  /** Beauty filter settings. */
  beautify?: BeautifyInput | null | undefined;
  /** Effects format version. Default "1.0". */
  version?: string | null | undefined;
};

/** A foreground layer. At most 20. */
export type ForegroundInput = {
  /** Loop the media. Default false. */
  cycle?: boolean | null | undefined;
  /** How long the layer shows (unit not public); -1 means until the end. Default -1. */
  duration?: number | null | undefined;
  /** The platform file id of the image or video. Required. */
  fileId: string;
  /** Display name, at most 255 characters. Default "". */
  name?: string | null | undefined;
  /** Offset into the media where playback starts (unit not public), >= 0. Default 0. */
  playOffset?: number | null | undefined;
  /** Where the layer is drawn. */
  rect: RectInput;
  /** Rotation in degrees, -360..360. Default 0. */
  rotation?: number | null | undefined;
  /** When the layer appears (unit not public, likely frames), >= 0. Default 0. */
  start?: number | null | undefined;
  /** Layer media type code; 0 in the platform example, other values not public (likely image vs video). 0..255. Default 0. */
  type?: number | null | undefined;
  /** Must be empty: the platform references layers by fileId only. Default "". */
  url?: string | null | undefined;
  /** Layer order; higher is in front. -1000..1000. Default 0. */
  zPosition?: number | null | undefined;
};

/** A text overlay (the platform's "foreground-texts"). At most 50. */
export type ForegroundTextInput = {
  /** Box colour behind the text. Colour as exactly 4 integers [red, green, blue, alpha], each 0..255. Default [0, 0, 0, 0]. */
  backgroundRgba?: Array<number> | null | undefined;
  /** Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black"). */
  fontFamily: string;
  /** Font size in pixels, greater than 0 and at most 1000. Default 40. */
  fontSize?: number | null | undefined;
  /** Opacity, 0 (invisible) to 1 (opaque). Default 1. */
  opacity?: number | null | undefined;
  /** Where the text is placed. Default (0, 0). */
  position?: PositionInput | null | undefined;
  /** Text colour. Colour as exactly 4 integers [red, green, blue, alpha], each 0..255. Default [255, 255, 255, 255]. */
  rgba?: Array<number> | null | undefined;
  /** Outline colour. Colour as exactly 4 integers [red, green, blue, alpha], each 0..255. Default [0, 0, 0, 0]. */
  strokeRgba?: Array<number> | null | undefined;
  /** Outline width in pixels, 0..100. Default 0. */
  strokeWidth?: number | null | undefined;
  /** The text, 1..500 characters. In a preset it may contain {{variables}}. */
  text: string;
  /** Layer order; higher is in front. -1000..1000. Default 10. */
  zPosition?: number | null | undefined;
};

/** A point on the canvas in pixels, from the top-left corner. Each coordinate -16384..16384. */
export type PositionInput = {
  /** Pixels from the left edge. Default 0. */
  x?: number | null | undefined;
  /** Pixels from the top edge. Default 0. */
  y?: number | null | undefined;
};

/** A rectangle on the canvas in whole pixels; sent to the platform as [x, y, width, height]. */
export type RectInput = {
  /** Height, 1..16384. */
  height: number;
  /** Width, 1..16384. */
  width: number;
  /** Left edge, -16384..16384. */
  x: number;
  /** Top edge, -16384..16384. */
  y: number;
};

/** Output video size in pixels; sent as [width, height]. Each side 16..4096. */
export type ResolutionInput = {
  /** Height in pixels, e.g. 1920. */
  height: number;
  /** Width in pixels, e.g. 1080. */
  width: number;
};

/** Everything the platform needs to render a takeover video. Only `resolution`, `digitalRole` and a script (`ttsQuery.content`, or `audios`) are required; every default is applied by this service and stored with the task. */
export type TakeoverParamsInput = {
  /** Audio tracks, at most 20. Default none. */
  audios?: Array<AudioInput> | null | undefined;
  /** At most 20. Default none. */
  backgrounds?: Array<BackgroundInput> | null | undefined;
  /** Bit rate, greater than 0 and at most 100 (unit not public, likely Mbps). Default 8. */
  bitRate?: number | null | undefined;
  /** The avatar. */
  digitalRole: DigitalRoleInput;
  /** Left out of the request when not given. */
  effects?: EffectsInput | null | undefined;
  /** Text overlays, at most 50. Default none. */
  foregroundTexts?: Array<ForegroundTextInput> | null | undefined;
  /** At most 20. Default none. */
  foregrounds?: Array<ForegroundInput> | null | undefined;
  /** Frames per second, 1..60. Default 25 (the platform encodes H.264 at 25 fps). */
  frameRate?: number | null | undefined;
  /** Output video size. */
  resolution: ResolutionInput;
  /** Left out of the request when not given. */
  title?: TitleInput | null | undefined;
  /** TTS voice. Left out of the request when not given. */
  ttsConfig?: TtsConfigInput | null | undefined;
  /** TTS script. Left out of the request when not given. */
  ttsQuery?: TtsQueryInput | null | undefined;
  /** Synthesis format version. Default "0.0.13". */
  version?: string | null | undefined;
  /** Default MP4. */
  videoFormat?: VideoFormat | null | undefined;
  /** Watermark text. Default hidden. */
  watermark?: WatermarkInput | null | undefined;
};

/** Where a submission stands, as far as this service knows. */
export type TaskStatus =
  /** The platform refused the task with a non-zero code. */
  | 'REJECTED'
  /** The platform accepted the task and returned its id. */
  | 'SUBMITTED'
  /** Recorded; the platform call is in flight (or the process stopped during it). */
  | 'SUBMITTING'
  /** The request went out and no answer came back: the platform may have created the task. Never resubmitted automatically. */
  | 'UNKNOWN'
  /** The platform could not be reached or answered outside its documented envelope; nothing was created. */
  | 'UNREACHABLE';

/** The video title overlay. */
export type TitleInput = {
  /** Box colour behind the text. Colour as exactly 4 integers [red, green, blue, alpha], each 0..255. Default [0, 0, 0, 0]. */
  backgroundRgba?: Array<number> | null | undefined;
  /** Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black"). */
  fontFamily: string;
  /** Font size in pixels, greater than 0 and at most 1000. Default 40. */
  fontSize?: number | null | undefined;
  /** Opacity, 0 (invisible) to 1 (opaque). Default 1. */
  opacity?: number | null | undefined;
  /** Where the text is placed. Default (0, 0). */
  position?: PositionInput | null | undefined;
  /** Text colour. Colour as exactly 4 integers [red, green, blue, alpha], each 0..255. Default [255, 255, 255, 255]. */
  rgba?: Array<number> | null | undefined;
  /** Scale factor, greater than 0 and at most 10. Default 1. */
  scale?: number | null | undefined;
  /** Outline colour. Colour as exactly 4 integers [red, green, blue, alpha], each 0..255. Default [0, 0, 0, 0]. */
  strokeRgba?: Array<number> | null | undefined;
  /** Outline width in pixels, 0..100. Default 0. */
  strokeWidth?: number | null | undefined;
  /** The text, 1..500 characters. In a preset it may contain {{variables}}. */
  text: string;
};

/** The text-to-speech voice. When left out, the platform chooses (behaviour not public). */
export type TtsConfigInput = {
  /** Voice id, e.g. "xiaoyue". */
  id: string;
  /** BCP 47 language tag. Default "zh-CN". */
  language?: string | null | undefined;
  /** Voice display name. Default "". */
  name?: string | null | undefined;
  /** Pitch shift, -50..50; unit not public. Default 0. */
  pitchOffset?: number | null | undefined;
  /** Speaking speed multiplier, 0.25..4. Default 1. */
  speedRatio?: number | null | undefined;
  /** TTS vendor code (e.g. 3); the list is not public. Left out when not given. */
  vendorId?: number | null | undefined;
  /** Volume, 0..1000 (the platform's examples use 100 and 400; scale not public). Default 100. */
  volume?: number | null | undefined;
};

/** What the avatar says. Required unless `audios` drive the avatar. */
export type TtsQueryInput = {
  /** The script, plain text or SSML, at most 10000 characters. In a preset it may contain {{variables}}. */
  content?: string | null | undefined;
  /** True when `content` is SSML; it must then be well-formed XML with a <speak> root. Default false. */
  ssml?: boolean | null | undefined;
};

/** Container of the rendered video. */
export type VideoFormat =
  /** MP4 (H.264). Sent as "MP4". */
  | 'MP4'
  /** WebM. Sent as "WEBM": the platform renders WebM but does not publish the exact string. */
  | 'WEBM';

/** A watermark text. When the whole input is left out, no watermark is shown. */
export type WatermarkInput = {
  /** Watermark text, at most 100 characters. In a preset it may contain {{variables}}. Default "". */
  content?: string | null | undefined;
  /** Show the watermark. Default true when a watermark is given. */
  show?: boolean | null | undefined;
};

export type CreateTakeoverVideoMutationVariables = Exact<{
  videoName: string;
  thumbnailUrl?: string | null | undefined;
  params: TakeoverParamsInput;
}>;


export type CreateTakeoverVideoMutation = { createTakeoverVideo:
    | { __typename: 'CreateTakeoverVideoSuccess', task: { id: string, status: TaskStatus, platformTaskId: string | null, expiresAt: string } }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'PlatformRejectedError', message: string, code: number, platformMessage: string, task: { id: string, status: TaskStatus } }
    | { __typename: 'PlatformUnreachableError', message: string, task: { id: string, status: TaskStatus, failureReason: string | null } }
    | { __typename: 'SubmissionOutcomeUnknownError', message: string, task: { id: string, status: TaskStatus, failureReason: string | null } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: string, message: string }> }
   };

export type TasksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TasksQuery = { tasks: { edges: Array<{ cursor: string, node: { id: string, videoName: string, status: TaskStatus, platformTaskId: string | null, createdAt: string, expiresAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const CreateTakeoverVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTakeoverVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"videoName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"thumbnailUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"params"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TakeoverParamsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTakeoverVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"videoName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"videoName"}}},{"kind":"Argument","name":{"kind":"Name","value":"thumbnailUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"thumbnailUrl"}}},{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"Variable","name":{"kind":"Name","value":"params"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTakeoverVideoSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"platformTaskId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlatformRejectedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"platformMessage"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlatformUnreachableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubmissionOutcomeUnknownError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateTakeoverVideoMutation, CreateTakeoverVideoMutationVariables>;
export const TasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"videoName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"platformTaskId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TasksQuery, TasksQueryVariables>;