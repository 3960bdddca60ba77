import { z } from 'zod';
import { resolveSceneRequest, withVideoName } from '../submission/scene-request.js';
import { IdempotencyKeyReused } from '../submission/submit-takeover.js';
import { LIMITS } from '../takeover/limits.js';
import { takeoverParamsSchema } from '../takeover/params.js';
import { variableValuesSchema } from '../takeover/preset.js';
import { httpUrlSchema } from '../takeover/primitives.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import { PlatformRejectedError, PlatformUnreachableError, SubmissionOutcomeUnknownError } from './submission-errors.js';
import { TakeoverParamsInput, TakeoverParamsPatch } from './inputs/takeover-params.js';
import { withPresetDbId } from './preset-id.js';
import { Task } from './task.js';

export const VariableValueInput = builder.inputType('VariableValueInput', {
  description: 'A value for one {{variable}} of a preset.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The variable name, without braces.' }),
    value: t.string({ required: true, description: 'Text put in its place (XML-escaped inside SSML).' }),
  }),
});

export const PresetReferenceInput = builder.inputType('PresetReferenceInput', {
  description: 'Build the scene from a saved preset.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The preset.' }),
    version: t.int({ description: 'A past version; the current one when left out.' }),
    variables: t.field({ type: [VariableValueInput], description: 'A value for every variable the preset uses, and no others.' }),
    overrides: t.field({
      type: TakeoverParamsPatch,
      description: 'Changes to the preset scene, deep-merged over it: objects merge, lists replace, null removes.',
    }),
  }),
});

export const presetReferenceSchema = z.object({
  id: z.string(),
  version: z.number().int().positive().nullish(),
  variables: variableValuesSchema,
  // Checked after it is merged over the preset, where each problem has its full path.
  overrides: z.custom<typeof TakeoverParamsPatch.$inferInput | null>().optional(),
});

const createTakeoverArgs = z
  .object({
    videoName: z.string().trim().min(1, 'a video name is required').max(LIMITS.maxNameLength).nullish(),
    thumbnailUrl: httpUrlSchema.nullish(),
    params: takeoverParamsSchema.nullish(),
    preset: presetReferenceSchema.nullish(),
    idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'an idempotency key is 1..128 printable ASCII characters').nullish(),
  })
  .superRefine((args, ctx) => {
    if (Boolean(args.params) === Boolean(args.preset)) {
      ctx.addIssue({ code: 'custom', path: ['params'], message: 'give either params or a preset (change a preset scene with preset.overrides)' });
    }
  });

builder.mutationField('createTakeoverVideo', (t) =>
  t.field({
    type: Task,
    description:
      'Validate a scene (inline `params`, or a `preset` with variables and overrides), record it, and submit it to the platform. Whatever happens after validation, exactly one task is recorded with a status saying what became of it.',
    args: {
      videoName: t.arg.string({
        description: `Name of the video, 1..${LIMITS.maxNameLength} characters. Required unless the preset has a video name template.`,
      }),
      thumbnailUrl: t.arg.string({ description: 'http(s) URL of a thumbnail image.' }),
      params: t.arg({ type: TakeoverParamsInput, description: 'The scene. Give this or `preset`.' }),
      preset: t.arg({ type: PresetReferenceInput, description: 'A saved preset to build the scene from. Give this or `params`.' }),
      idempotencyKey: t.arg.string({
        description:
          'Your key for this intent (e.g. a UUID). A repeat with the same key and the same input returns the original task without calling the platform again, whatever became of it; the same key with a different input is an IdempotencyKeyReusedError. Keys never expire.',
      }),
    },
    validate: { schema: createTakeoverArgs },
    errors: {
      types: [TakeoverValidationError, IdempotencyKeyReused, PlatformRejectedError, PlatformUnreachableError, SubmissionOutcomeUnknownError],
      dataField: { name: 'task', description: 'The recorded task.' },
      result: { name: 'CreateTakeoverVideoSuccess', description: 'The platform accepted the task.' },
      union: { name: 'CreateTakeoverVideoResult', description: 'What became of the submission.' },
    },
    resolve: async (_root, rawArgs, ctx) => {
      // plugin-zod hands the resolver the parsed args (defaults applied); its types do not say so.
      const args = rawArgs as unknown as z.output<typeof createTakeoverArgs>;
      const preset = args.preset && withPresetDbId(args.preset);
      const scene = withVideoName(await resolveSceneRequest(ctx.db, ctx.ownerId, { ...args, preset }));
      const { task, outcome } = await ctx.submitter.submit(ctx.ownerId, {
        ...scene,
        thumbnailUrl: args.thumbnailUrl ?? undefined,
        idempotencyKey: args.idempotencyKey ?? undefined,
      });
      switch (outcome.kind) {
        case 'created':
        case 'in-progress':
          return task;
        case 'rejected':
          throw new PlatformRejectedError(task, outcome.code, outcome.message);
        case 'unreachable':
          throw new PlatformUnreachableError(task, `The platform is unreachable: ${outcome.reason}`);
        case 'unknown':
          throw new SubmissionOutcomeUnknownError(
            task,
            `No answer from the platform (${outcome.reason}); it may have created the task. Recorded as UNKNOWN, not resubmitted.`,
          );
      }
    },
  }),
);
