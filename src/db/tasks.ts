// Writes to task records. A record is written before the platform call and updated with the
// outcome, so no outcome can be lost in between without leaving a SUBMITTING record. Every status
// change writes a TaskEvent in the same transaction.
import type { CreateOutcome } from '../platform/outcome.js';
import type { Db, DbProvider } from './client.js';
import type { Task, TaskStatus } from '../generated/prisma/client.js';

/** The platform keeps results for 7 days. */
export const RESULT_RETENTION_MS = 7 * 24 * 3600 * 1000;

export interface NewTask {
  videoName: string;
  thumbnailUrl?: string | undefined;
  params: unknown;
  paramString: string;
  presetId?: string | undefined;
  presetVersion?: number | undefined;
  idempotencyKey?: string | undefined;
  requestHash?: string | undefined;
  /** After this (database time) a task still SUBMITTING counts as abandoned. */
  abandonAfter: Date;
}

/**
 * A task without its scene: the params and the param string are kilobytes each, and reading them
 * back after every write cost more than the write.
 */
export type TaskSummary = Omit<Task, 'params' | 'paramString'>;
const withoutScene = { params: true, paramString: true } as const;

/** `now` is the database's time (see DatabaseClock). */
export function recordSubmission(db: Db, ownerId: string, task: NewTask, now: Date): Promise<TaskSummary> {
  return db.task.create({
    omit: withoutScene,
    data: {
      ownerId,
      videoName: task.videoName,
      thumbnailUrl: task.thumbnailUrl ?? null,
      params: JSON.stringify(task.params),
      paramString: task.paramString,
      presetId: task.presetId ?? null,
      presetVersion: task.presetVersion ?? null,
      idempotencyKey: task.idempotencyKey ?? null,
      liveIdempotencyKey: task.idempotencyKey ?? null,
      requestHash: task.requestHash ?? null,
      status: 'SUBMITTING',
      abandonAfter: task.abandonAfter,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESULT_RETENTION_MS),
      events: { create: { at: now, toStatus: 'SUBMITTING', source: 'SUBMISSION', message: 'Recorded; calling the platform.' } },
    },
  });
}

const STATUS_BY_OUTCOME: Record<CreateOutcome['kind'], TaskStatus> = {
  created: 'SUBMITTED',
  rejected: 'REJECTED',
  unreachable: 'UNREACHABLE',
  unknown: 'UNKNOWN',
};

export function describeOutcome(outcome: CreateOutcome): string {
  switch (outcome.kind) {
    case 'created':
      return `The platform accepted the task (its id: ${outcome.platformTaskId}).`;
    case 'rejected':
      return `The platform rejected the task (code ${outcome.code}: ${outcome.message}).`;
    case 'unreachable':
      return `Nothing was created: ${outcome.reason}.`;
    case 'unknown':
      return `No usable answer (${outcome.reason}): the platform may have created the task.`;
  }
}

function outcomeColumns(outcome: CreateOutcome) {
  return {
    status: STATUS_BY_OUTCOME[outcome.kind],
    platformTaskId: outcome.kind === 'created' ? outcome.platformTaskId : null,
    platformCode: outcome.kind === 'rejected' ? outcome.code : null,
    platformMessage: outcome.kind === 'rejected' ? outcome.message : null,
    failureReason: outcome.kind === 'unreachable' || outcome.kind === 'unknown' ? outcome.reason : null,
  };
}

/** Whether the record already says what `outcome` says (a repeated write of it changes nothing). */
function alreadyRecorded(task: TaskSummary, outcome: CreateOutcome): boolean {
  const columns = outcomeColumns(outcome);
  return (Object.keys(columns) as (keyof typeof columns)[]).every((column) => task[column] === columns[column]);
}

function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2025';
}

export interface RecordedOutcome {
  task: TaskSummary;
  /** False when the task had already left SUBMITTING and UNKNOWN (a terminal status is never overwritten). */
  applied: boolean;
}

/**
 * Records the outcome of the submission's platform call. It replaces SUBMITTING, or the UNKNOWN
 * that recovery wrote while the call was still running (the late answer is the truth), and never
 * a terminal status. Throws when the record does not exist.
 */
