// Everything replicas must agree on sits behind this interface: the rate limits, and the notices
// of task changes that live subscriptions follow. Per process
// without Redis; through Redis (see RedisConnection) when REDIS_URL is set. Chosen in main.ts.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../http/logger.js';
import { inProcessRateLimiter, redisRateLimiter, type RateLimiter } from './rate-limiter.js';
import { RedisConnection, type RedisSettings } from './redis-connection.js';
import { inProcessTaskChanges, redisTaskChanges, type TaskChangeChannel } from './task-changes.js';

/** What /ready reports: where shared state lives, and whether that store is reachable. */
export type SharedStateStatus = { store: 'process' } | { store: 'redis'; reachable: boolean };

export interface SharedState {
  /** A per-minute request budget per id, the same for every replica sharing this state. */
  rateLimiter(name: string, perMinute: number): RateLimiter;
  /** Notices of committed task changes, heard by every replica. */
  readonly taskChanges: TaskChangeChannel;
  status(): SharedStateStatus;
  /** Adds this state's health figures to an app's Prometheus registry. */
  registerMetrics(registry: Registry): void;
  close(): Promise<void>;
}

export function inProcessSharedState(): SharedState {
  return {
    rateLimiter: inProcessRateLimiter,
    taskChanges: inProcessTaskChanges(),
    status: () => ({ store: 'process' }),
    registerMetrics: () => {},
    close: async () => {},
  };
}

export function redisSharedState(connection: RedisConnection, logger: Logger): SharedState {
  let fallbacks = 0;
  const taskChanges = redisTaskChanges(connection, logger);
  return {
    rateLimiter: (name, perMinute) => redisRateLimiter(connection, name, perMinute, () => (fallbacks += 1)),
    taskChanges,
    status: () => ({ store: 'redis', reachable: connection.up }),
    registerMetrics(registry) {
      new Gauge({
        name: 'takeover_redis_up',
        help: 'Whether Redis, which holds the state shared between replicas, is reachable (1) or not (0)',
        registers: [registry],
        collect() {
          this.set(connection.up ? 1 : 0);
        },
      });
      new Counter({
        name: 'takeover_rate_limit_fallbacks_total',
        help: 'Rate-limit decisions made by this process alone because Redis was unreachable',
        registers: [registry],
        collect() {
          this.reset();
          this.inc(fallbacks);
        },
      });
    },
    async close() {
      await taskChanges.close();
      await connection.close();
    },
  };
}

/** In process, or through Redis when it is configured. */
export function openSharedState(redis: RedisSettings | undefined, logger: Logger): SharedState {
  return redis ? redisSharedState(new RedisConnection(redis, logger), logger) : inProcessSharedState();
}
