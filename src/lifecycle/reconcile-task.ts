// An owner settles one of their UNKNOWN tasks after checking the platform: it was created (under
// this platform task id: polling and callbacks take it from there) or it was not (UNREACHABLE,
// so the same idempotency key may submit the request again).
import type { Db } from '../db/client.js';
import { findTaskSummary, type TaskSummary } from '../db/tasks.js';
import type { TaskStatus } from '../takeover/task-state-machine.js';
import type { TaskLifecycle } from './task-lifecycle.js';

export type Reconciliation = { outcome: 'CREATED'; platformTaskId: string } | { outcome: 'NOT_CREATED' };

/** Only UNKNOWN tasks are reconciled: every other status came from the platform or the submission itself. */
export class TaskNotUnknown extends Error {
  constructor(readonly status: TaskStatus) {
    super(`Only UNKNOWN tasks can be reconciled; this one is ${status}.`);
  }
}

/** Undefined when the owner has no such task. */
export async function reconcileTask(db: Db, lifecycle: TaskLifecycle, ownerId: string, taskId: string, reconciliation: Reconciliation): Promise<TaskSummary | undefined> {
  const task = await findTaskSummary(db, taskId);
  if (!task || task.ownerId !== ownerId) return undefined;
  if (task.status !== 'UNKNOWN') throw new TaskNotUnknown(task.status);
  const report =
    reconciliation.outcome === 'CREATED'
      ? { kind: 'accepted' as const, platformTaskId: reconciliation.platformTaskId }
      : { kind: 'not-created' as const, reason: 'its owner checked the platform and reconciled it as not created' };
  const result = await lifecycle.report(taskId, report, 'RECONCILIATION');
  if (!result) return undefined;
  // Something else (a late answer, a callback) moved it on meanwhile.
  if (!result.applied) throw new TaskNotUnknown(result.task.status);
  return result.transition.task;
}
