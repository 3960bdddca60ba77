/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An audio track that drives the avatar instead of (or with) TTS. At most 20. */
export type AudioInput = {
  /** http(s) URL of the audio file. At most 2048 characters. Format: must be an http(s) URL (/^https?:\/\/[^\s]+$/i). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  url: string;
};

/** An audio track that drives the avatar instead of (or with) TTS. At most 20. As an override: every field optional; objects merge, lists replace, null removes. */
export type AudioPatch = {
  /** http(s) URL of the audio file. At most 2048 characters. Format: must be an http(s) URL (/^https?:\/\/[^\s]+$/i). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  url?: string | null | undefined;
};

/** A background layer, behind the avatar. At most 20. */
export type BackgroundInput = {
  /** Loop the media. Default false. */
  cycle?: boolean | null | undefined;
  /** How long the layer shows (unit not public, likely frames); -1 means until the end. An integer, at least -1. Default -1. */
  duration?: number | null | undefined;
  /** The platform file id of the image or video. Required. 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fileId: string;
  /** Display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Offset into the media where playback starts (unit not public, likely frames). An integer, at least 0. Default 0. */
  playOffset?: number | null | undefined;
  /** Where the layer is drawn. */
  rect: RectInput;
  /** When the layer appears (unit not public, likely frames). An integer, at least 0. Default 0. */
  start?: number | null | undefined;
  /** Layer media type code; 0 in the platform example, other values not public (likely image vs video). An integer 0..255. Default 0. */
  type?: number | null | undefined;
  /** Must be empty: the platform references layers by fileId only. At most 0 characters. Default "". */
  url?: string | null | undefined;
};

/** A background layer, behind the avatar. At most 20. As an override: every field optional; objects merge, lists replace, null removes. */
export type BackgroundPatch = {
  /** Loop the media. Default false. */
  cycle?: boolean | null | undefined;
  /** How long the layer shows (unit not public, likely frames); -1 means until the end. An integer, at least -1. Default -1. */
  duration?: number | null | undefined;
  /** The platform file id of the image or video. Required. 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fileId?: string | null | undefined;
  /** Display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Offset into the media where playback starts (unit not public, likely frames). An integer, at least 0. Default 0. */
  playOffset?: number | null | undefined;
  /** Where the layer is drawn. */
  rect?: RectPatch | null | undefined;
  /** When the layer appears (unit not public, likely frames). An integer, at least 0. Default 0. */
  start?: number | null | undefined;
  /** Layer media type code; 0 in the platform example, other values not public (likely image vs video). An integer 0..255. Default 0. */
  type?: number | null | undefined;
  /** Must be empty: the platform references layers by fileId only. At most 0 characters. Default "". */
  url?: string | null | undefined;
};

/** Beauty filter settings: the 43 keys of the platform example. Ranges are inferred from the SenseME effects SDK (the platform does not publish them). Every key defaults to 0 (off / no change). */
export type BeautifyInput = {
  /** Apple cheeks (the platform spells its key "appleMusle"). Platform key "appleMusle". A number 0..1. Default 0. */
  appleMuscle?: number | null | undefined;
  /** Background blur (bokeh). Platform key "bokehStrength". A number 0..1. Default 0. */
  bokehStrength?: number | null | undefined;
  /** Eye brightening. Platform key "brightEyeStrength". A number 0..1. Default 0. */
  brightEyeStrength?: number | null | undefined;
  /** Chin length (negative shortens, positive lengthens). Platform key "chinLength". A number -1..1. Default 0. */
  chinLength?: number | null | undefined;
  /** Clarity. Platform key "clear". A number 0..1. Default 0. */
  clear?: number | null | undefined;
  /** Contrast. Platform key "contrastStrength". A number 0..1. Default 0. */
  contrastStrength?: number | null | undefined;
  /** Eye enlarging. Platform key "enlargeRatio". A number 0..1. Default 0. */
  enlargeRatio?: number | null | undefined;
  /** Eye angle. Platform key "eyeAngleRatio". A number -1..1. Default 0. */
  eyeAngleRatio?: number | null | undefined;
  /** Distance between the eyes. Platform key "eyeDistanceRatio". A number -1..1. Default 0. */
  eyeDistanceRatio?: number | null | undefined;
  /** Eye height. Platform key "eyeHeight". A number 0..1. Default 0. */
  eyeHeight?: number | null | undefined;
  /** Hairline filling. Platform key "hairline". A number 0..1. Default 0. */
  hairline?: number | null | undefined;
  /** Hairline height. Platform key "hairlineHeightRatio". A number -1..1. Default 0. */
  hairlineHeightRatio?: number | null | undefined;
  /** Mouth corner lift. Platform key "mouthCorner". A number 0..1. Default 0. */
  mouthCorner?: number | null | undefined;
  /** Mouth size. Platform key "mouthSize". A number -1..1. Default 0. */
  mouthSize?: number | null | undefined;
  /** Narrow face. Platform key "narrowFace". A number 0..1. Default 0. */
  narrowFace?: number | null | undefined;
  /** Narrow nose. Platform key "narrowNoseRatio". A number 0..1. Default 0. */
  narrowNoseRatio?: number | null | undefined;
  /** Nose length. Platform key "noseLengthRatio". A number -1..1. Default 0. */
  noseLengthRatio?: number | null | undefined;
  /** Open inner canthus. Platform key "openCanthus". A number 0..1. Default 0. */
  openCanthus?: number | null | undefined;
  /** Open outer canthus. Platform key "openExternalCanthus". A number 0..1. Default 0. */
  openExternalCanthus?: number | null | undefined;
  /** Philtrum length. Platform key "philtrumLengthRatio". A number -1..1. Default 0. */
  philtrumLengthRatio?: number | null | undefined;
  /** Nose bridge (profile rhinoplasty). Platform key "profileRhinoplasty". A number 0..1. Default 0. */
  profileRhinoplasty?: number | null | undefined;
  /** Rosy complexion strength. Platform key "reddenStrength". A number 0..1. Default 0. */
  reddenStrength?: number | null | undefined;
  /** Dark circle removal. Platform key "removeDarkCircleStrength". A number 0..1. Default 0. */
  removeDarkCircleStrength?: number | null | undefined;
  /** Nasolabial fold removal. Platform key "removeNasolabialFoldsStrength". A number 0..1. Default 0. */
  removeNasolabialFoldsStrength?: number | null | undefined;
  /** Round eyes. Platform key "roundEyesRatio". A number 0..1. Default 0. */
  roundEyesRatio?: number | null | undefined;
  /** Saturation. Platform key "saturationStrength". A number 0..1. Default 0. */
  saturationStrength?: number | null | undefined;
  /** Sharpening. Platform key "sharpen". A number 0..1. Default 0. */
  sharpen?: number | null | undefined;
  /** Cheekbone slimming. Platform key "shrinkCheekbone". A number 0..1. Default 0. */
  shrinkCheekbone?: number | null | undefined;
  /** "Goddess" face slimming. Platform key "shrinkGoddessFace". A number 0..1. Default 0. */
  shrinkGoddessFace?: number | null | undefined;
  /** Jawbone slimming. Platform key "shrinkJawbone". A number 0..1. Default 0. */
  shrinkJawbone?: number | null | undefined;
  /** Long face slimming. Platform key "shrinkLongFace". A number 0..1. Default 0. */
  shrinkLongFace?: number | null | undefined;
  /** Natural face slimming. Platform key "shrinkNaturalFace". A number 0..1. Default 0. */
  shrinkNaturalFace?: number | null | undefined;
  /** Face slimming. Platform key "shrinkRatio". A number 0..1. Default 0. */
  shrinkRatio?: number | null | undefined;
  /** Round face slimming. Platform key "shrinkRoundFace". A number 0..1. Default 0. */
  shrinkRoundFace?: number | null | undefined;
  /** Whole head slimming. Platform key "shrinkWholeHead". A number 0..1. Default 0. */
  shrinkWholeHead?: number | null | undefined;
  /** Small face. Platform key "smallRatio". A number 0..1. Default 0. */
  smallRatio?: number | null | undefined;
  /** Smoothing area: 0 = face only, 1 = whole image (inferred). Platform key "smooth_mode". An integer 0..2. Default 0. */
  smoothMode?: number | null | undefined;
  /** Skin smoothing strength. Platform key "smoothStrength". A number 0..1. Default 0. */
  smoothStrength?: number | null | undefined;
  /** Thin face shape. Platform key "thinFaceShapeRatio". A number 0..1. Default 0. */
  thinFaceShapeRatio?: number | null | undefined;
  /** Thinner head. Platform key "thinnerHead". A number 0..1. Default 0. */
  thinnerHead?: number | null | undefined;
  /** Teeth whitening. Platform key "whiteTeeth". A number 0..1. Default 0. */
  whiteTeeth?: number | null | undefined;
  /** Whitening algorithm (platform code; 0 in the example, other values not public). Platform key "whiten_mode". An integer 0..2. Default 0. */
  whitenMode?: number | null | undefined;
  /** Skin whitening strength. Platform key "whitenStrength". A number 0..1. Default 0. */
  whitenStrength?: number | null | undefined;
};

/** Beauty filter settings: the 43 keys of the platform example. Ranges are inferred from the SenseME effects SDK (the platform does not publish them). Every key defaults to 0 (off / no change). As an override: every field optional; objects merge, lists replace, null removes. */
export type BeautifyPatch = {
  /** Apple cheeks (the platform spells its key "appleMusle"). Platform key "appleMusle". A number 0..1. Default 0. */
  appleMuscle?: number | null | undefined;
  /** Background blur (bokeh). Platform key "bokehStrength". A number 0..1. Default 0. */
  bokehStrength?: number | null | undefined;
  /** Eye brightening. Platform key "brightEyeStrength". A number 0..1. Default 0. */
  brightEyeStrength?: number | null | undefined;
  /** Chin length (negative shortens, positive lengthens). Platform key "chinLength". A number -1..1. Default 0. */
  chinLength?: number | null | undefined;
  /** Clarity. Platform key "clear". A number 0..1. Default 0. */
  clear?: number | null | undefined;
  /** Contrast. Platform key "contrastStrength". A number 0..1. Default 0. */
  contrastStrength?: number | null | undefined;
  /** Eye enlarging. Platform key "enlargeRatio". A number 0..1. Default 0. */
  enlargeRatio?: number | null | undefined;
  /** Eye angle. Platform key "eyeAngleRatio". A number -1..1. Default 0. */
  eyeAngleRatio?: number | null | undefined;
  /** Distance between the eyes. Platform key "eyeDistanceRatio". A number -1..1. Default 0. */
  eyeDistanceRatio?: number | null | undefined;
  /** Eye height. Platform key "eyeHeight". A number 0..1. Default 0. */
  eyeHeight?: number | null | undefined;
  /** Hairline filling. Platform key "hairline". A number 0..1. Default 0. */
  hairline?: number | null | undefined;
  /** Hairline height. Platform key "hairlineHeightRatio". A number -1..1. Default 0. */
  hairlineHeightRatio?: number | null | undefined;
  /** Mouth corner lift. Platform key "mouthCorner". A number 0..1. Default 0. */
  mouthCorner?: number | null | undefined;
  /** Mouth size. Platform key "mouthSize". A number -1..1. Default 0. */
  mouthSize?: number | null | undefined;
  /** Narrow face. Platform key "narrowFace". A number 0..1. Default 0. */
  narrowFace?: number | null | undefined;
  /** Narrow nose. Platform key "narrowNoseRatio". A number 0..1. Default 0. */
  narrowNoseRatio?: number | null | undefined;
  /** Nose length. Platform key "noseLengthRatio". A number -1..1. Default 0. */
  noseLengthRatio?: number | null | undefined;
  /** Open inner canthus. Platform key "openCanthus". A number 0..1. Default 0. */
  openCanthus?: number | null | undefined;
  /** Open outer canthus. Platform key "openExternalCanthus". A number 0..1. Default 0. */
  openExternalCanthus?: number | null | undefined;
  /** Philtrum length. Platform key "philtrumLengthRatio". A number -1..1. Default 0. */
  philtrumLengthRatio?: number | null | undefined;
  /** Nose bridge (profile rhinoplasty). Platform key "profileRhinoplasty". A number 0..1. Default 0. */
  profileRhinoplasty?: number | null | undefined;
  /** Rosy complexion strength. Platform key "reddenStrength". A number 0..1. Default 0. */
  reddenStrength?: number | null | undefined;
  /** Dark circle removal. Platform key "removeDarkCircleStrength". A number 0..1. Default 0. */
  removeDarkCircleStrength?: number | null | undefined;
  /** Nasolabial fold removal. Platform key "removeNasolabialFoldsStrength". A number 0..1. Default 0. */
  removeNasolabialFoldsStrength?: number | null | undefined;
  /** Round eyes. Platform key "roundEyesRatio". A number 0..1. Default 0. */
  roundEyesRatio?: number | null | undefined;
  /** Saturation. Platform key "saturationStrength". A number 0..1. Default 0. */
  saturationStrength?: number | null | undefined;
  /** Sharpening. Platform key "sharpen". A number 0..1. Default 0. */
  sharpen?: number | null | undefined;
  /** Cheekbone slimming. Platform key "shrinkCheekbone". A number 0..1. Default 0. */
  shrinkCheekbone?: number | null | undefined;
  /** "Goddess" face slimming. Platform key "shrinkGoddessFace". A number 0..1. Default 0. */
  shrinkGoddessFace?: number | null | undefined;
  /** Jawbone slimming. Platform key "shrinkJawbone". A number 0..1. Default 0. */
  shrinkJawbone?: number | null | undefined;
  /** Long face slimming. Platform key "shrinkLongFace". A number 0..1. Default 0. */
  shrinkLongFace?: number | null | undefined;
  /** Natural face slimming. Platform key "shrinkNaturalFace". A number 0..1. Default 0. */
  shrinkNaturalFace?: number | null | undefined;
  /** Face slimming. Platform key "shrinkRatio". A number 0..1. Default 0. */
  shrinkRatio?: number | null | undefined;
  /** Round face slimming. Platform key "shrinkRoundFace". A number 0..1. Default 0. */
  shrinkRoundFace?: number | null | undefined;
  /** Whole head slimming. Platform key "shrinkWholeHead". A number 0..1. Default 0. */
  shrinkWholeHead?: number | null | undefined;
  /** Small face. Platform key "smallRatio". A number 0..1. Default 0. */
  smallRatio?: number | null | undefined;
  /** Smoothing area: 0 = face only, 1 = whole image (inferred). Platform key "smooth_mode". An integer 0..2. Default 0. */
  smoothMode?: number | null | undefined;
  /** Skin smoothing strength. Platform key "smoothStrength". A number 0..1. Default 0. */
  smoothStrength?: number | null | undefined;
  /** Thin face shape. Platform key "thinFaceShapeRatio". A number 0..1. Default 0. */
  thinFaceShapeRatio?: number | null | undefined;
  /** Thinner head. Platform key "thinnerHead". A number 0..1. Default 0. */
  thinnerHead?: number | null | undefined;
  /** Teeth whitening. Platform key "whiteTeeth". A number 0..1. Default 0. */
  whiteTeeth?: number | null | undefined;
  /** Whitening algorithm (platform code; 0 in the example, other values not public). Platform key "whiten_mode". An integer 0..2. Default 0. */
  whitenMode?: number | null | undefined;
  /** Skin whitening strength. Platform key "whitenStrength". A number 0..1. Default 0. */
  whitenStrength?: number | null | undefined;
};

/** A new preset. Its params are validated exactly as a submission is. */
export type CreatePresetInput = {
  /** Free text for people. At most 2000 characters. No control characters except tab and line breaks; no unpaired surrogates. Default "". */
  description?: string | null | undefined;
  /** Unique per owner. 1..100 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  name: string;
  /** The scene; text fields may contain {{variables}}. */
  params: TakeoverParamsInput;
  /** Tags to find it by. Duplicates are dropped and the tags are stored sorted (by code point). At most 20 items. Each: At most 32 characters. Leading and trailing spaces are trimmed (lengths count after trimming). Format: a tag is 1..32 letters, digits, spaces, "_", "." or "-" (/^[\p{L}\p{N} _.-]{1,32}$/u). No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default none. */
  tags?: Array<string> | null | undefined;
  /** Video name template used when a submission gives none; may contain {{variables}}. 1..255 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  videoName?: string | null | undefined;
};

/** The avatar (digital role). The platform accepts it by `fileId` only. */
export type DigitalRoleInput = {
  /** Face feature id; meaning not public. At most 128 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  faceFeatureId?: string | null | undefined;
  /** The platform file id of the avatar. Required. 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fileId: string;
  /** The platform digital role id (e.g. 4051). Left out of the request when not given. An integer, at least 0. */
  id?: number | null | undefined;
  /** Display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Where the avatar is placed, in pixels. Default (0, 0). */
  position?: PositionInput | null | undefined;
  /** Rotation in degrees. A number -360..360. Default 0. */
  rotation?: number | null | undefined;
  /** Scale factor. A number, greater than 0 and at most 10. Default 1. */
  scale?: number | null | undefined;
  /** Frame of the avatar clip to start from. An integer, at least 0. Default 0. */
  startFrameIndex?: number | null | undefined;
  /** Must be empty: the platform references the avatar by fileId only. At most 0 characters. Default "". */
  url?: string | null | undefined;
  /** Layer order; higher is in front. An integer -1000..1000. Default 1. */
  zPosition?: number | null | undefined;
};

/** The avatar (digital role). The platform accepts it by `fileId` only. As an override: every field optional; objects merge, lists replace, null removes. */
export type DigitalRolePatch = {
  /** Face feature id; meaning not public. At most 128 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  faceFeatureId?: string | null | undefined;
  /** The platform file id of the avatar. Required. 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fileId?: string | null | undefined;
  /** The platform digital role id (e.g. 4051). Left out of the request when not given. An integer, at least 0. */
  id?: number | null | undefined;
  /** Display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Where the avatar is placed, in pixels. Default (0, 0). */
  position?: PositionPatch | null | undefined;
  /** Rotation in degrees. A number -360..360. Default 0. */
  rotation?: number | null | undefined;
  /** Scale factor. A number, greater than 0 and at most 10. Default 1. */
  scale?: number | null | undefined;
  /** Frame of the avatar clip to start from. An integer, at least 0. Default 0. */
  startFrameIndex?: number | null | undefined;
  /** Must be empty: the platform references the avatar by fileId only. At most 0 characters. Default "". */
  url?: string | null | undefined;
  /** Layer order; higher is in front. An integer -1000..1000. Default 1. */
  zPosition?: number | null | undefined;
};

/** Visual effects applied to the avatar. */
export type EffectsInput = {
  /** Beauty filter settings. */
  beautify?: BeautifyInput | null | undefined;
  /** Effects format version. At most 16 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "1.0". */
  version?: string | null | undefined;
};

/** Visual effects applied to the avatar. As an override: every field optional; objects merge, lists replace, null removes. */
export type EffectsPatch = {
  /** Beauty filter settings. */
  beautify?: BeautifyPatch | null | undefined;
  /** Effects format version. At most 16 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "1.0". */
  version?: string | null | undefined;
};

/** A foreground layer. At most 20. */
export type ForegroundInput = {
  /** Loop the media. Default false. */
  cycle?: boolean | null | undefined;
  /** How long the layer shows (unit not public, likely frames); -1 means until the end. An integer, at least -1. Default -1. */
  duration?: number | null | undefined;
  /** The platform file id of the image or video. Required. 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fileId: string;
  /** Display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Offset into the media where playback starts (unit not public, likely frames). An integer, at least 0. Default 0. */
  playOffset?: number | null | undefined;
  /** Where the layer is drawn. */
  rect: RectInput;
  /** Rotation in degrees. A number -360..360. Default 0. */
  rotation?: number | null | undefined;
  /** When the layer appears (unit not public, likely frames). An integer, at least 0. Default 0. */
  start?: number | null | undefined;
  /** Layer media type code; 0 in the platform example, other values not public (likely image vs video). An integer 0..255. Default 0. */
  type?: number | null | undefined;
  /** Must be empty: the platform references layers by fileId only. At most 0 characters. Default "". */
  url?: string | null | undefined;
  /** Layer order; higher is in front. An integer -1000..1000. Default 0. */
  zPosition?: number | null | undefined;
};

/** A foreground layer. At most 20. As an override: every field optional; objects merge, lists replace, null removes. */
export type ForegroundPatch = {
  /** Loop the media. Default false. */
  cycle?: boolean | null | undefined;
  /** How long the layer shows (unit not public, likely frames); -1 means until the end. An integer, at least -1. Default -1. */
  duration?: number | null | undefined;
  /** The platform file id of the image or video. Required. 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fileId?: string | null | undefined;
  /** Display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Offset into the media where playback starts (unit not public, likely frames). An integer, at least 0. Default 0. */
  playOffset?: number | null | undefined;
  /** Where the layer is drawn. */
  rect?: RectPatch | null | undefined;
  /** Rotation in degrees. A number -360..360. Default 0. */
  rotation?: number | null | undefined;
  /** When the layer appears (unit not public, likely frames). An integer, at least 0. Default 0. */
  start?: number | null | undefined;
  /** Layer media type code; 0 in the platform example, other values not public (likely image vs video). An integer 0..255. Default 0. */
  type?: number | null | undefined;
  /** Must be empty: the platform references layers by fileId only. At most 0 characters. Default "". */
  url?: string | null | undefined;
  /** Layer order; higher is in front. An integer -1000..1000. Default 0. */
  zPosition?: number | null | undefined;
};

/** A text overlay (the platform's "foreground-texts"). At most 50. */
export type ForegroundTextInput = {
  /** Box colour behind the text as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  backgroundRgba?: Array<number> | null | undefined;
  /** Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black"). 1..255 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fontFamily: string;
  /** Font size in pixels. A number, greater than 0 and at most 1000. Default 40. */
  fontSize?: number | null | undefined;
  /** Opacity, 0 (invisible) to 1 (opaque). A number 0..1. Default 1. */
  opacity?: number | null | undefined;
  /** Where the text is placed. Default (0, 0). */
  position?: PositionInput | null | undefined;
  /** Text colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [255, 255, 255, 255]. */
  rgba?: Array<number> | null | undefined;
  /** Outline colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  strokeRgba?: Array<number> | null | undefined;
  /** Outline width in pixels. A number 0..100. Default 0. */
  strokeWidth?: number | null | undefined;
  /** The text. In a preset it may contain {{variables}}. 1..500 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  text: string;
  /** Layer order; higher is in front. An integer -1000..1000. Default 10. */
  zPosition?: number | null | undefined;
};

/** A text overlay (the platform's "foreground-texts"). At most 50. As an override: every field optional; objects merge, lists replace, null removes. */
export type ForegroundTextPatch = {
  /** Box colour behind the text as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  backgroundRgba?: Array<number> | null | undefined;
  /** Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black"). 1..255 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fontFamily?: string | null | undefined;
  /** Font size in pixels. A number, greater than 0 and at most 1000. Default 40. */
  fontSize?: number | null | undefined;
  /** Opacity, 0 (invisible) to 1 (opaque). A number 0..1. Default 1. */
  opacity?: number | null | undefined;
  /** Where the text is placed. Default (0, 0). */
  position?: PositionPatch | null | undefined;
  /** Text colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [255, 255, 255, 255]. */
  rgba?: Array<number> | null | undefined;
  /** Outline colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  strokeRgba?: Array<number> | null | undefined;
  /** Outline width in pixels. A number 0..100. Default 0. */
  strokeWidth?: number | null | undefined;
  /** The text. In a preset it may contain {{variables}}. 1..500 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  text?: string | null | undefined;
  /** Layer order; higher is in front. An integer -1000..1000. Default 10. */
  zPosition?: number | null | undefined;
};

/** A point on the canvas in pixels, from the top-left corner. Each coordinate -16384..16384. */
export type PositionInput = {
  /** Pixels from the left edge. A number -16384..16384. Default 0. */
  x?: number | null | undefined;
  /** Pixels from the top edge. A number -16384..16384. Default 0. */
  y?: number | null | undefined;
};

/** A point on the canvas in pixels, from the top-left corner. Each coordinate -16384..16384. As an override: every field optional; objects merge, lists replace, null removes. */
export type PositionPatch = {
  /** Pixels from the left edge. A number -16384..16384. Default 0. */
  x?: number | null | undefined;
  /** Pixels from the top edge. A number -16384..16384. Default 0. */
  y?: number | null | undefined;
};

/** Build the scene from a saved preset. */
export type PresetReferenceInput = {
  /** The preset's global id. A malformed id (not a global id, or of another type) answers exactly as an id no object of yours has: null from lookups, NotFoundError from mutations, a ValidationError issue in a preset reference. Only an id that breaks the text rule or is longer than 200 characters is refused as bad input. At most 200 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  id: string | number;
  /** Changes to the preset scene, deep-merged over it: objects merge, lists replace, null removes. */
  overrides?: TakeoverParamsPatch | null | undefined;
  /** A value for every variable the preset uses (its `variables`). A value for a variable the preset declares but no longer uses after `overrides` is accepted with a warning; a value for a name the preset never declared is refused. At most 100 items. */
  variables?: Array<VariableValueInput> | null | undefined;
  /** A past version; the current one when left out. An integer, greater than 0. */
  version?: number | null | undefined;
};

/** A rectangle on the canvas in whole pixels; sent to the platform as [x, y, width, height]. */
export type RectInput = {
  /** Height. An integer, greater than 0 and at most 16384. */
  height: number;
  /** Width. An integer, greater than 0 and at most 16384. */
  width: number;
  /** Left edge. An integer -16384..16384. */
  x: number;
  /** Top edge. An integer -16384..16384. */
  y: number;
};

/** A rectangle on the canvas in whole pixels; sent to the platform as [x, y, width, height]. As an override: every field optional; objects merge, lists replace, null removes. */
export type RectPatch = {
  /** Height. An integer, greater than 0 and at most 16384. */
  height?: number | null | undefined;
  /** Width. An integer, greater than 0 and at most 16384. */
  width?: number | null | undefined;
  /** Left edge. An integer -16384..16384. */
  x?: number | null | undefined;
  /** Top edge. An integer -16384..16384. */
  y?: number | null | undefined;
};

/** Output video size in pixels; sent as [width, height]. Each side 16..4096. */
export type ResolutionInput = {
  /** Height in pixels, e.g. 1920. An integer 16..4096. */
  height: number;
  /** Width in pixels, e.g. 1080. An integer 16..4096. */
  width: number;
};

/** Output video size in pixels; sent as [width, height]. Each side 16..4096. As an override: every field optional; objects merge, lists replace, null removes. */
export type ResolutionPatch = {
  /** Height in pixels, e.g. 1920. An integer 16..4096. */
  height?: number | null | undefined;
  /** Width in pixels, e.g. 1080. An integer 16..4096. */
  width?: number | null | undefined;
};

/** Kinds of legal but probably unintended scenes. */
export type SceneWarningCode =
  /** No background covers the whole canvas. */
  | 'BACKGROUND_GAPS'
  /** The watermark is shown but empty. */
  | 'EMPTY_WATERMARK'
  /** An odd width or height, which H.264 cannot encode as is. */
  | 'ODD_RESOLUTION'
  /** A layer, text, title or the avatar lies entirely outside the canvas. */
  | 'OFF_CANVAS'
  /** Two overlapping items share a z position, so their order is undefined. */
  | 'SAME_Z_OVERLAP'
  /** The script looks like SSML but `ssml` is false. */
  | 'SSML_NOT_FLAGGED'
  /** At its font size the text is wider than the canvas (estimated). */
  | 'TEXT_TOO_WIDE'
  /** A value was given for a variable the preset declares, but the overrides removed every place that used it. */
  | 'UNUSED_VARIABLE';

/** Everything the platform needs to render a takeover video. Only `resolution`, `digitalRole` and a script (`ttsQuery.content`, or `audios`) are required; every default is applied by this service and stored with the task. */
export type TakeoverParamsInput = {
  /** Audio tracks. At most 20 items. Default none. */
  audios?: Array<AudioInput> | null | undefined;
  /** Background layers, behind the avatar. At most 20 items. Default none. */
  backgrounds?: Array<BackgroundInput> | null | undefined;
  /** Bit rate (unit not public, likely Mbps). A number, greater than 0 and at most 100. Default 8. */
  bitRate?: number | null | undefined;
  /** The avatar. Required. */
  digitalRole: DigitalRoleInput;
  /** Visual effects. Left out of the request when not given. */
  effects?: EffectsInput | null | undefined;
  /** Text overlays. At most 50 items. Default none. */
  foregroundTexts?: Array<ForegroundTextInput> | null | undefined;
  /** Foreground layers. At most 20 items. Default none. */
  foregrounds?: Array<ForegroundInput> | null | undefined;
  /** Frames per second (the platform encodes H.264 at 25 fps). An integer 1..60. Default 25. */
  frameRate?: number | null | undefined;
  /** Output video size. Required. */
  resolution: ResolutionInput;
  /** The title overlay. Left out of the request when not given. */
  title?: TitleInput | null | undefined;
  /** TTS voice. Left out of the request when not given. */
  ttsConfig?: TtsConfigInput | null | undefined;
  /** TTS script. Left out of the request when not given. */
  ttsQuery?: TtsQueryInput | null | undefined;
  /** Synthesis format version. 1..16 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "0.0.13". */
  version?: string | null | undefined;
  /** Container of the rendered video. Default "MP4". */
  videoFormat?: VideoFormat | null | undefined;
  /** Watermark text. Default hidden. */
  watermark?: WatermarkInput | null | undefined;
};

/** Everything the platform needs to render a takeover video. Only `resolution`, `digitalRole` and a script (`ttsQuery.content`, or `audios`) are required; every default is applied by this service and stored with the task. As an override: every field optional; objects merge, lists replace, null removes. */
export type TakeoverParamsPatch = {
  /** Audio tracks. At most 20 items. Default none. */
  audios?: Array<AudioPatch> | null | undefined;
  /** Background layers, behind the avatar. At most 20 items. Default none. */
  backgrounds?: Array<BackgroundPatch> | null | undefined;
  /** Bit rate (unit not public, likely Mbps). A number, greater than 0 and at most 100. Default 8. */
  bitRate?: number | null | undefined;
  /** The avatar. Required. */
  digitalRole?: DigitalRolePatch | null | undefined;
  /** Visual effects. Left out of the request when not given. */
  effects?: EffectsPatch | null | undefined;
  /** Text overlays. At most 50 items. Default none. */
  foregroundTexts?: Array<ForegroundTextPatch> | null | undefined;
  /** Foreground layers. At most 20 items. Default none. */
  foregrounds?: Array<ForegroundPatch> | null | undefined;
  /** Frames per second (the platform encodes H.264 at 25 fps). An integer 1..60. Default 25. */
  frameRate?: number | null | undefined;
  /** Output video size. Required. */
  resolution?: ResolutionPatch | null | undefined;
  /** The title overlay. Left out of the request when not given. */
  title?: TitlePatch | null | undefined;
  /** TTS voice. Left out of the request when not given. */
  ttsConfig?: TtsConfigPatch | null | undefined;
  /** TTS script. Left out of the request when not given. */
  ttsQuery?: TtsQueryPatch | null | undefined;
  /** Synthesis format version. 1..16 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "0.0.13". */
  version?: string | null | undefined;
  /** Container of the rendered video. Default "MP4". */
  videoFormat?: VideoFormat | null | undefined;
  /** Watermark text. Default hidden. */
  watermark?: WatermarkPatch | null | undefined;
};

/** What caused a status change. */
export type TaskEventSource =
  /** The platform's callback about the task (see README: what is assumed of its shape). */
  | 'CALLBACK'
  /** Its owner settled an UNKNOWN task (`reconcileTask`). */
  | 'RECONCILIATION'
  /** Crash recovery: the task was still SUBMITTING after the deadline its instance had set. */
  | 'RECOVERY'
  /** A status query this service made to the platform. */
  | 'STATUS_QUERY'
  /** The submission itself: the record was written, or the platform answered the create call. */
  | 'SUBMISSION';

/** Narrows `taskEvents`. All given conditions must hold. */
export type TaskEventsFilterInput = {
  /** Tasks made from this preset. At most 200 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. A malformed or unknown id matches no task. */
  presetId?: string | number | null | undefined;
  /** Changes to any of these statuses. */
  status?: Array<TaskStatus> | null | undefined;
};

/** Narrows `tasks`. All given conditions must hold. */
export type TaskFilterInput = {
  /** Created at or after this time. */
  createdAfter?: string | null | undefined;
  /** Created before this time. */
  createdBefore?: string | null | undefined;
  /** Made from this preset. At most 200 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. A malformed or unknown id matches no task. */
  presetId?: string | number | null | undefined;
  /** Part of the video name, matched literally ("%" and "_" are not wildcards), case-insensitively. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  search?: string | null | undefined;
  /** Any of these statuses. */
  status?: Array<TaskStatus> | null | undefined;
};

/** Where a submission stands, as far as this service knows. */
export type TaskStatus =
  /** The platform accepted the task but could not make the video (`platformCode`, `platformMessage`). Final. */
  | 'FAILED'
  /** The platform is making the video (`progress` says how far, when the platform says). */
  | 'PROCESSING'
  /** The platform refused the task with a non-zero code; nothing was created. Final. */
  | 'REJECTED'
  /** The platform accepted the task and returned its id; it has not started making the video yet. */
  | 'SUBMITTED'
  /** Recorded; the platform call is in flight (or the process stopped during it). */
  | 'SUBMITTING'
  /** The video is ready: `resultUrl` downloads it until `expiresAt` (7 days after completion). Final. */
  | 'SUCCEEDED'
  /** The request went out and no usable answer came back (or the submitting instance stopped mid-call): the platform may have created the task. Never resubmitted automatically; a late answer from the same call, a report from the platform, or its owner (`reconcileTask`) moves it on. */
  | 'UNKNOWN'
  /** Nothing was created: the platform could not be reached, or answered that it did not process the request (HTTP 3xx, 4xx, 503), or its owner reconciled an UNKNOWN task as not created. Final; the same idempotency key may submit again. */
  | 'UNREACHABLE';

/** The video title overlay. */
export type TitleInput = {
  /** Box colour behind the text as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  backgroundRgba?: Array<number> | null | undefined;
  /** Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black"). 1..255 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fontFamily: string;
  /** Font size in pixels. A number, greater than 0 and at most 1000. Default 40. */
  fontSize?: number | null | undefined;
  /** Opacity, 0 (invisible) to 1 (opaque). A number 0..1. Default 1. */
  opacity?: number | null | undefined;
  /** Where the text is placed. Default (0, 0). */
  position?: PositionInput | null | undefined;
  /** Text colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [255, 255, 255, 255]. */
  rgba?: Array<number> | null | undefined;
  /** Scale factor. A number, greater than 0 and at most 10. Default 1. */
  scale?: number | null | undefined;
  /** Outline colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  strokeRgba?: Array<number> | null | undefined;
  /** Outline width in pixels. A number 0..100. Default 0. */
  strokeWidth?: number | null | undefined;
  /** The text. In a preset it may contain {{variables}}. 1..500 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  text: string;
};

/** The video title overlay. As an override: every field optional; objects merge, lists replace, null removes. */
export type TitlePatch = {
  /** Box colour behind the text as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  backgroundRgba?: Array<number> | null | undefined;
  /** Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black"). 1..255 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  fontFamily?: string | null | undefined;
  /** Font size in pixels. A number, greater than 0 and at most 1000. Default 40. */
  fontSize?: number | null | undefined;
  /** Opacity, 0 (invisible) to 1 (opaque). A number 0..1. Default 1. */
  opacity?: number | null | undefined;
  /** Where the text is placed. Default (0, 0). */
  position?: PositionPatch | null | undefined;
  /** Text colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [255, 255, 255, 255]. */
  rgba?: Array<number> | null | undefined;
  /** Scale factor. A number, greater than 0 and at most 10. Default 1. */
  scale?: number | null | undefined;
  /** Outline colour as [red, green, blue, alpha]. Exactly 4 items. Each: An integer 0..255. Default [0, 0, 0, 0]. */
  strokeRgba?: Array<number> | null | undefined;
  /** Outline width in pixels. A number 0..100. Default 0. */
  strokeWidth?: number | null | undefined;
  /** The text. In a preset it may contain {{variables}}. 1..500 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  text?: string | null | undefined;
};

/** The text-to-speech voice. When left out, the platform chooses (behaviour not public). */
export type TtsConfigInput = {
  /** Voice id, e.g. "xiaoyue". 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  id: string;
  /** BCP 47 language tag. At most 35 characters. Format: must be a BCP 47 language tag such as "zh-CN" (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/). No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "zh-CN". */
  language?: string | null | undefined;
  /** Voice display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Pitch shift; unit not public. A number -50..50. Default 0. */
  pitchOffset?: number | null | undefined;
  /** Speaking speed multiplier. A number 0.25..4. Default 1. */
  speedRatio?: number | null | undefined;
  /** TTS vendor code (e.g. 3); the list is not public. Left out when not given. An integer, at least 0. */
  vendorId?: number | null | undefined;
  /** Volume (the platform's examples use 100 and 400; scale not public). An integer 0..1000. Default 100. */
  volume?: number | null | undefined;
};

/** The text-to-speech voice. When left out, the platform chooses (behaviour not public). As an override: every field optional; objects merge, lists replace, null removes. */
export type TtsConfigPatch = {
  /** Voice id, e.g. "xiaoyue". 1..128 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  id?: string | null | undefined;
  /** BCP 47 language tag. At most 35 characters. Format: must be a BCP 47 language tag such as "zh-CN" (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/). No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "zh-CN". */
  language?: string | null | undefined;
  /** Voice display name. At most 255 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  name?: string | null | undefined;
  /** Pitch shift; unit not public. A number -50..50. Default 0. */
  pitchOffset?: number | null | undefined;
  /** Speaking speed multiplier. A number 0.25..4. Default 1. */
  speedRatio?: number | null | undefined;
  /** TTS vendor code (e.g. 3); the list is not public. Left out when not given. An integer, at least 0. */
  vendorId?: number | null | undefined;
  /** Volume (the platform's examples use 100 and 400; scale not public). An integer 0..1000. Default 100. */
  volume?: number | null | undefined;
};

/** What the avatar says. Required unless `audios` drive the avatar. */
export type TtsQueryInput = {
  /** The script, plain text or SSML. In a preset it may contain {{variables}}. At most 10000 characters. No control characters except tab and line breaks; no unpaired surrogates. Default "". */
  content?: string | null | undefined;
  /** True when `content` is SSML; it must then be well-formed XML with a <speak> root. Default false. */
  ssml?: boolean | null | undefined;
};

/** What the avatar says. Required unless `audios` drive the avatar. As an override: every field optional; objects merge, lists replace, null removes. */
export type TtsQueryPatch = {
  /** The script, plain text or SSML. In a preset it may contain {{variables}}. At most 10000 characters. No control characters except tab and line breaks; no unpaired surrogates. Default "". */
  content?: string | null | undefined;
  /** True when `content` is SSML; it must then be well-formed XML with a <speak> root. Default false. */
  ssml?: boolean | null | undefined;
};

/** Changes to a preset; fields left out stay as they are. Saved as a new version. */
export type UpdatePresetInput = {
  /** New description. Free text for people. At most 2000 characters. No control characters except tab and line breaks; no unpaired surrogates. */
  description?: string | null | undefined;
  /** New name. Unique per owner. 1..100 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  name?: string | null | undefined;
  /** Replaces the whole scene. The scene; text fields may contain {{variables}}. */
  params?: TakeoverParamsInput | null | undefined;
  /** Replaces the tags. Tags to find it by. Duplicates are dropped and the tags are stored sorted (by code point). At most 20 items. Each: At most 32 characters. Leading and trailing spaces are trimmed (lengths count after trimming). Format: a tag is 1..32 letters, digits, spaces, "_", "." or "-" (/^[\p{L}\p{N} _.-]{1,32}$/u). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  tags?: Array<string> | null | undefined;
  /** New video name template; null removes it. Video name template used when a submission gives none; may contain {{variables}}. 1..255 characters. Leading and trailing spaces are trimmed (lengths count after trimming). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  videoName?: string | null | undefined;
};

/** A value for one {{variable}} of a preset. */
export type VariableValueInput = {
  /** The variable name, without braces. At most 64 characters. Format: a variable name is letters, digits and "_" (/^[A-Za-z_][A-Za-z0-9_]*$/). No control characters (NUL, tab, line breaks...); no unpaired surrogates. */
  name: string;
  /** Text put in its place (XML-escaped inside SSML). At most 10000 characters. No control characters except tab and line breaks; no unpaired surrogates. */
  value: string;
};

/** Container of the rendered video. */
export type VideoFormat =
  /** MP4 (H.264). Sent as "MP4". */
  | 'MP4'
  /** WebM. Sent as "WEBM": the platform renders WebM but does not publish the exact string. */
  | 'WEBM';

/** A watermark text. When the whole input is left out, no watermark is shown. */
export type WatermarkInput = {
  /** Watermark text. In a preset it may contain {{variables}}. At most 100 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  content?: string | null | undefined;
  /** Show the watermark (when the whole watermark is left out, none is shown). Default true. */
  show?: boolean | null | undefined;
};

/** A watermark text. When the whole input is left out, no watermark is shown. As an override: every field optional; objects merge, lists replace, null removes. */
export type WatermarkPatch = {
  /** Watermark text. In a preset it may contain {{variables}}. At most 100 characters. No control characters (NUL, tab, line breaks...); no unpaired surrogates. Default "". */
  content?: string | null | undefined;
  /** Show the watermark (when the whole watermark is left out, none is shown). Default true. */
  show?: boolean | null | undefined;
};

export type CreateTakeoverVideoMutationVariables = Exact<{
  videoName: string;
  thumbnailUrl?: string | null | undefined;
  params: TakeoverParamsInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateTakeoverVideoMutation = { createTakeoverVideo:
    | { __typename: 'CreateTakeoverVideoSuccess', platformTaskId: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, platformTaskId: string | null, expiresAt: string | null, presetVersion: number | null, warnings: Array<{ path: string, code: SceneWarningCode, message: string }> } }
    | { __typename: 'IdempotencyKeyReusedError', message: string, idempotencyKey: string }
    | { __typename: 'PlatformRejectedError', message: string, code: number, platformMessage: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus } }
    | { __typename: 'PlatformUnreachableError', message: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, failureReason: string | null } }
    | { __typename: 'SubmissionInProgress', message: string, task: { id: string, status: TaskStatus } }
    | { __typename: 'SubmissionOutcomeUnknownError', message: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, failureReason: string | null, events: Array<{ at: string, fromStatus: TaskStatus | null, toStatus: TaskStatus, source: TaskEventSource, message: string }> } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: string, message: string }> }
   };

export type CreateTakeoverVideoFromPresetMutationVariables = Exact<{
  preset: PresetReferenceInput;
  videoName?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateTakeoverVideoFromPresetMutation = { createTakeoverVideo:
    | { __typename: 'CreateTakeoverVideoSuccess', platformTaskId: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, platformTaskId: string | null, expiresAt: string | null, presetVersion: number | null, warnings: Array<{ path: string, code: SceneWarningCode, message: string }> } }
    | { __typename: 'IdempotencyKeyReusedError', message: string, idempotencyKey: string }
    | { __typename: 'PlatformRejectedError', message: string, code: number, platformMessage: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus } }
    | { __typename: 'PlatformUnreachableError', message: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, failureReason: string | null } }
    | { __typename: 'SubmissionInProgress', message: string, task: { id: string, status: TaskStatus } }
    | { __typename: 'SubmissionOutcomeUnknownError', message: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, failureReason: string | null, events: Array<{ at: string, fromStatus: TaskStatus | null, toStatus: TaskStatus, source: TaskEventSource, message: string }> } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: string, message: string }> }
   };

