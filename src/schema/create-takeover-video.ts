import { resolveSubmission, type SubmissionContext } from '../submission/scene-request.js';
import { IdempotencyKeyReused } from '../submission/submit-takeover.js';
import { LIMITS } from '../takeover/limits.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { presetDbId } from './global-id.js';
import { PlatformRejectedError, PlatformUnreachableError, SubmissionOutcomeUnknownError } from './submission-errors.js';
import { TakeoverParamsInput, TakeoverParamsPatch } from './inputs/takeover-params.js';
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

/** What a submission (or a check of one) needs from the request's context. */
export const submissionContext = (ctx: Context): SubmissionContext => ({ db: ctx.db, ownerId: ctx.ownerId, presetDbId });

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
    errors: {
      types: [TakeoverValidationError, IdempotencyKeyReused, PlatformRejectedError, PlatformUnreachableError, SubmissionOutcomeUnknownError],
      dataField: { name: 'task', description: 'The recorded task.' },
      result: { name: 'CreateTakeoverVideoSuccess', description: 'The platform accepted the task.' },
      union: { name: 'CreateTakeoverVideoResult', description: 'What became of the submission.' },
    },
    // Validated in the resolver, by the function checkScene calls too (not by plugin-zod).
    resolve: async (_root, args, ctx) => {
      const submission = await resolveSubmission(submissionContext(ctx), args);
      const { task, outcome } = await ctx.submitter.submit(ctx.ownerId, submission);
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
