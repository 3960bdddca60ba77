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
}

export function recordSubmission(db: Db, ownerId: string, task: NewTask, now = new Date()): Promise<Task> {
  return db.task.create({
    data: {
      ownerId,
      videoName: task.videoName,
      thumbnailUrl: task.thumbnailUrl ?? null,
      params: JSON.stringify(task.params),
      paramString: task.paramString,
      presetId: task.presetId ?? null,
      presetVersion: task.presetVersion ?? null,
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

export function recordOutcome(db: Db, taskId: string, outcome: CreateOutcome): Promise<Task> {
  return db.task.update({
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
