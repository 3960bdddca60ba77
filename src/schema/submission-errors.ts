// Failures after the task was recorded: each payload carries the task with its status.
import type { TaskSummary as TaskRecord } from '../db/tasks.js';
import { builder } from './builder.js';
import { ErrorInterface } from './errors.js';
import { Task } from './task.js';
import { IdempotencyKeyReused } from '../submission/submit-takeover.js';

/** A failure after the task was recorded: the payload carries the task with its status. */
export class RecordedTaskError extends Error {
  constructor(
    readonly task: TaskRecord,
    message: string,
  ) {
    super(message);
  }
}

export class PlatformRejectedError extends RecordedTaskError {
  constructor(task: TaskRecord, readonly code: number, readonly platformMessage: string) {
    super(task, `The platform rejected the task (code ${code}): ${platformMessage}`);
  }
}

export class PlatformUnreachableError extends RecordedTaskError {}
export class SubmissionOutcomeUnknownError extends RecordedTaskError {}

const REJECTED = 'The platform answered with a non-zero code: no video is being made. The task is recorded as REJECTED.';
const UNREACHABLE =
  'The platform could not be reached or did not answer as documented (connection refused, HTTP 5xx, a malformed body): no video is being made. The task is recorded as UNREACHABLE; submit again when the platform is back.';
const UNKNOWN =
  'The request reached the platform but no answer came back (timeout, connection reset): the platform may have created the task. It is recorded as UNKNOWN and is never resubmitted automatically; check the platform before submitting again, or you may pay twice.';

builder.objectType(PlatformRejectedError, {
  name: 'PlatformRejectedError',
  description: REJECTED,
  interfaces: [ErrorInterface],
  fields: (t) => ({
    task: t.field({ type: Task, resolve: (error) => error.task, description: 'The recorded task.' }),
    code: t.exposeInt('code', { description: "The platform's error code." }),
    platformMessage: t.exposeString('platformMessage', { description: "The platform's message." }),
  }),
});

builder.objectType(PlatformUnreachableError, {
  name: 'PlatformUnreachableError',
  description: UNREACHABLE,
  interfaces: [ErrorInterface],
  fields: (t) => ({
    task: t.field({ type: Task, resolve: (error) => error.task, description: 'The recorded task.' }),
  }),
});

builder.objectType(SubmissionOutcomeUnknownError, {
  name: 'SubmissionOutcomeUnknownError',
  description: UNKNOWN,
  interfaces: [ErrorInterface],
  fields: (t) => ({
    task: t.field({ type: Task, resolve: (error) => error.task, description: 'The recorded task.' }),
  }),
});

builder.objectType(IdempotencyKeyReused, {
  name: 'IdempotencyKeyReusedError',
  description: 'The idempotency key was already used for a different request. Nothing was recorded or sent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey') }),
});
