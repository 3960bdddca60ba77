import { BEAUTIFY_KEYS, BEAUTIFY_RANGES } from '../../takeover/beautify.js';
import { builder } from '../builder.js';
import { patchNote, typeName, type InputMode } from './mode.js';

export function defineEffectsInput(mode: InputMode) {
  const Beautify = builder.inputType(typeName('Beautify', mode), {
    description: `Beauty filter settings: the 43 keys of the platform example. Ranges are inferred from the SenseME effects SDK (the platform does not publish them). Every key defaults to 0 (off / no change).${patchNote(mode)}`,
    fields: (t) =>
      Object.fromEntries(
        BEAUTIFY_KEYS.map(({ field, wire, range, meaning }) => {
          const { int, text } = BEAUTIFY_RANGES[range];
          const description = `${meaning}. ${text}. Platform key "${wire}".`;
          return [field, int ? t.int({ description }) : t.float({ description })];
        }),
      ),
  });
  return builder.inputType(typeName('Effects', mode), {
    description: `Visual effects applied to the avatar.${patchNote(mode)}`,
    fields: (t) => ({
      version: t.string({ description: 'Effects format version. Default "1.0".' }),
      beautify: t.field({ type: Beautify, description: 'Beauty filter settings.' }),
    }),
  });
}