export async function recordOutcome(db: Db, taskId: string, outcome: CreateOutcome, now: Date): Promise<RecordedOutcome> {
  const write = (from: TaskStatus, message: string) =>
    db.task.update({
      omit: withoutScene,
      where: { id: taskId, status: from },
      data: {
        ...outcomeColumns(outcome),
        events: {
          create: { at: now, fromStatus: from, toStatus: STATUS_BY_OUTCOME[outcome.kind], source: 'SUBMISSION', message, raw: outcome.raw ?? null },
        },
      },
    });
  try {
    return { task: await write('SUBMITTING', describeOutcome(outcome)), applied: true };
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
  }
  const current = await db.task.findUniqueOrThrow({ where: { id: taskId }, omit: withoutScene });
  if (alreadyRecorded(current, outcome)) return { task: current, applied: true };
  if (current.status !== 'UNKNOWN') return { task: current, applied: false };
  try {
    const late = `Late answer, after the task had been marked UNKNOWN as abandoned. ${describeOutcome(outcome)}`;
    return { task: await write('UNKNOWN', late), applied: true };
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
    return { task: await db.task.findUniqueOrThrow({ where: { id: taskId }, omit: withoutScene }), applied: false };
  }
}

/** The task that holds this idempotency key for the owner, if any. */
export function findTaskByIdempotencyKey(db: Db, ownerId: string, idempotencyKey: string): Promise<TaskSummary | null> {
  return db.task.findUnique({ where: { ownerId_liveIdempotencyKey: { ownerId, liveIdempotencyKey: idempotencyKey } }, omit: withoutScene });
}

/** The key stops answering for this task (the task keeps it in `idempotencyKey` for the record). */
export async function releaseIdempotencyKey(db: Db, taskId: string, idempotencyKey: string): Promise<void> {
  await db.task.updateMany({ where: { id: taskId, liveIdempotencyKey: idempotencyKey }, data: { liveIdempotencyKey: null } });
}

/** What a recorded task says became of its platform call. */
export function outcomeOfTask(task: TaskSummary): CreateOutcome | { kind: 'in-progress' } {
  switch (task.status) {
    case 'SUBMITTING':
      return { kind: 'in-progress' };
    case 'SUBMITTED':
      return { kind: 'created', platformTaskId: task.platformTaskId ?? '' };
    case 'REJECTED':
      return { kind: 'rejected', code: task.platformCode ?? 0, message: task.platformMessage ?? '' };
    case 'UNREACHABLE':
      return { kind: 'unreachable', reason: task.failureReason ?? '' };
    case 'UNKNOWN':
      return { kind: 'unknown', reason: task.failureReason ?? '' };
  }
}

export const ABANDONED_REASON =
  'the service stopped while submitting this task (still SUBMITTING after the deadline its instance set); the platform may have created it. Not resubmitted.';

// Both compare with the database's own clock, in the format Prisma writes dates in.
const MARK_ABANDONED: Record<DbProvider, string> = {
  sqlite: `UPDATE "Task" SET "status" = 'UNKNOWN', "failureReason" = ?, "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
    WHERE "status" = 'SUBMITTING' AND julianday("abandonAfter") <= julianday('now') RETURNING "id"`,
  postgresql: `UPDATE "Task" SET "status" = 'UNKNOWN', "failureReason" = $1, "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE "status" = 'SUBMITTING' AND "abandonAfter" <= (now() AT TIME ZONE 'UTC') RETURNING "id"`,
};

/**
 * Tasks still SUBMITTING after the deadline their instance stored with them (on the database's
 * clock): their process stopped during the platform call. They become UNKNOWN (the platform may
 * have them) and are never resubmitted; a late answer from the call still replaces UNKNOWN.
 */
export function markAbandonedSubmissions(db: Db, provider: DbProvider, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const marked = await tx.$queryRawUnsafe<{ id: string }[]>(MARK_ABANDONED[provider], ABANDONED_REASON);
    if (marked.length) {
      await tx.taskEvent.createMany({
        data: marked.map(({ id }) => ({
          taskId: id,
          at: now,
          fromStatus: 'SUBMITTING' as const,
          toStatus: 'UNKNOWN' as const,
          source: 'RECOVERY' as const,
          message: `Marked UNKNOWN: ${ABANDONED_REASON}`,
        })),
      });
    }
    return marked.length;
  });
}
