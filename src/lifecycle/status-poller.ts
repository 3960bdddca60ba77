// Asks the platform about tasks it is working on, for when callbacks do not arrive. Each instance
// claims due polls (one instance per task, see db/task-polls.ts), queries with a bounded number
// of calls in flight per platform account, and applies what it learns through the lifecycle. A
// failed query changes nothing but the next query time (exponential backoff, capped). Polling a
// task stops when it reaches a final state (the transition deletes its poll) or when its result
// would have expired on the platform anyway.
import type { Db } from '../db/client.js';
import { claimDuePolls, reschedulePoll, stopPolling, type ClaimedPoll } from '../db/task-polls.js';
import type { Logger } from '../http/logger.js';
import type { PlatformClient } from '../platform/client.js';
import type { PlatformResolver } from '../submission/submit-takeover.js';
import { RESULT_RETENTION_MS } from '../takeover/task-state-machine.js';
import type { TaskLifecycle } from './task-lifecycle.js';

export interface StatusPollerOptions {
  intervalMs: number;
  /** The first pause after a query; doubled after each one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  concurrencyPerAccount: number;
  claimMs: number;
  /** The database's clock. */
  clock: () => Date;
  /** Polls claimed per round (100). */
  batchSize?: number;
}

/** The pause after the `attempts`-th query. */
export function backoffMs(attempts: number, firstDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

export class StatusPoller {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly lifecycle: TaskLifecycle,
    private readonly platforms: PlatformResolver,
    private readonly logger: Logger,
    private readonly options: StatusPollerOptions,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.pollOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops claiming and waits for the round in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** One round: claims what is due and polls it; rounds never overlap within an instance. */
  pollOnce(): Promise<void> {
    this.round ??= this.runRound()
      .catch((error: unknown) => this.logger.error({ err: error }, 'status polling round failed'))
      .finally(() => (this.round = undefined));
    return this.round;
  }

  private async runRound(): Promise<void> {
    const now = this.options.clock();
    const claimed = await claimDuePolls(this.db, now, new Date(now.getTime() + this.options.claimMs), this.options.batchSize ?? 100);
    const byAccount = new Map<PlatformClient, ClaimedPoll[]>();
    for (const poll of claimed) {
      const client = await this.platforms.clientFor(poll.ownerId);
      byAccount.set(client, [...(byAccount.get(client) ?? []), poll]);
    }
    await Promise.all([...byAccount].map(([client, polls]) => this.pollAccount(client, polls)));
  }

  /** At most `concurrencyPerAccount` queries at once to one platform account. */
  private async pollAccount(client: PlatformClient, polls: ClaimedPoll[]): Promise<void> {
    const queue = [...polls];
    const worker = async () => {
      for (let poll = queue.shift(); poll; poll = queue.shift()) await this.pollTask(client, poll);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrencyPerAccount, queue.length) }, worker));
  }

  private async pollTask(client: PlatformClient, poll: ClaimedPoll): Promise<void> {
    const { taskId, platformTaskId } = poll;
    try {
      const now = this.options.clock();
      if (!platformTaskId || now.getTime() - poll.createdAt.getTime() > RESULT_RETENTION_MS) {
        this.logger.warn({ taskId, platformTaskId }, 'stopped polling a task the platform no longer keeps (or never named)');
        return await stopPolling(this.db, taskId);
      }
      const answer = await client.queryTask(platformTaskId);
      const attempts = poll.attempts + 1;
      if (answer.kind === 'report') {
        // A final status deletes the poll with the transition; otherwise the next query is scheduled.
        await this.lifecycle.report(taskId, answer.report, 'STATUS_QUERY', answer.raw);
      } else if (answer.kind === 'failed') {
        this.logger.warn({ taskId, platformTaskId, attempts, reason: answer.reason }, 'status query failed: task unchanged, asking again later');
      }
      const delay = backoffMs(attempts, this.options.firstDelayMs, this.options.maxDelayMs);
      await reschedulePoll(this.db, taskId, attempts, new Date(this.options.clock().getTime() + (answer.kind === 'unsupported' ? this.options.maxDelayMs : delay)));
    } catch (error) {
      // The claim runs out by itself and another round (here or elsewhere) takes the task again.
      this.logger.error({ err: error, taskId, platformTaskId }, 'status poll failed');
    }
  }
}
