// What a submission request may say, before a preset is looked up: the rules `createTakeoverVideo`
// and `checkScene` share (see src/submission/scene-request.ts, which resolves it).
import { z } from 'zod';
import { takeoverParamsSchema } from './params.js';
import { variableValuesSchema } from './preset.js';
import { httpUrlSchema, idSchema, textSchema, videoNameSchema } from './primitives.js';

export const IDEMPOTENCY_KEY_RULE = 'an idempotency key is 1..128 printable ASCII characters';

export const presetReferenceSchema = z.object({
  id: idSchema,
  version: z.number().int().positive().nullish(),
  variables: variableValuesSchema,
  // Checked after it is merged over the preset, where each problem has its full path.
  overrides: z.unknown().optional(),
});

export const submissionArgsSchema = z
  .object({
    /** Inline: the video name. With a preset: replaces its template (and may hold {{variables}}). */
    videoName: videoNameSchema.nullish(),
    thumbnailUrl: httpUrlSchema.nullish(),
    params: takeoverParamsSchema.nullish(),
    preset: presetReferenceSchema.nullish(),
    idempotencyKey: textSchema(128).regex(/^[\x21-\x7e]{1,128}$/, IDEMPOTENCY_KEY_RULE).nullish(),
  })
  .superRefine((args, ctx) => {
    if (Boolean(args.params) === Boolean(args.preset)) {
      ctx.addIssue({ code: 'custom', path: ['params'], message: 'give either params or a preset (change a preset scene with preset.overrides)' });
    }
  });
