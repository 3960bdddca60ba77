// What the platform's callback says, applied: every payload is kept (bounded) with its result;
// one that cannot be read or matched to a task changes nothing and is logged for operators.
import type { Db } from '../db/client.js';
import { recordCallback, type CallbackResult } from '../db/platform-callbacks.js';
import type { Logger } from '../http/logger.js';
import { RAW_BODY_LIMIT } from '../platform/create-answer.js';
import { parseCallbackBody } from '../platform/task-status.js';
import type { TaskLifecycle } from './task-lifecycle.js';

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
}

/** The event's `raw`: the callback body (no HTTP status: we received it), cut as create answers are. */
const rawCallback = (body: string) => JSON.stringify({ body: body.length > RAW_BODY_LIMIT ? `${body.slice(0, RAW_BODY_LIMIT)}…` : body });
