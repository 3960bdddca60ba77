// Prometheus figures for platform calls: how many, how long, and what became of them.
import { Counter, Histogram, type Registry } from 'prom-client';
import type { PlatformResolver } from '../submission/submit-takeover.js';
import type { PlatformClient } from './client.js';

export function instrumentPlatforms(platforms: PlatformResolver, registry: Registry): PlatformResolver {
  const calls = new Counter({
    name: 'takeover_platform_calls_total',
    help: 'Takeover create calls to the platform, by outcome (created, rejected, unreachable, unknown, error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'takeover_platform_call_duration_seconds',
    help: 'Duration of takeover create calls to the platform (token handling included), by outcome.',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const instrument = (client: PlatformClient): PlatformClient => ({
    reachable: () => client.reachable(),
    close: () => client.close(),
    queryTask: (platformTaskId) => client.queryTask(platformTaskId),
    async createTakeover(request) {
      const stop = duration.startTimer();
      let outcome = 'error';
      try {
        const result = await client.createTakeover(request);
        outcome = result.kind;
        return result;
      } finally {
        stop({ outcome });
        calls.inc({ outcome });
      }
    },
  });
  return {
    clientFor: async (tenantId) => instrument(await platforms.clientFor(tenantId)),
    reachable: () => platforms.reachable(),
  };
}
