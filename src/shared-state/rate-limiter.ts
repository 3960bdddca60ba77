// Request budgets per id (an API key's hash, a client address), on rate-limiter-flexible: in
// process memory, or in Redis so every replica draws on the same budget. Fixed windows of a minute.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisConnection } from './redis-connection.js';

export interface RateLimiter {
  /** Takes one request from `id`'s budget: 0 when it may go ahead, otherwise the seconds until it may. */
  take(id: string): Promise<number>;
}

const WINDOW_SECONDS = 60;

function fromLibrary(limiter: RateLimiterMemory | RateLimiterRedis): RateLimiter {
  return {
    async take(id) {
      try {
        await limiter.consume(id);
        return 0;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
  };
}

export function inProcessRateLimiter(name: string, perMinute: number): RateLimiter {
  return fromLibrary(new RateLimiterMemory({ keyPrefix: name, points: perMinute, duration: WINDOW_SECONDS }));
}

/** Counts the decisions it makes: it only decides while Redis cannot. */
class FallbackLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    this.onUse();
    return super.consume(...args);
  }
}

/**
 * Shared through Redis. While Redis is unreachable (or slower than the connection's command
 * timeout) the library answers from an in-process limiter with the same budget instead: limits
 * then hold per process, and `onFallback` is called for each such decision.
 */
export function redisRateLimiter(connection: RedisConnection, name: string, perMinute: number, onFallback: () => void): RateLimiter {
  const points = perMinute;
  return fromLibrary(
    new RateLimiterRedis({
      storeClient: connection.client,
      keyPrefix: `${connection.keyPrefix}rate-limit:${name}`,
      points,
      duration: WINDOW_SECONDS,
      rejectIfRedisNotReady: true,
      // An id over its budget is refused from memory for the rest of the window, without asking Redis.
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: new FallbackLimiter({ keyPrefix: `${name}-fallback`, points, duration: WINDOW_SECONDS }, onFallback),
    }),
  );
}
