import { LIMITS } from '../../takeover/limits.js';
import { VIDEO_FORMATS, type TakeoverParamsInput as ParamsShape } from '../../takeover/params.js';
import { builder } from '../builder.js';
import { DigitalRoleInput } from './digital-role.js';
import { EffectsInput } from './effects.js';
import { ResolutionInput } from './geometry.js';
import { AudioInput, BackgroundInput, ForegroundInput } from './layers.js';
import { TtsConfigInput, TtsQueryInput } from './speech.js';
import { ForegroundTextInput, TitleInput, WatermarkInput } from './texts.js';

export const VideoFormat = builder.enumType('VideoFormat', {
  description: 'Container of the rendered video.',
  values: {
    MP4: { value: 'MP4' as const, description: 'MP4 (H.264). Sent as "MP4".' },
    WEBM: { value: 'WEBM' as const, description: 'WebM. Sent as "WEBM": the platform renders WebM but does not publish the exact string.' },
  } satisfies Record<(typeof VIDEO_FORMATS)[number], unknown>,
});

export const TakeoverParamsInput = builder.inputRef<ParamsShape>('TakeoverParamsInput').implement({
  description:
    'Everything the platform needs to render a takeover video. Only `resolution`, `digitalRole` and a script (`ttsQuery.content`, or `audios`) are required; every default is applied by this service and stored with the task.',
  fields: (t) => ({
    version: t.string({ description: 'Synthesis format version. Default "0.0.13".' }),
    videoFormat: t.field({ type: VideoFormat, description: 'Default MP4.' }),
    resolution: t.field({ type: ResolutionInput, required: true }),
    bitRate: t.float({
      description: `Bit rate, greater than 0 and at most ${LIMITS.maxBitRateMbps} (unit not public, likely Mbps). Default 8.`,
    }),
    frameRate: t.int({
      description: `Frames per second, 1..${LIMITS.maxFrameRate}. Default 25 (the platform encodes H.264 at 25 fps).`,
    }),
    watermark: t.field({ type: WatermarkInput }),
    digitalRole: t.field({ type: DigitalRoleInput, required: true }),
    ttsConfig: t.field({ type: TtsConfigInput }),
    ttsQuery: t.field({ type: TtsQueryInput }),
    audios: t.field({ type: [AudioInput], description: `Audio tracks, at most ${LIMITS.maxAudios}. Default none.` }),
    backgrounds: t.field({ type: [BackgroundInput], description: `At most ${LIMITS.maxBackgrounds}. Default none.` }),
    foregrounds: t.field({ type: [ForegroundInput], description: `At most ${LIMITS.maxForegrounds}. Default none.` }),
    foregroundTexts: t.field({
      type: [ForegroundTextInput],
      description: `Text overlays, at most ${LIMITS.maxForegroundTexts}. Default none.`,
    }),
    title: t.field({ type: TitleInput, description: 'Left out of the request when not given.' }),
    effects: t.field({ type: EffectsInput, description: 'Left out of the request when not given.' }),
  }),
});