type SubmissionResult_CreateTakeoverVideoSuccess_Fragment = { __typename: 'CreateTakeoverVideoSuccess', platformTaskId: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, platformTaskId: string | null, expiresAt: string | null, presetVersion: number | null, warnings: Array<{ path: string, code: SceneWarningCode, message: string }> } };

type SubmissionResult_IdempotencyKeyReusedError_Fragment = { __typename: 'IdempotencyKeyReusedError', message: string, idempotencyKey: string };

type SubmissionResult_PlatformRejectedError_Fragment = { __typename: 'PlatformRejectedError', message: string, code: number, platformMessage: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus } };

type SubmissionResult_PlatformUnreachableError_Fragment = { __typename: 'PlatformUnreachableError', message: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, failureReason: string | null } };

type SubmissionResult_SubmissionInProgress_Fragment = { __typename: 'SubmissionInProgress', message: string, task: { id: string, status: TaskStatus } };

type SubmissionResult_SubmissionOutcomeUnknownError_Fragment = { __typename: 'SubmissionOutcomeUnknownError', message: string, outcomeRecorded: boolean, task: { id: string, status: TaskStatus, failureReason: string | null, events: Array<{ at: string, fromStatus: TaskStatus | null, toStatus: TaskStatus, source: TaskEventSource, message: string }> } };

