import { builder } from '../builder.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';
import { SCENE_DOCS } from './scene-docs.js';

export function defineSpeechInputs(mode: InputMode) {
  const { TtsConfig: c, TtsQuery: q } = SCENE_DOCS;
  const TtsConfig = builder.inputType(typeName('TtsConfig', mode), {
    description: `The text-to-speech voice. When left out, the platform chooses (behaviour not public).${patchNote(mode)}`,
    fields: (t) => ({
      id: t.string({ required: requiredIn(mode), description: c.id }),
      name: t.string({ description: c.name }),
      vendorId: t.int({ description: c.vendorId }),
      language: t.string({ description: c.language }),
      pitchOffset: t.float({ description: c.pitchOffset }),
      speedRatio: t.float({ description: c.speedRatio }),
      volume: t.int({ description: c.volume }),
    }),
  });
  const TtsQuery = builder.inputType(typeName('TtsQuery', mode), {
    description: `What the avatar says. Required unless \`audios\` drive the avatar.${patchNote(mode)}`,
    fields: (t) => ({
      content: t.string({ description: q.content }),
      ssml: t.boolean({ description: q.ssml }),
    }),
  });
  return { TtsConfig, TtsQuery };
}
