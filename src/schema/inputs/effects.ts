import { BEAUTIFY_KEYS, BEAUTIFY_RANGES, type Beautify } from '../../takeover/beautify.js';
import { builder } from '../builder.js';

export const BeautifyInput = builder.inputRef<Partial<Beautify>>('BeautifyInput').implement({
  description:
    'Beauty filter settings: the 43 keys of the platform example. Ranges are inferred from the SenseME effects SDK (the platform does not publish them). Every key defaults to 0 (off / no change).',
  fields: (t) =>
    Object.fromEntries(
      BEAUTIFY_KEYS.map(({ field, wire, range, meaning }) => {
        const { int, text } = BEAUTIFY_RANGES[range];
        const description = `${meaning}. ${text}. Platform key "${wire}".`;
        return [field, int ? t.int({ description }) : t.float({ description })];
      }),
    ) as never,
});

export const EffectsInput = builder.inputRef<{ version?: string; beautify?: Partial<Beautify> }>('EffectsInput').implement({
  description: 'Visual effects applied to the avatar.',
  fields: (t) => ({
    version: t.string({ description: 'Effects format version. Default "1.0".' }),
    beautify: t.field({ type: BeautifyInput, description: 'Beauty filter settings.' }),
  }),
});
