// Expected failures are typed members of a payload union (Pothos errors plugin, "Recommended
// Usage"); anything else is masked by yoga.
import type { Task as TaskRecord } from '../generated/prisma/client.js';
import { TakeoverValidationError, type ValidationIssue } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import { Task } from './task.js';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned as data.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const ValidationIssueRef = builder.objectRef<ValidationIssue>('ValidationIssue').implement({
  description: 'One problem with the input.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where the problem is, e.g. `params.foregrounds[1].rect.width`.' }),
    message: t.exposeString('message', { description: 'What is wrong, for a person.' }),
  }),
});

builder.objectType(TakeoverValidationError, {
  name: 'ValidationError',
  description: 'The input breaks our rules. Nothing was recorded or sent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (error) => error.issues, description: 'Every problem found.' }),
  }),
});

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
