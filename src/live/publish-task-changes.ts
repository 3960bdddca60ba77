// Tells the replicas about every change the lifecycle commits. After the commit, never inside the
// transaction; a failure to tell is logged, never thrown back into the lifecycle.
import type { Logger } from '../http/logger.js';
import type { TaskLifecycle, Transition } from '../lifecycle/task-lifecycle.js';
import type { TaskChange, TaskChangeChannel } from '../shared-state/task-changes.js';

export const taskChangeOf = ({ task, event }: Transition): TaskChange => ({
  taskId: task.id,
  ownerId: task.ownerId,
  status: task.status,
  presetId: task.presetId,
  eventId: event.id,
});

export function publishTaskChanges(lifecycle: TaskLifecycle, channel: TaskChangeChannel, logger: Logger): void {
  const failed = (error: unknown, transition: Transition) =>
    logger.error({ err: error, taskId: transition.task.id }, 'could not publish a task change: live subscribers may miss it until the next one');
  lifecycle.listen({
    afterCommit(transition) {
      try {
        channel.publish(taskChangeOf(transition)).catch((error: unknown) => failed(error, transition));
      } catch (error) {
        failed(error, transition);
      }
    },
  });
}
