// Writes to task records. A record is written before the platform call and updated with the
// outcome, so no outcome can be lost in between without leaving a SUBMITTING record. Every status
// change writes a TaskEvent in the same transaction (see task-transitions.ts).
import { randomUUID } from 'node:crypto';
import type { CreateOutcome } from '../platform/outcome.js';
import type { Db } from './client.js';
import type { Task } from '../generated/prisma/client.js';
import type { WrittenTransition } from './task-transitions.js';

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

/**
 * `now` is the database's time (see DatabaseClock). The new record, with its first event: two
 * inserts in one batch (the id is chosen here, as Prisma's default would), not a nested create,
 * which reads both rows back with two more statements.
 */
export async function recordSubmission(db: Db, ownerId: string, task: NewTask, now: Date): Promise<WrittenTransition> {
  const id = randomUUID();
  const [created, event] = await db.$transaction([
    db.task.create({
      omit: withoutScene,
      data: {
        id,
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
      },
    }),
    db.taskEvent.create({ data: { taskId: id, at: now, toStatus: 'SUBMITTING', source: 'SUBMISSION', message: 'Recorded; calling the platform.' } }),
  ]);
  return { task: created, event };
}

export function findTaskSummary(db: Db, taskId: string): Promise<TaskSummary | null> {
  return db.task.findUnique({ where: { id: taskId }, omit: withoutScene });
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
    case 'PROCESSING':
    case 'SUCCEEDED':
    case 'FAILED':
      return { kind: 'created', platformTaskId: task.platformTaskId ?? '' };
    case 'REJECTED':
      return { kind: 'rejected', code: task.platformCode ?? 0, message: task.platformMessage ?? '' };
    case 'UNREACHABLE':
      return { kind: 'unreachable', reason: task.failureReason ?? '' };
    case 'UNKNOWN':
      return { kind: 'unknown', reason: task.failureReason ?? '' };
  }
}
