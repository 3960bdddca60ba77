// Issue #9 items 1 and 3: a caller without a valid API key costs a key check, never a parse; such
// callers are limited per client address (which a proxy setting decides, never a forged header).
import { afterEach, describe, expect, it } from 'vitest';
import { boundedParserCache, MAX_CACHED_TEXT } from '../src/http/parse-cache.js';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const withLimits = (limits: Partial<typeof DEFAULT_OPTIONS.limits>, options: Partial<typeof DEFAULT_OPTIONS> = {}) => ({
  options: { ...options, limits: { ...DEFAULT_OPTIONS.limits, ...limits } },
});

/** A POST as it arrives from `address` (the socket's peer), optionally with a key and more headers. */
const postFrom = (app: TestApp, address: string, query: string, headers: Record<string, string> = {}) =>
  app.app.fetch(
    'http://test/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) },
    { req: { socket: { remoteAddress: address } } },
  );

const madeUpKey = (n: number) => `tk_madeup00_${String(n).padStart(32, 'x')}`;

describe('authentication before parsing', () => {
  it('answers a request without a valid key with 401 without reading its body', async () => {
    t = await startTestApp();
    for (const authorization of [undefined, `Bearer ${madeUpKey(1)}`, 'Bearer not-even-a-key']) {
      let read = false;
      const body = new ReadableStream(
        {
          pull(controller) {
            read = true;
            controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}'));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const response = await t.app.fetch(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '26', ...(authorization && { authorization }) },
          body,
          duplex: 'half',
        } as RequestInit),
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(read).toBe(false);
    }
  });

  it('never shows field suggestions to a caller without a key', async () => {
    t = await startTestApp({ options: { introspection: true } });
    const response = await postFrom(t, '192.0.2.1', '{ tsk }');
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/did you mean/i);
  });

  it('keeps parsed documents within a byte budget, and never huge texts or their errors', () => {
    const budget = 2_000_000;
    const cache = boundedParserCache(budget);
    const doc = { kind: 'Document', definitions: [] } as never;
    for (let i = 0; i < 1_000; i++) cache.documentCache.set(`{ a${i}: __typename } #${'x'.repeat(1_000)}`, doc);
    expect(cache.documentCache.size).toBeGreaterThan(0);
    expect(cache.documentCache.size).toBeLessThanOrEqual(budget);
    const huge = `{ __typename } #${'x'.repeat(MAX_CACHED_TEXT)}`;
    cache.documentCache.set(huge, doc);
    cache.errorCache.set(huge, new Error('syntax'));
    expect(cache.documentCache.get(huge)).toBeUndefined();
    expect(cache.errorCache.get(huge)).toBeUndefined();
    cache.documentCache.set('{ __typename }', doc);
    expect(cache.documentCache.get('{ __typename }')).toBe(doc);
  });
});

describe('the limit for callers without a valid key', () => {
  it('answers 429 with Retry-After once an address has used its budget, whatever key it makes up', async () => {
    t = await startTestApp(withLimits({ unauthenticatedPerMinute: 5 }));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8; i++) {
      last = await postFrom(t, '203.0.113.7', '{ __typename }', i % 2 ? { authorization: `Bearer ${madeUpKey(i)}` } : {});
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect((await last!.json()).errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    // Another address has its own budget; a valid key from the limited address is still served.
    expect((await postFrom(t, '203.0.113.8', '{ __typename }')).status).toBe(401);
    const keyed = await postFrom(t, '203.0.113.7', '{ __typename }', { authorization: `Bearer ${t.apiKey}` });
    expect(keyed.status).toBe(200);
  });

  it('ignores X-Forwarded-For unless told how many proxies to trust', async () => {
    t = await startTestApp(withLimits({ unauthenticatedPerMinute: 2 }));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postFrom(t, '10.0.0.1', '{ __typename }', { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  it('behind TRUST_PROXY_HOPS proxies limits the forwarded client, and a forged entry does not escape it', async () => {
    t = await startTestApp(withLimits({ unauthenticatedPerMinute: 2 }, { trustProxyHops: 1 }));
    const statuses: number[] = [];
    // The proxy (10.0.0.1) appends the address it saw; whatever the client wrote comes before it.
    for (let i = 0; i < 4; i++) statuses.push((await postFrom(t, '10.0.0.1', '{ __typename }', { 'x-forwarded-for': `forged-${i}, 198.51.100.9` })).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
    // Another client behind the same proxy is not affected.
    expect((await postFrom(t, '10.0.0.1', '{ __typename }', { 'x-forwarded-for': '198.51.100.10' })).status).toBe(401);
  });
});
