import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';

export function defineSpeechInputs(mode: InputMode) {
  const TtsConfig = builder.inputType(typeName('TtsConfig', mode), {
    description: `The text-to-speech voice. When left out, the platform chooses (behaviour not public).${patchNote(mode)}`,
    fields: (t) => ({
      id: t.string({ required: requiredIn(mode), description: 'Voice id, e.g. "xiaoyue".' }),
      name: t.string({ description: 'Voice display name. Default "".' }),
      vendorId: t.int({ description: 'TTS vendor code (e.g. 3); the list is not public. Left out when not given.' }),
      language: t.string({ description: 'BCP 47 language tag. Default "zh-CN".' }),
      pitchOffset: t.float({
        description: `Pitch shift, -${LIMITS.maxPitchOffset}..${LIMITS.maxPitchOffset}; unit not public. Default 0.`,
      }),
      speedRatio: t.float({ description: `Speaking speed multiplier, ${LIMITS.minSpeedRatio}..${LIMITS.maxSpeedRatio}. Default 1.` }),
      volume: t.int({
        description: `Volume, 0..${LIMITS.maxVolume} (the platform's examples use 100 and 400; scale not public). Default 100.`,
      }),
    }),
  });
  const TtsQuery = builder.inputType(typeName('TtsQuery', mode), {
    description: `What the avatar says. Required unless \`audios\` drive the avatar.${patchNote(mode)}`,
    fields: (t) => ({
      content: t.string({
        description: `The script, plain text or SSML, at most ${LIMITS.maxTtsContentLength} characters. In a preset it may contain {{variables}}.`,
      }),
      ssml: t.boolean({ description: 'True when `content` is SSML; it must then be well-formed XML with a <speak> root. Default false.' }),
    }),
  });
  return { TtsConfig, TtsQuery };
}
