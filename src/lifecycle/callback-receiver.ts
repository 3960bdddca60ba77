// What the platform's callback says, applied: every payload is kept (bounded) with its result;
// one that cannot be read or matched to a task changes nothing and is logged for operators.
import type { Db } from '../db/client.js';
import { findUnmatchedCallbacks, recordCallback, settleUnmatchedCallback, type CallbackResult } from '../db/platform-callbacks.js';
import type { Logger } from '../http/logger.js';
import { RAW_BODY_LIMIT } from '../platform/create-answer.js';
import { parseCallbackBody } from '../platform/task-status.js';
import type { TaskLifecycle, TransitionListener } from './task-lifecycle.js';

/** How much of a callback body is read and kept; a longer one is kept cut and counts as unparseable. */
export const CALLBACK_BODY_LIMIT = 64 * 1024;

export interface ReceivedBody {
  text: string;
  /** The body was longer than CALLBACK_BODY_LIMIT and `text` is its beginning. */
  truncated: boolean;
}

export class CallbackReceiver {
  constructor(
    private readonly db: Db,
    private readonly lifecycle: TaskLifecycle,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async receive({ text, truncated }: ReceivedBody): Promise<CallbackResult> {
    const receivedAt = this.clock();
    const parsed = truncated ? { unparseable: `the body is longer than ${CALLBACK_BODY_LIMIT} bytes` } : parseCallbackBody(text);
    if ('unparseable' in parsed) {
      const id = await recordCallback(this.db, { body: text, truncated, result: 'unparseable', receivedAt });
      this.logger.warn({ callbackId: id, reason: parsed.unparseable }, 'platform callback not understood: kept, nothing changed');
      return 'unparseable';
    }
    const { platformTaskId, report } = parsed;
    const outcome = await this.lifecycle.reportForPlatformTask(platformTaskId, report, 'CALLBACK', rawCallback(text));
    const result: CallbackResult = outcome.applied ? 'applied' : outcome.reason;
    const taskId = outcome.applied ? outcome.transition.task.id : 'task' in outcome ? outcome.task.id : undefined;
    const id = await recordCallback(this.db, { body: text, truncated, platformTaskId, taskId, result, receivedAt });
    if (result === 'unmatched' || result === 'ambiguous' || result === 'conflict') {
      this.logger.warn({ callbackId: id, platformTaskId, result }, 'platform callback matched no single task: kept, nothing changed');
    } else {
      this.logger.info({ callbackId: id, platformTaskId, taskId, result }, 'platform callback received');
    }
    return result;
  }

  /**
   * Callbacks can arrive before the task is known under the platform's id: before the create
   * answer is recorded, or while the task is UNKNOWN. Once a task gets its platform id they are
   * applied in the order they came; each is taken by one replay only.
   */
  async replayUnmatched(platformTaskId: string): Promise<number> {
    let applied = 0;
    for (const { id, body } of await findUnmatchedCallbacks(this.db, platformTaskId)) {
      const parsed = parseCallbackBody(body);
      if ('unparseable' in parsed) continue;
      const outcome = await this.lifecycle.reportForPlatformTask(platformTaskId, parsed.report, 'CALLBACK', rawCallback(body));
      if (!outcome.applied && (outcome.reason === 'unmatched' || outcome.reason === 'ambiguous')) return applied;
      const taskId = outcome.applied ? outcome.transition.task.id : 'task' in outcome ? outcome.task.id : undefined;
      if (await settleUnmatchedCallback(this.db, id, outcome.applied ? 'applied' : outcome.reason, taskId)) applied += outcome.applied ? 1 : 0;
    }
    if (applied) this.logger.info({ platformTaskId, applied }, 'applied platform callbacks that came before the task was known under its id');
    return applied;
  }

  /** Replays a task's early callbacks when it becomes known under its platform id. */
  listener(): TransitionListener {
    return {
      afterCommit: ({ task, event }) => {
        if (!task.platformTaskId || (event.fromStatus !== 'SUBMITTING' && event.fromStatus !== 'UNKNOWN')) return;
        const platformTaskId = task.platformTaskId;
        void this.replayUnmatched(platformTaskId).catch((error: unknown) =>
          this.logger.error({ err: error, platformTaskId }, 'early platform callbacks not replayed (the poller will catch up)'),
        );
      },
    };
  }
}

/** The event's `raw`: the callback body (no HTTP status: we received it), cut as create answers are. */
const rawCallback = (body: string) => JSON.stringify({ body: body.length > RAW_BODY_LIMIT ? `${body.slice(0, RAW_BODY_LIMIT)}…` : body });
