// What live subscriptions read: where a task stands (by its latest event), and the events after
// one they already sent. Every read is limited to the owner's tasks.
import type { TaskStatus } from '../takeover/task-state-machine.js';
import type { Db } from './client.js';

/** One recorded change, as far as following a task needs it. */
export interface EventMark {
  id: number;
  toStatus: TaskStatus;
}

/**
 * The task's status and the event that set it, read in one statement so the two agree; `event`
 * is null for tasks recorded before events were kept. Null when the owner has no such task.
 */
export async function readTaskHead(db: Db, ownerId: string, taskId: string): Promise<{ status: TaskStatus; event: EventMark | null } | null> {
  const latest = await db.taskEvent.findFirst({ where: { taskId, task: { ownerId } }, orderBy: { id: 'desc' }, select: { id: true, toStatus: true } });
  if (latest) return { status: latest.toStatus, event: latest };
  const task = await db.task.findFirst({ where: { id: taskId, ownerId }, select: { status: true } });
  return task && { status: task.status, event: null };
}

/**
 * The task's events after `afterId`, oldest first. Changes of one task are written one at a time
 * (each waits for the task row), so its event ids grow in the order the changes committed.
 */
export function readEventsAfter(db: Db, ownerId: string, taskId: string, afterId: number): Promise<EventMark[]> {
  return db.taskEvent.findMany({ where: { taskId, id: { gt: afterId }, task: { ownerId } }, orderBy: { id: 'asc' }, select: { id: true, toStatus: true } });
}