type SubmissionResult_ValidationError_Fragment = { __typename: 'ValidationError', message: string, issues: Array<{ path: string, message: string }> };

export type SubmissionResultFragment =
  | SubmissionResult_CreateTakeoverVideoSuccess_Fragment
  | SubmissionResult_IdempotencyKeyReusedError_Fragment
  | SubmissionResult_PlatformRejectedError_Fragment
  | SubmissionResult_PlatformUnreachableError_Fragment
  | SubmissionResult_SubmissionInProgress_Fragment
  | SubmissionResult_SubmissionOutcomeUnknownError_Fragment
  | SubmissionResult_ValidationError_Fragment
;

export type PresetSummaryFragment = { id: string, name: string, description: string, tags: Array<string>, videoName: string | null, version: number, variables: Array<string>, updatedAt: string };

export type PresetsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  tag?: string | null | undefined;
}>;


export type PresetsQuery = { presets: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string, tags: Array<string>, videoName: string | null, version: number, variables: Array<string>, updatedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PresetQueryVariables = Exact<{
  id: string | number;
}>;


export type PresetQuery = { preset: { id: string, name: string, description: string, tags: Array<string>, videoName: string | null, version: number, variables: Array<string>, updatedAt: string, warnings: Array<{ path: string, code: SceneWarningCode, message: string }>, versions: Array<{ version: number, name: string, createdAt: string }> } | null };

export type CreatePresetMutationVariables = Exact<{
  input: CreatePresetInput;
}>;


export type CreatePresetMutation = { createPreset:
    | { __typename: 'CreatePresetSuccess', preset: { id: string, name: string, description: string, tags: Array<string>, videoName: string | null, version: number, variables: Array<string>, updatedAt: string } }
    | { __typename: 'PresetNameTakenError', message: string, name: string }
    | { __typename: 'ValidationError', issues: Array<{ path: string, message: string }> }
   };

export type UpdatePresetMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
  input: UpdatePresetInput;
}>;


