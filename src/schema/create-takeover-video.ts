import { z } from 'zod';
import { LIMITS } from '../takeover/limits.js';
import { takeoverParamsSchema } from '../takeover/params.js';
import { httpUrlSchema } from '../takeover/primitives.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import type { TakeoverSubmission } from '../submission/submit-takeover.js';
import { builder } from './builder.js';
import { PlatformRejectedError, PlatformUnreachableError, SubmissionOutcomeUnknownError } from './errors.js';
import { TakeoverParamsInput } from './inputs/takeover-params.js';
import { Task } from './task.js';

const createTakeoverArgs = z.object({
  videoName: z.string().trim().min(1, 'a video name is required').max(LIMITS.maxNameLength),
  thumbnailUrl: httpUrlSchema.nullish().transform((url) => url ?? undefined),
  params: takeoverParamsSchema,
});

builder.mutationField('createTakeoverVideo', (t) =>
  t.field({
    type: Task,
    description:
      'Validate a scene, record it, and submit it to the platform. Whatever happens after validation, exactly one task is recorded with a status saying what became of it.',
    args: {
      videoName: t.arg.string({ required: true, description: `Name of the video, 1..${LIMITS.maxNameLength} characters.` }),
      thumbnailUrl: t.arg.string({ description: 'http(s) URL of a thumbnail image.' }),
      params: t.arg({ type: TakeoverParamsInput, required: true }),
    },
    validate: { schema: createTakeoverArgs },
    errors: {
      types: [TakeoverValidationError, PlatformRejectedError, PlatformUnreachableError, SubmissionOutcomeUnknownError],
      dataField: { name: 'task', description: 'The recorded task.' },
      result: { name: 'CreateTakeoverVideoSuccess', description: 'The platform accepted the task.' },
      union: { name: 'CreateTakeoverVideoResult', description: 'What became of the submission.' },
    },
    resolve: async (_root, args, ctx) => {
      // plugin-zod hands the resolver the parsed args (defaults applied); its types do not say so.
      const { task, outcome } = await ctx.submitter.submit(args as unknown as TakeoverSubmission);
      switch (outcome.kind) {
        case 'created':
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
