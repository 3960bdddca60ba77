// One Redis connection, shared by everything that keeps state across replicas, with its health:
// `up` for /ready and the metrics. Commands fail fast while Redis is away (no offline queue, a
// command timeout), so callers can fall back at once instead of waiting; ioredis keeps
// reconnecting in the background. An outage is logged once when it starts and once when it ends.
import { Redis } from 'ioredis';
import type { Logger } from '../http/logger.js';

export interface RedisSettings {
  url: string;
  /** Put before every key, so several services (or tests) can share one Redis. */
  keyPrefix: string;
}

export class RedisConnection {
  readonly client: Redis;
  readonly keyPrefix: string;
  private state: 'connecting' | 'up' | 'down' = 'connecting';
  private closing = false;

  constructor(settings: RedisSettings, private readonly logger: Logger) {
    this.keyPrefix = settings.keyPrefix;
    this.client = new Redis(settings.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 250,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.client.on('ready', () => this.mark('up'));
    // Emitted on every failed reconnection attempt; `mark` logs only the change.
    this.client.on('error', (error: Error) => this.mark('down', error));
    this.client.on('close', () => this.mark('down'));
  }

  /** Whether the last thing heard from Redis is that it is ready. */
  get up(): boolean {
    return this.state === 'up';
  }

  private mark(state: 'up' | 'down', error?: Error): void {
    if (this.state === state || (state === 'down' && this.closing)) return;
    const was = this.state;
    this.state = state;
    // The URL may carry a password: log the error's message only.
    if (state === 'down') this.logger.error({ reason: error?.message }, 'redis unreachable: shared limits fall back to per-process limits until it is back');
    else if (was === 'down') this.logger.warn('redis reachable again: limits are shared again');
  }

  async close(): Promise<void> {
    this.closing = true;
    this.client.disconnect();
  }
}
