// Writes to task records. A record is written before the platform call and updated once with
// the outcome, so no outcome can be lost in between without leaving a SUBMITTING record.
import type { CreateOutcome } from '../platform/outcome.js';
import type { Db } from './client.js';
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
}

/**
 * A task without its scene: the params and the param string are kilobytes each, and reading them
 * back after every write cost more than the write.
 */
export type TaskSummary = Omit<Task, 'params' | 'paramString'>;
const withoutScene = { params: true, paramString: true } as const;

export function recordSubmission(db: Db, ownerId: string, task: NewTask, now = new Date()): Promise<TaskSummary> {
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
      requestHash: task.requestHash ?? null,
      status: 'SUBMITTING',
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESULT_RETENTION_MS),
    },
  });
}

const STATUS_BY_OUTCOME: Record<CreateOutcome['kind'], TaskStatus> = {
  created: 'SUBMITTED',
  rejected: 'REJECTED',
  unreachable: 'UNREACHABLE',
  unknown: 'UNKNOWN',
};

export function recordOutcome(db: Db, taskId: string, outcome: CreateOutcome): Promise<TaskSummary> {
  return db.task.update({
    omit: withoutScene,
    where: { id: taskId },
    data: {
      status: STATUS_BY_OUTCOME[outcome.kind],
      platformTaskId: outcome.kind === 'created' ? outcome.platformTaskId : null,
      platformCode: outcome.kind === 'rejected' ? outcome.code : null,
      platformMessage: outcome.kind === 'rejected' ? outcome.message : null,
      failureReason: outcome.kind === 'unreachable' || outcome.kind === 'unknown' ? outcome.reason : null,
    },
  });
}

export function findTaskByIdempotencyKey(db: Db, ownerId: string, idempotencyKey: string): Promise<TaskSummary | null> {
  return db.task.findUnique({ where: { ownerId_idempotencyKey: { ownerId, idempotencyKey } }, omit: withoutScene });
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

/**
 * Tasks left in SUBMITTING since before `olderThan`: their process stopped during the platform
 * call. They become UNKNOWN (the platform may have them) and are never resubmitted.
 */
export async function markAbandonedSubmissions(db: Db, olderThan: Date): Promise<number> {
  const { count } = await db.task.updateMany({
    where: { status: 'SUBMITTING', createdAt: { lt: olderThan } },
    data: {
      status: 'UNKNOWN',
      failureReason: 'the service stopped while submitting this task; the platform may have created it. Not resubmitted.',
    },
  });
  return count;
}
