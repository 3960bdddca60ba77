// Which task changes become webhooks, and the JSON body each carries (fixed when the change
// happened: a retry a day later still says what was true then).
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { TaskStatus } from '../takeover/task-state-machine.js';
import type { TaskSummary } from '../db/tasks.js';
import type { TaskEvent } from '../db/task-transitions.js';

export const WEBHOOK_EVENT_TYPES = [
  'task.submitted',
  'task.processing',
  'task.succeeded',
  'task.failed',
  'task.rejected',
  'task.unreachable',
  'task.unknown',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const EVENT_OF: Partial<Record<TaskStatus, WebhookEventType>> = {
  SUBMITTED: 'task.submitted',
  PROCESSING: 'task.processing',
  SUCCEEDED: 'task.succeeded',
  FAILED: 'task.failed',
  REJECTED: 'task.rejected',
  UNREACHABLE: 'task.unreachable',
  UNKNOWN: 'task.unknown',
};

/**
 * The webhook a status change causes, if any. Progress reports within PROCESSING cause none: a
 * render reports progress often, and a POST per percent is noise (live subscriptions carry it).
 */
export function webhookEventType(event: Pick<TaskEvent, 'fromStatus' | 'toStatus'>): WebhookEventType | undefined {
  if (event.fromStatus === event.toStatus) return undefined;
  return EVENT_OF[event.toStatus];
}

export interface WebhookPayload {
  type: WebhookEventType;
  /** When the change happened, on the database's clock (ISO 8601). */
  timestamp: string;
  data: {
    /** The task's global id, as `task(id:)` takes it. */
    id: string;
    status: TaskStatus;
    previousStatus: TaskStatus | null;
    platformTaskId: string | null;
    progress: number | null;
    resultUrl: string | null;
    expiresAt: string | null;
    failure: { code: number | null; message: string | null } | null;
    presetId: string | null;
    videoName: string;
  };
}

function failureOf(task: TaskSummary): WebhookPayload['data']['failure'] {
  switch (task.status) {
    case 'FAILED':
    case 'REJECTED':
      return { code: task.platformCode, message: task.platformMessage };
    case 'UNREACHABLE':
    case 'UNKNOWN':
      return { code: null, message: task.failureReason };
    default:
      return null;
  }
}

export function webhookPayload(type: WebhookEventType, task: TaskSummary, event: TaskEvent): WebhookPayload {
  return {
    type,
    timestamp: event.at.toISOString(),
    data: {
      id: encodeGlobalID('Task', task.id),
      status: task.status,
      previousStatus: event.fromStatus,
      platformTaskId: task.platformTaskId,
      progress: task.progress,
      resultUrl: task.resultUrl,
      expiresAt: task.expiresAt?.toISOString() ?? null,
      failure: failureOf(task),
      presetId: task.presetId && encodeGlobalID('Preset', task.presetId),
      videoName: task.videoName,
    },
  };
}

/**
 * The `webhook-id` of an event: the same for every retry and every endpoint, so receivers drop
 * repeats by it; the task id keeps it unique across databases whose event counters restart.
 */
export const webhookMessageId = (taskId: string, eventId: number) => `msg_${taskId.replaceAll('-', '')}_${eventId}`;
