// Issue #10 item 3: with REDIS_URL, replicas share the rate limits through Redis; a Redis outage
// does not take the API down (limits fall back to per process), is logged once, and shows in
// /ready and /metrics. Needs a Redis: skipped unless TEST_REDIS_URL names one (CI sets it).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createLogger } from '../src/http/logger.js';
import { openSharedState, type SharedState } from '../src/shared-state/shared-state.js';
import { eventually } from './helpers/eventually.js';
import { redisRelay as startRedisRelay, type RedisRelay } from './helpers/redis-relay.js';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL;

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const limits = (perKey: number, perAddress: number) => ({ ...DEFAULT_OPTIONS.limits, requestsPerMinute: perKey, unauthenticatedPerMinute: perAddress });


/** A Redis-backed shared state, connected. */
async function sharedState(url: string, prefix: string, logger = createLogger('silent')): Promise<SharedState> {
  const state = openSharedState({ url, keyPrefix: prefix }, logger);
  cleanup.push(() => state.close());
  await eventually(() => JSON.stringify(state.status()) === '{"store":"redis","reachable":true}', 'Redis connected');
  return state;
}

const ask = async (app: App, key: string | undefined, address = '192.0.2.50') => {
  const response = await app.fetch(
    'http://test/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) }, body: '{"query":"{ __typename }"}' },
    { req: { socket: { remoteAddress: address } } },
  );
  return response.status;
};

/** Two replicas: the test app, and a second app on the same database with its own shared state. */
async function twoReplicas(perKey: number, perAddress: number, stateFor: () => SharedState | Promise<SharedState>): Promise<[TestApp, App]> {
  const first = await startTestApp({ sharedState: await stateFor(), options: { limits: limits(perKey, perAddress) } });
  cleanup.push(() => first.close());
  const second = createApp({ database: first.database, platforms: first.platforms, logger: createLogger('silent'), lifecycle: first.lifecycle, sharedState: await stateFor(), options: { ...DEFAULT_OPTIONS, limits: limits(perKey, perAddress) } });
  return [first, second];
}

/** A relay in front of Redis, cut and restored by the test; stopped after it. */
async function redisRelay(target: URL): Promise<RedisRelay> {
  const relay = await startRedisRelay(target);
  cleanup.push(relay.stop);
  return relay;
}

describe.skipIf(!REDIS_URL)('rate limits shared through Redis', () => {
  it('two replicas draw on one budget per API key, and one per address for callers without a key', async () => {
    const prefix = `takeover-test:${randomUUID()}:`;
    const [a, b] = await twoReplicas(4, 3, () => sharedState(REDIS_URL!, prefix));
    const keyed = [await ask(a.app, a.apiKey), await ask(b, a.apiKey), await ask(a.app, a.apiKey), await ask(b, a.apiKey), await ask(a.app, a.apiKey), await ask(b, a.apiKey)];
    expect(keyed).toEqual([200, 200, 200, 200, 429, 429]);
    const anonymous = [await ask(a.app, undefined), await ask(b, undefined), await ask(a.app, undefined), await ask(b, undefined)];
    expect(anonymous).toEqual([401, 401, 401, 429]);
    // Per process (no Redis), each replica would have let all of these through.
    const [c, d] = await twoReplicas(4, 3, () => openSharedState(undefined, createLogger('silent')));
    expect([await ask(c.app, c.apiKey), await ask(d, c.apiKey), await ask(c.app, c.apiKey), await ask(d, c.apiKey), await ask(c.app, c.apiKey)]).toEqual([200, 200, 200, 200, 200]);
  });

  it('keeps serving through a Redis outage with per-process limits, says so in /ready and /metrics, logs it once', async () => {
    const relay = await redisRelay(new URL(REDIS_URL!));
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) } as unknown as NodeJS.WritableStream);
    const state = await sharedState(relay.url(), `takeover-test:${randomUUID()}:`, logger);
    const t = await startTestApp({ sharedState: state, options: { limits: limits(3, 100), readyCacheMs: 0 } });
    cleanup.push(() => t.close());
    const ready = async () => (await t.app.fetch('http://test/ready')).json();
    const metrics = async () => (await t.app.fetch('http://test/metrics')).text();
    await eventually(async () => (await ready()).sharedState.reachable === true, 'Redis reachable');
    expect(await metrics()).toMatch(/^takeover_redis_up 1$/m);
    expect(await ask(t.app, t.apiKey)).toBe(200);

    await relay.stop();
    await eventually(async () => (await ready()).sharedState.reachable === false, 'the outage noticed');
    // Still served: the two left of this minute's budget, then this process's own limit applies.
    expect([await ask(t.app, t.apiKey), await ask(t.app, t.apiKey), await ask(t.app, t.apiKey), await ask(t.app, t.apiKey)]).toEqual([200, 200, 200, 429]);
    const readiness = await t.app.fetch('http://test/ready');
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual({ ready: true, sharedState: { store: 'redis', reachable: false } });
    const during = await metrics();
    expect(during).toMatch(/^takeover_redis_up 0$/m);
    expect(Number(/^takeover_rate_limit_fallbacks_total (\d+)$/m.exec(during)?.[1])).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 20; i++) await ask(t.app, undefined);
    expect(lines.filter((line) => /redis unreachable/.test(String(line.msg)))).toHaveLength(1);

    await relay.start();
    await eventually(async () => (await ready()).sharedState.reachable === true, 'Redis back');
    expect(await metrics()).toMatch(/^takeover_redis_up 1$/m);
    expect(lines.filter((line) => /redis reachable again/.test(String(line.msg)))).toHaveLength(1);
    expect(lines.filter((line) => /redis unreachable/.test(String(line.msg)))).toHaveLength(1);
  });
});
