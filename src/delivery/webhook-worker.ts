// Delivers the webhook outbox: claims due deliveries (each by one replica, see
// claimDueDeliveries), signs and POSTs them, records every attempt, retries with backoff until a
// day after the event, and prunes old finished deliveries. All its state is in the database: a
// restarted or replaced instance carries on where the last one stopped (a claim it held expires).
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/client.js';
import {
  claimDueDeliveries,
  pruneFinishedDeliveries,
  readDeliveryToSend,
  recordAttempt,
  type AttemptOutcome,
} from '../db/webhook-deliveries.js';
import type { Logger } from '../http/logger.js';
import { webhookMessageId } from './webhook-events.js';
import { DEFAULT_RETRY, nextAttemptAt, type RetrySchedule } from './webhook-retry.js';
import type { WebhookSecrets } from './webhook-secret.js';
import { WebhookSender, type WebhookSenderOptions } from './webhook-sender.js';

export interface WebhookWorkerOptions extends WebhookSenderOptions {
  db: Db;
  /** The database's clock: claims, schedules and retention are compared on it. */
  clock: () => Date;
  secrets: WebhookSecrets;
  logger: Logger;
  /** How often to look for due deliveries when there was nothing to do. */
  pollIntervalMs: number;
  /** Finished deliveries are deleted this long after their event. */
  retentionMs: number;
  retry?: RetrySchedule;
  /** How many deliveries one instance sends at once. */
  batchSize?: number;
  /** How long a claim holds: longer than a send can take, so another replica never takes one still in flight. */
  leaseMs?: number;
}

const PRUNE_EVERY_MS = 3_600_000;

export class WebhookWorker {
  private readonly sender: WebhookSender;
  private readonly retry: RetrySchedule;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private running: Promise<void> | undefined;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** A wake-up that came while a round was running: the next sleep is skipped. */
  private woken = false;
  private lastPruneAt = 0;

  constructor(private readonly options: WebhookWorkerOptions) {
    this.sender = new WebhookSender(options);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.batchSize = options.batchSize ?? 10;
    this.leaseMs = options.leaseMs ?? options.timeoutMs + 60_000;
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Finishes the sends in flight (each bounded by the timeout), then stops. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      this.wake();
      await this.running;
      await this.sender.close();
    })();
    return this.stopping;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let sent = 0;
      try {
        sent = await this.deliverDue();
        if (Date.now() - this.lastPruneAt >= PRUNE_EVERY_MS) {
          this.lastPruneAt = Date.now();
          const pruned = await this.prune();
          if (pruned) this.options.logger.info({ pruned }, 'pruned finished webhook deliveries');
        }
      } catch (err) {
        this.options.logger.error({ err }, 'webhook worker: a round failed; trying again at the next poll');
      }
      if (!this.stopped && sent < this.batchSize) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeUp = done;
    });
  }

  /** Claims and sends one batch of due deliveries; how many it claimed. */
  async deliverDue(): Promise<number> {
    const now = this.options.clock();
    const claimedUntil = new Date(now.getTime() + this.leaseMs);
    const ids = await claimDueDeliveries(this.options.db, now, claimedUntil, this.batchSize);
    await Promise.all(ids.map((id) => this.deliver(id, claimedUntil)));
    return ids.length;
  }

  /** Deletes finished deliveries older than the retention period. */
  prune(): Promise<number> {
    return pruneFinishedDeliveries(this.options.db, new Date(this.options.clock().getTime() - this.options.retentionMs));
  }

  private async deliver(id: string, claimedUntil: Date): Promise<void> {
    const { db, logger } = this.options;
    const delivery = await readDeliveryToSend(db, id);
    if (!delivery) return; // its endpoint was deleted
    const at = this.options.clock();
    const result = await this.send(delivery);
    const attempts = delivery.attempts + 1;
    let outcome: AttemptOutcome = { status: 'DELIVERED' };
    if (result.error !== null) {
      const next = nextAttemptAt(this.retry, attempts, delivery.createdAt, this.options.clock());
      outcome = next ? { status: 'PENDING', nextAttemptAt: next } : { status: 'FAILED' };
    }
    const recorded = await recordAttempt(db, id, claimedUntil, { at, ...result }, outcome);
    const log = { deliveryId: id, attempts, statusCode: result.statusCode, error: result.error, outcome: outcome.status };
    if (!recorded) logger.warn(log, 'webhook sent after its claim expired; another instance had taken it');
    else if (outcome.status === 'FAILED') logger.warn(log, 'webhook delivery given up');
    else logger.debug(log, 'webhook attempt');
  }

  private async send(delivery: NonNullable<Awaited<ReturnType<typeof readDeliveryToSend>>>) {
    let secret: string;
    try {
      secret = this.options.secrets.open(delivery.endpoint.secret);
    } catch {
      return { statusCode: null, error: 'the endpoint secret cannot be decrypted (CREDENTIALS_ENCRYPTION_KEY)', durationMs: 0 };
    }
    const messageId = webhookMessageId(delivery.taskId, delivery.eventId);
    // The signing time is this process's wall clock: receivers compare it with theirs.
    const timestamp = new Date();
    const signature = new Webhook(secret).sign(messageId, timestamp, delivery.payload);
    const headers = {
      'webhook-id': messageId,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    };
    return this.sender.send(delivery.endpoint.url, headers, delivery.payload);
  }
}
