import { VIDEO_FORMATS } from '../../takeover/params.js';
import { builder } from '../builder.js';
import { defineDigitalRoleInput } from './digital-role.js';
import { defineEffectsInput } from './effects.js';
import { defineGeometryInputs } from './geometry.js';
import { defineLayerInputs } from './layers.js';
import { SCENE_DOCS } from './scene-docs.js';
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
  const d = SCENE_DOCS.TakeoverParams;
  return builder.inputType(typeName('TakeoverParams', mode), {
    description: `Everything the platform needs to render a takeover video. Only \`resolution\`, \`digitalRole\` and a script (\`ttsQuery.content\`, or \`audios\`) are required; every default is applied by this service and stored with the task.${patchNote(mode)}`,
    fields: (t) => ({
      version: t.string({ description: d.version }),
      videoFormat: t.field({ type: VideoFormat, description: d.videoFormat }),
      resolution: t.field({ type: geometry.Resolution, required, description: d.resolution }),
      bitRate: t.float({ description: d.bitRate }),
      frameRate: t.int({ description: d.frameRate }),
      watermark: t.field({ type: Watermark, description: d.watermark }),
      digitalRole: t.field({ type: DigitalRole, required, description: d.digitalRole }),
      ttsConfig: t.field({ type: TtsConfig, description: d.ttsConfig }),
      ttsQuery: t.field({ type: TtsQuery, description: d.ttsQuery }),
      audios: t.field({ type: [Audio], description: d.audios }),
      backgrounds: t.field({ type: [Background], description: d.backgrounds }),
      foregrounds: t.field({ type: [Foreground], description: d.foregrounds }),
      foregroundTexts: t.field({ type: [ForegroundText], description: d.foregroundTexts }),
      title: t.field({ type: Title, description: d.title }),
      effects: t.field({ type: Effects, description: d.effects }),
    }),
  });
}

export const TakeoverParamsInput = defineTakeoverParams('full');
export const TakeoverParamsPatch = defineTakeoverParams('patch');
