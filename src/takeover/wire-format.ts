// Our validated parameters -> the platform's synthesis JSON, key for key in the platform's
// spelling and order (snake_case, `foreground-texts`, `appleMusle`), then JSON-escaped into the
// create call's `param` string.
import { BEAUTIFY_KEYS, type Beautify } from './beautify.js';
import type { TakeoverParams } from './params.js';

type Params = TakeoverParams;
type Rect = Params['backgrounds'][number]['rect'];
type Text = Params['foregroundTexts'][number];
type Title = NonNullable<Params['title']>;

const rect = (r: Rect) => [r.x, r.y, r.width, r.height];

function digitalRole(role: Params['digitalRole']) {
  return {
    ...(role.id === undefined ? {} : { id: role.id }),
    face_feature_id: role.faceFeatureId,
    name: role.name,
    url: role.url,
    fileId: role.fileId,
    position: role.position,
    scale: role.scale,
    z_position: role.zPosition,
    rotation: role.rotation,
    start_frame_index: role.startFrameIndex,
  };
}

function ttsConfig(tts: NonNullable<Params['ttsConfig']>) {
  return {
    id: tts.id,
    name: tts.name,
    ...(tts.vendorId === undefined ? {} : { vendor_id: tts.vendorId }),
    language: tts.language,
    pitch_offset: tts.pitchOffset,
    speed_ratio: tts.speedRatio,
    volume: tts.volume,
  };
}

function background(layer: Params['backgrounds'][number]) {
  return {
    type: layer.type,
    name: layer.name,
    url: layer.url,
    fileId: layer.fileId,
    rect: rect(layer.rect),
    cycle: layer.cycle,
    start: layer.start,
    play_offset: layer.playOffset,
    duration: layer.duration,
  };
}

function foreground(layer: Params['foregrounds'][number]) {
  return {
    type: layer.type,
    name: layer.name,
    url: layer.url,
    fileId: layer.fileId,
    rect: rect(layer.rect),
    rotation: layer.rotation,
    z_position: layer.zPosition,
    cycle: layer.cycle,
    play_offset: layer.playOffset,
    start: layer.start,
    duration: layer.duration,
  };
}

function foregroundText(text: Text) {
  return {
    text: text.text,
    font_size: text.fontSize,
    font_family: text.fontFamily,
    z_position: text.zPosition,
    stroke_width: text.strokeWidth,
    stroke_rgba: text.strokeRgba,
    opacity: text.opacity,
    position: text.position,
    background_rgba: text.backgroundRgba,
    rgba: text.rgba,
  };
}

function title(t: Title) {
  return {
    text: t.text,
    rgba: t.rgba,
    position: t.position,
    font_size: t.fontSize,
    font_family: t.fontFamily,
    stroke_width: t.strokeWidth,
    stroke_rgba: t.strokeRgba,
    scale: t.scale,
    opacity: t.opacity,
    background_rgba: t.backgroundRgba,
  };
}

function beautify(values: Beautify) {
  return Object.fromEntries(BEAUTIFY_KEYS.map(({ field, wire }) => [wire, values[field]]));
}

/** The platform's synthesis JSON. Optional sections we were not given are left out. */
export function toWireParams(params: Params): Record<string, unknown> {
  return {
    version: params.version,
    video_format: params.videoFormat,
    resolution: [params.resolution.width, params.resolution.height],
    bit_rate: params.bitRate,
    frame_rate: params.frameRate,
    watermark: params.watermark,
    digital_role: digitalRole(params.digitalRole),
    ...(params.ttsConfig && { tts_config: ttsConfig(params.ttsConfig) }),
    ...(params.ttsQuery && { tts_query: params.ttsQuery }),
    audios: params.audios,
    backgrounds: params.backgrounds.map(background),
    foregrounds: params.foregrounds.map(foreground),
    'foreground-texts': params.foregroundTexts.map(foregroundText),
    ...(params.title && { title: title(params.title) }),
    ...(params.effects && {
      effects: { version: params.effects.version, beautify: beautify(params.effects.beautify) },
    }),
  };
}

/** The create call's `param`: the synthesis JSON serialised to a string. */
export function toParamString(params: Params): string {
  return JSON.stringify(toWireParams(params));
}
