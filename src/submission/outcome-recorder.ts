// Gets a platform answer into the task record. Once the platform has answered, its answer must
// reach the record: a write the database refuses (a lock held too long, a connection lost) is
// retried with backoff in the background, through shutdown, and logged at error level with the
// task id and the platform's task id until it succeeds. The client is answered with the truth
// meanwhile, not "Unexpected error".
import type { Db } from '../db/client.js';
import { findTaskSummary, type TaskSummary } from '../db/tasks.js';
import type { TaskLifecycle } from '../lifecycle/task-lifecycle.js';
import { taskReportOf, type CreateOutcome } from '../platform/outcome.js';
import type { PendingWrites } from './pending-writes.js';
import type { SubmissionLog } from './submission-log.js';

export interface UnwrittenOutcome {
  taskId: string;
  outcome: CreateOutcome['kind'];
  platformTaskId?: string | undefined;
}

export interface OutcomeRecorderOptions {
  /** How long the client waits for the first write before it is answered anyway (2 s). */
  answerWithinMs?: number;
  /** Pauses between attempts; the last one repeats until the write succeeds. */
  retryDelaysMs?: number[];
}

export interface OutcomeWrite {
  /** The record as written, or as it was when the client had to be answered. */
  task: TaskSummary;
  /** False while the write is still being tried (or the record is gone). */
  recorded: boolean;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 500, 2_000, 5_000, 15_000, 30_000];

export class OutcomeRecorder {
  private readonly answerWithinMs: number;
  private readonly retryDelaysMs: number[];

  constructor(
    private readonly db: Db,
    private readonly lifecycle: TaskLifecycle,
    private readonly log: SubmissionLog,
    private readonly pending: PendingWrites<UnwrittenOutcome>,
    options: OutcomeRecorderOptions = {},
  ) {
    this.answerWithinMs = options.answerWithinMs ?? 2_000;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** Resolves when the outcome is written, when the first attempt fails, or after `answerWithinMs`. */
  record(task: TaskSummary, outcome: CreateOutcome, context: Record<string, unknown> = {}): Promise<OutcomeWrite> {
    let answer!: (write: OutcomeWrite) => void;
    const answered = new Promise<OutcomeWrite>((resolve) => (answer = resolve));
    const notYet = () => answer({ task, recorded: false });
    const ids = { ...context, taskId: task.id, outcome: outcome.kind, platformTaskId: platformTaskIdOf(outcome) };
    let settled = false;
    const write = (async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          // On the first attempt the record is as the submission wrote it, most likely.
          const known = attempt === 1 ? task : undefined;
          const result = await this.lifecycle.report(task.id, taskReportOf(outcome), 'SUBMISSION', outcome.raw, known);
          const written = result?.applied ? result.transition.task : await findTaskSummary(this.db, task.id);
          if (!result || !written) throw new RecordGone();
          settled = true;
          // A repeat of what the record says is recorded; anything else lost to a final status.
          if (!result.applied && result.reason !== 'duplicate') {
            this.log.warn({ ...ids, status: written.status }, 'platform answer not applied: the task already has a final status');
          } else if (attempt > 1) this.log.warn({ ...ids, attempts: attempt }, 'task outcome recorded after failed attempts');
          // Either way the write is over: the record holds this answer, or a final status that is never replaced.
          answer({ task: written, recorded: true });
          return;
        } catch (error) {
          if (isRecordGone(error)) {
            settled = true;
            this.log.error({ ...ids, err: error }, 'platform answer not recorded: the task record no longer exists');
            return notYet();
          }
          this.log.error({ ...ids, attempt, err: error }, 'platform answer not recorded yet; retrying');
          notYet();
          await this.pending.pause(this.retryDelaysMs[Math.min(attempt - 1, this.retryDelaysMs.length - 1)]!);
        }
      }
    })();
    this.pending.track(write, { taskId: task.id, outcome: outcome.kind, platformTaskId: platformTaskIdOf(outcome) });
    setTimeout(() => {
      if (settled) return;
      this.log.error(ids, 'platform answer not recorded yet: the database has not taken the write; still trying');
      notYet();
    }, this.answerWithinMs).unref();
    return answered;
  }
}

function platformTaskIdOf(outcome: CreateOutcome): string | undefined {
  return outcome.kind === 'created' ? outcome.platformTaskId : undefined;
}

class RecordGone extends Error {}

function isRecordGone(error: unknown): boolean {
  return error instanceof RecordGone;
}
