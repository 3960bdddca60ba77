import type { z } from 'zod';
import { LIMITS } from '../../takeover/limits.js';
import type { ttsConfigSchema, ttsQuerySchema } from '../../takeover/speech.js';
import { builder } from '../builder.js';

export const TtsConfigInput = builder.inputRef<z.input<typeof ttsConfigSchema>>('TtsConfigInput').implement({
  description: 'The text-to-speech voice. When left out, the platform chooses (behaviour not public).',
  fields: (t) => ({
    id: t.string({ required: true, description: 'Voice id, e.g. "xiaoyue".' }),
    name: t.string({ description: 'Voice display name. Default "".' }),
    vendorId: t.int({ description: 'TTS vendor code (e.g. 3); the list is not public. Left out when not given.' }),
    language: t.string({ description: 'BCP 47 language tag. Default "zh-CN".' }),
    pitchOffset: t.float({
      description: `Pitch shift, -${LIMITS.maxPitchOffset}..${LIMITS.maxPitchOffset}; unit not public. Default 0.`,
    }),
    speedRatio: t.float({
      description: `Speaking speed multiplier, ${LIMITS.minSpeedRatio}..${LIMITS.maxSpeedRatio}. Default 1.`,
    }),
    volume: t.int({
      description: `Volume, 0..${LIMITS.maxVolume} (the platform's examples use 100 and 400; scale not public). Default 100.`,
    }),
  }),
});

export const TtsQueryInput = builder.inputRef<z.input<typeof ttsQuerySchema>>('TtsQueryInput').implement({
  description: 'What the avatar says. Required unless `audios` drive the avatar.',
  fields: (t) => ({
    content: t.string({
      description: `The script, plain text or SSML, at most ${LIMITS.maxTtsContentLength} characters.`,
    }),
    ssml: t.boolean({
      description: 'True when `content` is SSML; it must then be well-formed XML with a <speak> root. Default false.',
    }),
  }),
});
