import { LIMITS } from '../../takeover/limits.js';
import { VIDEO_FORMATS } from '../../takeover/params.js';
import { builder } from '../builder.js';
import { defineDigitalRoleInput } from './digital-role.js';
import { defineEffectsInput } from './effects.js';
import { defineGeometryInputs } from './geometry.js';
import { defineLayerInputs } from './layers.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';
import { defineSpeechInputs } from './speech.js';
import { defineTextInputs } from './texts.js';

export const VideoFormat = builder.enumType('VideoFormat', {
  description: 'Container of the rendered video.',
  values: {
    MP4: { value: 'MP4' as const, description: 'MP4 (H.264). Sent as "MP4".' },
    WEBM: {
      value: 'WEBM' as const,
      description: 'WebM. Sent as "WEBM": the platform renders WebM but does not publish the exact string.',
    },
  } satisfies Record<(typeof VIDEO_FORMATS)[number], unknown>,
});

function defineTakeoverParams(mode: InputMode) {
  const geometry = defineGeometryInputs(mode);
  const { TtsConfig, TtsQuery } = defineSpeechInputs(mode);
  const { Background, Foreground, Audio } = defineLayerInputs(mode, geometry);
  const { Title, ForegroundText, Watermark } = defineTextInputs(mode, geometry);
  const DigitalRole = defineDigitalRoleInput(mode, geometry);
  const Effects = defineEffectsInput(mode);
  const required = requiredIn(mode);
  return builder.inputType(typeName('TakeoverParams', mode), {
    description: `Everything the platform needs to render a takeover video. Only \`resolution\`, \`digitalRole\` and a script (\`ttsQuery.content\`, or \`audios\`) are required; every default is applied by this service and stored with the task.${patchNote(mode)}`,
    fields: (t) => ({
      version: t.string({ description: 'Synthesis format version. Default "0.0.13".' }),
      videoFormat: t.field({ type: VideoFormat, description: 'Default MP4.' }),
      resolution: t.field({ type: geometry.Resolution, required, description: 'Output video size.' }),
      bitRate: t.float({
        description: `Bit rate, greater than 0 and at most ${LIMITS.maxBitRateMbps} (unit not public, likely Mbps). Default 8.`,
      }),
      frameRate: t.int({ description: `Frames per second, 1..${LIMITS.maxFrameRate}. Default 25 (the platform encodes H.264 at 25 fps).` }),
      watermark: t.field({ type: Watermark, description: 'Watermark text. Default hidden.' }),
      digitalRole: t.field({ type: DigitalRole, required, description: 'The avatar.' }),
      ttsConfig: t.field({ type: TtsConfig, description: 'TTS voice. Left out of the request when not given.' }),
      ttsQuery: t.field({ type: TtsQuery, description: 'TTS script. Left out of the request when not given.' }),
      audios: t.field({ type: [Audio], description: `Audio tracks, at most ${LIMITS.maxAudios}. Default none.` }),
      backgrounds: t.field({ type: [Background], description: `At most ${LIMITS.maxBackgrounds}. Default none.` }),
      foregrounds: t.field({ type: [Foreground], description: `At most ${LIMITS.maxForegrounds}. Default none.` }),
      foregroundTexts: t.field({ type: [ForegroundText], description: `Text overlays, at most ${LIMITS.maxForegroundTexts}. Default none.` }),
      title: t.field({ type: Title, description: 'Left out of the request when not given.' }),
      effects: t.field({ type: Effects, description: 'Left out of the request when not given.' }),
    }),
  });
}

export const TakeoverParamsInput = defineTakeoverParams('full');
export const TakeoverParamsPatch = defineTakeoverParams('patch');