export type UpdatePresetMutation = { updatePreset:
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'PresetNameTakenError', message: string }
    | { __typename: 'PresetVersionConflictError', message: string, currentVersion: number }
    | { __typename: 'UpdatePresetSuccess', preset: { id: string, name: string, description: string, tags: Array<string>, videoName: string | null, version: number, variables: Array<string>, updatedAt: string } }
    | { __typename: 'ValidationError', issues: Array<{ path: string, message: string }> }
   };

export type DuplicatePresetMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type DuplicatePresetMutation = { duplicatePreset:
    | { __typename: 'DuplicatePresetSuccess', preset: { id: string, name: string, description: string, tags: Array<string>, videoName: string | null, version: number, variables: Array<string>, updatedAt: string } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'PresetNameTakenError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type DeletePresetMutationVariables = Exact<{
  id: string | number;
}>;


export type DeletePresetMutation = { deletePreset:
    | { __typename: 'DeletePresetSuccess', deletedId: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type CheckSceneQueryVariables = Exact<{
  params?: TakeoverParamsInput | null | undefined;
  preset?: PresetReferenceInput | null | undefined;
  videoName?: string | null | undefined;
  thumbnailUrl?: string | null | undefined;
  frame?: number | null | undefined;
}>;


export type CheckSceneQuery = { checkScene: { videoName: string | null, paramString: string | null, previewSvg: string | null, issues: Array<{ path: string, message: string }>, warnings: Array<{ path: string, code: SceneWarningCode, message: string }> } };

export type TaskUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type TaskUpdatedSubscription = { taskUpdated: { task: { id: string, videoName: string, status: TaskStatus, progress: number | null, resultUrl: string | null, expiresAt: string | null, platformCode: number | null, platformMessage: string | null, failureReason: string | null }, event: { at: string, fromStatus: TaskStatus | null, toStatus: TaskStatus, progress: number | null, source: TaskEventSource, message: string } | null } | null };

export type TaskEventsSubscriptionVariables = Exact<{
  filter?: TaskEventsFilterInput | null | undefined;
}>;


export type TaskEventsSubscription = { taskEvents: { task: { id: string, videoName: string, status: TaskStatus, progress: number | null, resultUrl: string | null }, event: { at: string, fromStatus: TaskStatus | null, toStatus: TaskStatus, progress: number | null, source: TaskEventSource, message: string } | null } };

export type TasksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TaskFilterInput | null | undefined;
}>;


export type TasksQuery = { tasks: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, videoName: string, status: TaskStatus, platformTaskId: string | null, createdAt: string, expiresAt: string | null, expired: boolean, presetVersion: number | null, preset: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TaskQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskQuery = { task: { id: string, videoName: string, status: TaskStatus, paramString: string, previewUrl: string, params: { resolution: { width: number, height: number }, digitalRole: { fileId: string, scale: number }, ttsQuery: { content: string, ssml: boolean } | null } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SubmissionResultFragmentDoc = new TypedDocumentString(`
    fragment SubmissionResult on CreateTakeoverVideoResult {
  __typename
  ... on CreateTakeoverVideoSuccess {
    platformTaskId
    outcomeRecorded
    task {
      id
      status
      platformTaskId
      expiresAt
      presetVersion
      warnings {
        path
        code
        message
      }
    }
  }
  ... on SubmissionInProgress {
    message
    task {
      id
      status
    }
  }
  ... on ValidationError {
    message
    issues {
      path
      message
    }
  }
  ... on IdempotencyKeyReusedError {
    message
    idempotencyKey
  }
  ... on PlatformRejectedError {
    message
    code
    platformMessage
    outcomeRecorded
    task {
      id
      status
    }
  }
  ... on PlatformUnreachableError {
    message
    outcomeRecorded
    task {
      id
      status
      failureReason
    }
  }
  ... on SubmissionOutcomeUnknownError {
    message
    outcomeRecorded
    task {
      id
      status
      failureReason
      events {
        at
        fromStatus
        toStatus
        source
        message
      }
    }
  }
}
    `, {"fragmentName":"SubmissionResult"}) as unknown as TypedDocumentString<SubmissionResultFragment, unknown>;
export const PresetSummaryFragmentDoc = new TypedDocumentString(`
    fragment PresetSummary on Preset {
  id
  name
  description
  tags
  videoName
  version
  variables
  updatedAt
}
    `, {"fragmentName":"PresetSummary"}) as unknown as TypedDocumentString<PresetSummaryFragment, unknown>;
export const CreateTakeoverVideoDocument = new TypedDocumentString(`
    mutation CreateTakeoverVideo($videoName: String!, $thumbnailUrl: String, $params: TakeoverParamsInput!, $idempotencyKey: String) {
  createTakeoverVideo(
    videoName: $videoName
    thumbnailUrl: $thumbnailUrl
    params: $params
    idempotencyKey: $idempotencyKey
  ) {
    ...SubmissionResult
  }
}
    fragment SubmissionResult on CreateTakeoverVideoResult {
  __typename
  ... on CreateTakeoverVideoSuccess {
    platformTaskId
    outcomeRecorded
    task {
      id
      status
      platformTaskId
      expiresAt
      presetVersion
      warnings {
        path
        code
        message
      }
    }
  }
  ... on SubmissionInProgress {
    message
    task {
      id
      status
    }
  }
  ... on ValidationError {
    message
    issues {
      path
      message
    }
  }
  ... on IdempotencyKeyReusedError {
    message
    idempotencyKey
  }
  ... on PlatformRejectedError {
    message
    code
    platformMessage
    outcomeRecorded
    task {
      id
      status
    }
  }
  ... on PlatformUnreachableError {
    message
    outcomeRecorded
    task {
      id
      status
      failureReason
    }
  }
  ... on SubmissionOutcomeUnknownError {
    message
    outcomeRecorded
    task {
      id
      status
      failureReason
      events {
        at
        fromStatus
        toStatus
        source
        message
      }
    }
  }
}`) as unknown as TypedDocumentString<CreateTakeoverVideoMutation, CreateTakeoverVideoMutationVariables>;
export const CreateTakeoverVideoFromPresetDocument = new TypedDocumentString(`
    mutation CreateTakeoverVideoFromPreset($preset: PresetReferenceInput!, $videoName: String, $idempotencyKey: String) {
  createTakeoverVideo(
    preset: $preset
    videoName: $videoName
    idempotencyKey: $idempotencyKey
  ) {
    ...SubmissionResult
  }
}
    fragment SubmissionResult on CreateTakeoverVideoResult {
  __typename
  ... on CreateTakeoverVideoSuccess {
    platformTaskId
    outcomeRecorded
    task {
      id
      status
      platformTaskId
      expiresAt
      presetVersion
      warnings {
        path
        code
        message
      }
    }
  }
  ... on SubmissionInProgress {
    message
    task {
      id
      status
    }
  }
  ... on ValidationError {
    message
    issues {
      path
      message
    }
  }
  ... on IdempotencyKeyReusedError {
    message
    idempotencyKey
  }
  ... on PlatformRejectedError {
    message
    code
    platformMessage
    outcomeRecorded
    task {
      id
      status
    }
  }
  ... on PlatformUnreachableError {
    message
    outcomeRecorded
    task {
      id
      status
      failureReason
    }
  }
  ... on SubmissionOutcomeUnknownError {
    message
    outcomeRecorded
    task {
      id
      status
      failureReason
      events {
        at
        fromStatus
        toStatus
        source
        message
      }
    }
  }
}`) as unknown as TypedDocumentString<CreateTakeoverVideoFromPresetMutation, CreateTakeoverVideoFromPresetMutationVariables>;
export const PresetsDocument = new TypedDocumentString(`
    query Presets($first: Int, $after: String, $search: String, $tag: String) {
  presets(first: $first, after: $after, search: $search, tag: $tag) {
    totalCount
    edges {
      node {
        ...PresetSummary
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment PresetSummary on Preset {
  id
  name
  description
  tags
  videoName
  version
  variables
  updatedAt
}`) as unknown as TypedDocumentString<PresetsQuery, PresetsQueryVariables>;
export const PresetDocument = new TypedDocumentString(`
    query Preset($id: ID!) {
  preset(id: $id) {
    ...PresetSummary
    warnings {
      path
      code
      message
    }
    versions {
      version
      name
      createdAt
    }
  }
}
    fragment PresetSummary on Preset {
  id
  name
  description
  tags
  videoName
  version
  variables
  updatedAt
}`) as unknown as TypedDocumentString<PresetQuery, PresetQueryVariables>;
export const CreatePresetDocument = new TypedDocumentString(`
    mutation CreatePreset($input: CreatePresetInput!) {
  createPreset(input: $input) {
    __typename
    ... on CreatePresetSuccess {
      preset {
        ...PresetSummary
      }
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on PresetNameTakenError {
      message
      name
    }
  }
}
    fragment PresetSummary on Preset {
  id
  name
  description
  tags
  videoName
  version
  variables
  updatedAt
}`) as unknown as TypedDocumentString<CreatePresetMutation, CreatePresetMutationVariables>;
export const UpdatePresetDocument = new TypedDocumentString(`
    mutation UpdatePreset($id: ID!, $expectedVersion: Int, $input: UpdatePresetInput!) {
  updatePreset(id: $id, expectedVersion: $expectedVersion, input: $input) {
    __typename
    ... on UpdatePresetSuccess {
      preset {
        ...PresetSummary
      }
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on PresetNameTakenError {
      message
    }
    ... on PresetVersionConflictError {
      message
      currentVersion
    }
    ... on NotFoundError {
      message
    }
  }
}
    fragment PresetSummary on Preset {
  id
  name
  description
  tags
  videoName
  version
  variables
  updatedAt
}`) as unknown as TypedDocumentString<UpdatePresetMutation, UpdatePresetMutationVariables>;
export const DuplicatePresetDocument = new TypedDocumentString(`
    mutation DuplicatePreset($id: ID!, $name: String!) {
  duplicatePreset(id: $id, name: $name) {
    __typename
    ... on DuplicatePresetSuccess {
      preset {
        ...PresetSummary
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment PresetSummary on Preset {
  id
  name
  description
  tags
  videoName
  version
  variables
  updatedAt
}`) as unknown as TypedDocumentString<DuplicatePresetMutation, DuplicatePresetMutationVariables>;
export const DeletePresetDocument = new TypedDocumentString(`
    mutation DeletePreset($id: ID!) {
  deletePreset(id: $id) {
    __typename
    ... on DeletePresetSuccess {
      deletedId
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeletePresetMutation, DeletePresetMutationVariables>;
export const CheckSceneDocument = new TypedDocumentString(`
    query CheckScene($params: TakeoverParamsInput, $preset: PresetReferenceInput, $videoName: String, $thumbnailUrl: String, $frame: Int) {
  checkScene(
    params: $params
    preset: $preset
    videoName: $videoName
    thumbnailUrl: $thumbnailUrl
  ) {
    videoName
    paramString
    issues {
      path
      message
    }
    warnings {
      path
      code
      message
    }
    previewSvg(frame: $frame)
  }
}
    `) as unknown as TypedDocumentString<CheckSceneQuery, CheckSceneQueryVariables>;
export const TaskUpdatedDocument = new TypedDocumentString(`
    subscription TaskUpdated($id: ID!) {
  taskUpdated(id: $id) {
    task {
      id
      videoName
      status
      progress
      resultUrl
      expiresAt
      platformCode
      platformMessage
      failureReason
    }
    event {
      at
      fromStatus
      toStatus
      progress
      source
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TaskUpdatedSubscription, TaskUpdatedSubscriptionVariables>;
export const TaskEventsDocument = new TypedDocumentString(`
    subscription TaskEvents($filter: TaskEventsFilterInput) {
  taskEvents(filter: $filter) {
    task {
      id
      videoName
      status
      progress
      resultUrl
    }
    event {
      at
      fromStatus
      toStatus
      progress
      source
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TaskEventsSubscription, TaskEventsSubscriptionVariables>;
export const TasksDocument = new TypedDocumentString(`
    query Tasks($first: Int, $after: String, $filter: TaskFilterInput) {
  tasks(first: $first, after: $after, filter: $filter) {
    totalCount
    edges {
      cursor
      node {
        id
        videoName
        status
        platformTaskId
        createdAt
        expiresAt
        expired
        presetVersion
        preset {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TasksQuery, TasksQueryVariables>;
export const TaskDocument = new TypedDocumentString(`
    query Task($id: ID!) {
  task(id: $id) {
    id
    videoName
    status
    paramString
    previewUrl
    params {
      resolution {
        width
        height
      }
      digitalRole {
        fileId
        scale
      }
      ttsQuery {
        content
        ssml
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TaskQuery, TaskQueryVariables>;