// The description of every scene field, in one place: the `…Input` and `…Patch` types and their
// output twins all read it. Each is the field's meaning (written here) followed by its rules and
// default, read from the zod schema that enforces them (src/takeover/rule-text.ts).
import { BEAUTIFY_KEYS, beautifySchema, effectsSchema } from '../../takeover/beautify.js';
import { digitalRoleSchema } from '../../takeover/digital-role.js';
import { audioSchema, backgroundSchema, foregroundSchema } from '../../takeover/layers.js';
import { takeoverParamsShape } from '../../takeover/params.js';
import { positionSchema, rectSchema, resolutionSchema } from '../../takeover/primitives.js';
import { fieldDocs } from '../../takeover/rule-text.js';
import { ttsConfigSchema, ttsQuerySchema } from '../../takeover/speech.js';
import { foregroundTextSchema, titleSchema, watermarkSchema } from '../../takeover/texts.js';

const TIMING_UNIT = 'unit not public, likely frames';

const layerMeanings = {
  fileId: 'The platform file id of the image or video. Required.',
  type: 'Layer media type code; 0 in the platform example, other values not public (likely image vs video).',
  name: 'Display name.',
  url: 'Must be empty: the platform references layers by fileId only.',
  rect: 'Where the layer is drawn.',
  cycle: 'Loop the media.',
  start: `When the layer appears (${TIMING_UNIT}).`,
  playOffset: `Offset into the media where playback starts (${TIMING_UNIT}).`,
  duration: `How long the layer shows (${TIMING_UNIT}); -1 means until the end.`,
};

const textMeanings = {
  text: 'The text. In a preset it may contain {{variables}}.',
  fontFamily:
    'Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black").',
  fontSize: 'Font size in pixels.',
  rgba: 'Text colour as [red, green, blue, alpha].',
  strokeWidth: 'Outline width in pixels.',
  strokeRgba: 'Outline colour as [red, green, blue, alpha].',
  backgroundRgba: 'Box colour behind the text as [red, green, blue, alpha].',
  opacity: 'Opacity, 0 (invisible) to 1 (opaque).',
  position: 'Where the text is placed. Default (0, 0).',
};

const zPosition = 'Layer order; higher is in front.';
const rotation = 'Rotation in degrees.';

const beautifyShape = (beautifySchema as unknown as { shape: Record<string, never> }).shape;

export const SCENE_DOCS = {
  Position: fieldDocs(positionSchema.shape, { x: 'Pixels from the left edge.', y: 'Pixels from the top edge.' }),
  Rect: fieldDocs(rectSchema.shape, { x: 'Left edge.', y: 'Top edge.', width: 'Width.', height: 'Height.' }),
  Resolution: fieldDocs(resolutionSchema.shape, { width: 'Width in pixels, e.g. 1080.', height: 'Height in pixels, e.g. 1920.' }),
  DigitalRole: fieldDocs(digitalRoleSchema.shape, {
    fileId: 'The platform file id of the avatar. Required.',
    id: 'The platform digital role id (e.g. 4051). Left out of the request when not given.',
    faceFeatureId: 'Face feature id; meaning not public.',
    name: 'Display name.',
    url: 'Must be empty: the platform references the avatar by fileId only.',
    position: 'Where the avatar is placed, in pixels. Default (0, 0).',
    scale: 'Scale factor.',
    zPosition,
    rotation,
    startFrameIndex: 'Frame of the avatar clip to start from.',
  }),
  TtsConfig: fieldDocs(ttsConfigSchema.shape, {
    id: 'Voice id, e.g. "xiaoyue".',
    name: 'Voice display name.',
    vendorId: 'TTS vendor code (e.g. 3); the list is not public. Left out when not given.',
    language: 'BCP 47 language tag.',
    pitchOffset: 'Pitch shift; unit not public.',
    speedRatio: 'Speaking speed multiplier.',
    volume: "Volume (the platform's examples use 100 and 400; scale not public).",
  }),
  TtsQuery: fieldDocs(ttsQuerySchema.shape, {
    content: 'The script, plain text or SSML. In a preset it may contain {{variables}}.',
    ssml: 'True when `content` is SSML; it must then be well-formed XML with a <speak> root.',
  }),
  Audio: fieldDocs(audioSchema.shape, { url: 'http(s) URL of the audio file.' }),
  Background: fieldDocs(backgroundSchema.shape, layerMeanings),
  Foreground: fieldDocs(foregroundSchema.shape, { ...layerMeanings, rotation, zPosition }),
  ForegroundText: fieldDocs(foregroundTextSchema.shape, { ...textMeanings, zPosition }),
  Title: fieldDocs(titleSchema.shape, { ...textMeanings, scale: 'Scale factor.' }),
  Watermark: fieldDocs(watermarkSchema.shape, {
    show: 'Show the watermark (when the whole watermark is left out, none is shown).',
    content: 'Watermark text. In a preset it may contain {{variables}}.',
  }),
  Beautify: fieldDocs(
    beautifyShape,
    Object.fromEntries(BEAUTIFY_KEYS.map(({ field, wire, meaning }) => [field, `${meaning}. Platform key "${wire}".`])),
  ),
  Effects: fieldDocs(effectsSchema.shape, { version: 'Effects format version.', beautify: 'Beauty filter settings.' }),
  TakeoverParams: fieldDocs(takeoverParamsShape.shape, {
    version: 'Synthesis format version.',
    videoFormat: 'Container of the rendered video.',
    resolution: 'Output video size. Required.',
    bitRate: 'Bit rate (unit not public, likely Mbps).',
    frameRate: 'Frames per second (the platform encodes H.264 at 25 fps).',
    watermark: 'Watermark text. Default hidden.',
    digitalRole: 'The avatar. Required.',
    ttsConfig: 'TTS voice. Left out of the request when not given.',
    ttsQuery: 'TTS script. Left out of the request when not given.',
    audios: 'Audio tracks.',
    backgrounds: 'Background layers, behind the avatar.',
    foregrounds: 'Foreground layers.',
    foregroundTexts: 'Text overlays.',
    title: 'The title overlay. Left out of the request when not given.',
    effects: 'Visual effects. Left out of the request when not given.',
  }),
};

export type SceneTypeName = keyof typeof SCENE_DOCS;

/** The zod object behind each scene input type (…Input and …Patch), for the rule-description test. */
export const SCENE_RULES: Record<SceneTypeName, { shape: Record<string, unknown> }> = {
  Position: positionSchema,
  Rect: rectSchema,
  Resolution: resolutionSchema,
  DigitalRole: digitalRoleSchema,
  TtsConfig: ttsConfigSchema,
  TtsQuery: ttsQuerySchema,
  Audio: audioSchema,
  Background: backgroundSchema,
  Foreground: foregroundSchema,
  ForegroundText: foregroundTextSchema,
  Title: titleSchema,
  Watermark: watermarkSchema,
  Beautify: { shape: beautifyShape },
  Effects: effectsSchema,
  TakeoverParams: takeoverParamsShape,
};

