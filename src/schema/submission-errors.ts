// The outcomes of createTakeoverVideo after the task was recorded: each payload carries the task.
import type { TaskSummary as TaskRecord } from '../db/tasks.js';
import type { Task } from '../generated/prisma/client.js';
import { builder } from './builder.js';
import { ErrorInterface } from './errors.js';
import type { Context } from './context.js';
import './task.js';
import { IdempotencyKeyReused } from '../submission/submit-takeover.js';

const NOT_RECORDED_YET =
  ' The platform answer is not in the task record yet: the database did not take the write in time. It keeps being written in the background (and is logged until it is), so `task` may still read SUBMITTING for a while.';

/** The platform accepted the task. */
export class SubmissionAccepted {
  constructor(
    readonly task: TaskRecord,
    readonly platformTaskId: string,
    readonly outcomeRecorded: boolean,
  ) {}
}

/** A failure after the task was recorded: the payload carries the task with its status. */
export class RecordedTaskError extends Error {
  constructor(
    readonly task: TaskRecord,
    message: string,
    readonly outcomeRecorded = true,
  ) {
    super(outcomeRecorded ? message : message + NOT_RECORDED_YET);
  }
}

export class PlatformRejectedError extends RecordedTaskError {
  constructor(task: TaskRecord, readonly code: number, readonly platformMessage: string, outcomeRecorded?: boolean) {
    super(task, `The platform rejected the task (code ${code}): ${platformMessage}`, outcomeRecorded);
  }
}

export class PlatformUnreachableError extends RecordedTaskError {}
export class SubmissionOutcomeUnknownError extends RecordedTaskError {}

/** A repeat (same idempotency key and request) of a submission whose platform call has not finished. */
export class SubmissionInProgress extends Error {
  constructor(readonly task: TaskRecord) {
    super('This submission is still in progress (same idempotency key and request): nothing was sent again. Ask again with the same key, or read the task, for its outcome.');
  }
}

const OUTCOME_RECORDED =
  'Whether the platform answer has been written to the task record (true also when the record already had a final status, which is never replaced). False only when the database did not take the write in time: the service keeps writing it in the background and logs it at error level until it succeeds; meanwhile `task` reads SUBMITTING. Never submit again because of it.';

const SUCCESS =
  'The platform accepted the task and gave its id. `platformTaskId` holds it whether or not the record does yet (`outcomeRecorded`).';
const REJECTED =
  'The platform refused, with a non-zero `code` in its answer envelope, the create call or the token request (wrong credentials, say): no video is being made. The task is recorded as REJECTED.';
const UNREACHABLE =
  'Nothing was created: the request never reached the platform (connection refused, the token endpoint down or answering outside its envelope), or the platform answered that it did not process it (HTTP 3xx, 4xx, 503). The task is recorded as UNREACHABLE. Submit again when the platform is back: a repeat with the same idempotency key and request makes a new attempt.';
const UNKNOWN =
  'The request reached the platform but no usable answer came back (timeout, connection reset, HTTP 500, 502 or 504, a 2xx body outside the documented envelope or cut short, success without a task id): the platform may have created the task. It is recorded as UNKNOWN and is never resubmitted automatically; check the platform before submitting again, or you may pay twice.';
const IN_PROGRESS =
  'A repeat (same idempotency key and request) of a submission whose platform call has not finished yet: the task is SUBMITTING and nothing was sent again. Ask again with the same key, or read the task, for the outcome.';

/**
 * The payload's task as the submission wrote it (the row the outcome write returned), unless the
 * query asks for more than that row holds (the scene, the events, the preset): then it is read.
 * A prismaField, so that the plugin knows what the row was loaded with and reads it no second time.
 */
const taskField = (description = 'The recorded task.') => ({
  type: 'Task' as const,
  description,
  resolve: (query: { select?: Record<string, unknown> }, payload: { task: TaskRecord }, _args: object, ctx: Context) =>
    // The row holds what the query selects (checked), which is all the plugin reads of it.
    holds(payload.task, query) ? (payload.task as Task) : ctx.db.task.findUniqueOrThrow({ ...query, where: { id: payload.task.id, ownerId: ctx.ownerId } }),
});

function holds(row: TaskRecord, query: { select?: Record<string, unknown> }): boolean {
  const { select, ...rest } = query;
  if (!select || Object.keys(rest).length) return false;
  for (const key in select) if (select[key] !== true || !(key in row)) return false;
  return true;
}

builder.objectType(SubmissionAccepted, {
  name: 'CreateTakeoverVideoSuccess',
  description: SUCCESS,
  fields: (t) => ({
    task: t.prismaField(taskField()),
    platformTaskId: t.exposeString('platformTaskId', { description: "The platform's task id, exactly as the platform wrote it." }),
    outcomeRecorded: t.exposeBoolean('outcomeRecorded', { description: OUTCOME_RECORDED }),
  }),
});

builder.objectType(PlatformRejectedError, {
  name: 'PlatformRejectedError',
  description: REJECTED,
  interfaces: [ErrorInterface],
  fields: (t) => ({
    task: t.prismaField(taskField()),
    code: t.exposeInt('code', { description: "The code in the platform's answer envelope (never an HTTP status)." }),
    platformMessage: t.exposeString('platformMessage', { description: "The platform's message." }),
    outcomeRecorded: t.exposeBoolean('outcomeRecorded', { description: OUTCOME_RECORDED }),
  }),
});

builder.objectType(PlatformUnreachableError, {
  name: 'PlatformUnreachableError',
  description: UNREACHABLE,
  interfaces: [ErrorInterface],
  fields: (t) => ({
    task: t.prismaField(taskField()),
    outcomeRecorded: t.exposeBoolean('outcomeRecorded', { description: OUTCOME_RECORDED }),
  }),
});

builder.objectType(SubmissionOutcomeUnknownError, {
  name: 'SubmissionOutcomeUnknownError',
  description: UNKNOWN,
  interfaces: [ErrorInterface],
  fields: (t) => ({
    task: t.prismaField(taskField()),
    outcomeRecorded: t.exposeBoolean('outcomeRecorded', { description: OUTCOME_RECORDED }),
  }),
});

builder.objectType(SubmissionInProgress, {
  name: 'SubmissionInProgress',
  description: IN_PROGRESS,
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What is going on, for a person.' }),
    task: t.prismaField(taskField('The task, still SUBMITTING.')),
  }),
});

builder.objectType(IdempotencyKeyReused, {
  name: 'IdempotencyKeyReusedError',
  description:
    'The idempotency key was used, less than its lifetime ago, for a different request. Nothing was recorded or sent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey', { description: 'The key that was reused.' }) }),
});
