import { parseSubmissionRequest, type SubmissionContext } from '../submission/scene-request.js';
import { IdempotencyKeyReused } from '../submission/submit-takeover.js';
import { SANDBOX_MAGIC_SUMMARY } from '../platform/sandbox-magic.js';
import { variableValueSchema } from '../takeover/preset.js';
import { fieldDocs } from '../takeover/rule-text.js';
import { presetReferenceSchema, submissionArgsSchema } from '../takeover/submission.js';
import { MALFORMED_ID_RULE } from './global-id.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { presetDbId } from './global-id.js';
import {
  PlatformRejectedError,
  PlatformUnreachableError,
  SubmissionAccepted,
  SubmissionInProgress,
  SubmissionOutcomeUnknownError,
} from './submission-errors.js';
import { TakeoverParamsInput, TakeoverParamsPatch } from './inputs/takeover-params.js';

const variableDocs = fieldDocs(variableValueSchema.shape, {
  name: 'The variable name, without braces.',
  value: 'Text put in its place (XML-escaped inside SSML).',
});

const referenceDocs = fieldDocs(presetReferenceSchema.shape, {
  id: `The preset's global id. ${MALFORMED_ID_RULE}`,
  version: 'A past version; the current one when left out.',
  variables:
    'A value for every variable the preset uses (its `variables`). A value for a variable the preset declares but no longer uses after `overrides` is accepted with a warning; a value for a name the preset never declared is refused.',
});

/** The arguments createTakeoverVideo and checkScene share, documented from their rules. */
export const SUBMISSION_ARG_DOCS = fieldDocs(submissionArgsSchema.shape, {
  videoName: 'Name of the video. Required unless the preset has a video name template (then it replaces the template, and may hold {{variables}}).',
  thumbnailUrl: 'http(s) URL of a thumbnail image.',
  params: 'The scene. Give this or `preset`.',
  preset: 'A saved preset to build the scene from. Give this or `params`.',
  idempotencyKey:
    'Your key for this request (e.g. a UUID). A repeat with the same key and the same request (videoName, thumbnailUrl, params, or preset id, version, variables and overrides, as sent; later preset edits do not matter) returns the original task without calling the platform again: its outcome, or SubmissionInProgress while its call runs. The exception: a repeat of an UNREACHABLE request makes a new attempt (nothing was created). The same key with a different request is an IdempotencyKeyReusedError. A key answers for its task for IDEMPOTENCY_KEY_TTL_HOURS (24 by default); after that it may be used for a new request.',
});

export const VariableValueInput = builder.inputType('VariableValueInput', {
  description: 'A value for one {{variable}} of a preset.',
  fields: (t) => ({
    name: t.string({ required: true, description: variableDocs.name }),
    value: t.string({ required: true, description: variableDocs.value }),
  }),
});

export const PresetReferenceInput = builder.inputType('PresetReferenceInput', {
  description: 'Build the scene from a saved preset.',
  fields: (t) => ({
    id: t.id({ required: true, description: referenceDocs.id }),
    version: t.int({ description: referenceDocs.version }),
    variables: t.field({ type: [VariableValueInput], description: referenceDocs.variables }),
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
    type: SubmissionAccepted,
    description:
      'Validate a scene (inline `params`, or a `preset` with variables and overrides), record it, and submit it to the platform. Whatever happens after validation, exactly one task is recorded with a status saying what became of it.',
    args: {
      videoName: t.arg.string({ description: `${SUBMISSION_ARG_DOCS.videoName} ${SANDBOX_MAGIC_SUMMARY}` }),
      thumbnailUrl: t.arg.string({ description: SUBMISSION_ARG_DOCS.thumbnailUrl }),
      params: t.arg({ type: TakeoverParamsInput, description: 'The scene. Give this or `preset`.' }),
      preset: t.arg({ type: PresetReferenceInput, description: 'A saved preset to build the scene from. Give this or `params`.' }),
      idempotencyKey: t.arg.string({
        description: SUBMISSION_ARG_DOCS.idempotencyKey,
      }),
    },
    errors: {
      directResult: true,
      types: [
        TakeoverValidationError,
        IdempotencyKeyReused,
        SubmissionInProgress,
        PlatformRejectedError,
        PlatformUnreachableError,
        SubmissionOutcomeUnknownError,
      ],
      union: { name: 'CreateTakeoverVideoResult', description: 'What became of the submission.' },
    },
    // Validated here and in the submitter by the functions checkScene calls too (not by plugin-zod).
    resolve: async (_root, args, ctx) => {
      const { task, outcome, outcomeRecorded } = await ctx.submitter.submit(ctx.ownerId, parseSubmissionRequest(args), { requestId: ctx.requestId });
      switch (outcome.kind) {
        case 'created':
          return new SubmissionAccepted(task, outcome.platformTaskId, outcomeRecorded);
        case 'in-progress':
          throw new SubmissionInProgress(task);
        case 'rejected':
          throw new PlatformRejectedError(task, outcome.code, outcome.message, outcomeRecorded);
        case 'unreachable':
          throw new PlatformUnreachableError(
            task,
            `Nothing was created (${outcome.reason}). Submit again when the platform is back; the same idempotency key may be used.`,
            outcomeRecorded,
          );
        case 'unknown':
          throw new SubmissionOutcomeUnknownError(
            task,
            `No usable answer from the platform (${outcome.reason}); it may have created the task. Recorded as UNKNOWN, not resubmitted: check the platform before submitting again.`,
            outcomeRecorded,
          );
      }
    },
  }),
);
