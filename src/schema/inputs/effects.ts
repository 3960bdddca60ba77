import { BEAUTIFY_KEYS, BEAUTIFY_RANGES } from '../../takeover/beautify.js';
import { builder } from '../builder.js';
import { patchNote, typeName, type InputMode } from './mode.js';
import { SCENE_DOCS } from './scene-docs.js';

export function defineEffectsInput(mode: InputMode) {
  const Beautify = builder.inputType(typeName('Beautify', mode), {
    description: `Beauty filter settings: the 43 keys of the platform example. Ranges are inferred from the SenseME effects SDK (the platform does not publish them). Every key defaults to 0 (off / no change).${patchNote(mode)}`,
    fields: (t) =>
      Object.fromEntries(
        BEAUTIFY_KEYS.map(({ field, range }) => {
          const description = SCENE_DOCS.Beautify[field]!;
          return [field, BEAUTIFY_RANGES[range].int ? t.int({ description }) : t.float({ description })];
        }),
      ),
  });
  return builder.inputType(typeName('Effects', mode), {
    description: `Visual effects applied to the avatar.${patchNote(mode)}`,
    fields: (t) => ({
      version: t.string({ description: SCENE_DOCS.Effects.version }),
      beautify: t.field({ type: Beautify, description: SCENE_DOCS.Effects.beautify }),
    }),
  });
}
