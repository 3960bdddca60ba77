// Feeds the webhook outbox from the task lifecycle: inside the transaction that writes a status
// change, one delivery row per endpoint of the task's owner that takes the change's event type.
// Rolled back with the change; never written for a change that did not commit.
import type { TransitionListener } from '../lifecycle/task-lifecycle.js';
import { webhookEventType, webhookPayload } from './webhook-events.js';

export interface WebhookOutboxOptions {
  /** Called after a change that wrote deliveries committed (wakes this instance's worker). */
  onWritten?: () => void;
}

export function webhookOutbox(options: WebhookOutboxOptions = {}): TransitionListener {
  return {
    outboxFor({ task, event }) {
      const type = webhookEventType(event);
      if (!type) return undefined;
      return { ownerId: task.ownerId, taskId: task.id, eventId: event.id, eventType: type, payload: JSON.stringify(webhookPayload(type, task, event)), at: event.at };
    },
    afterCommit({ deliveries }) {
      if (deliveries) options.onWritten?.();
    },
  };
}
