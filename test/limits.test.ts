import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';

const withLimits = (limits: Partial<typeof DEFAULT_OPTIONS.limits>) => ({ options: { limits: { ...DEFAULT_OPTIONS.limits, ...limits } } });

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = (app: TestApp, body: string, headers: Record<string, string> = {}) =>
  app.app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiKey}`, ...headers },
    body,
  });

describe('operation limits (graphql-armor)', () => {
  it('refuses deep, alias-heavy and token-heavy operations', async () => {
    t = await startTestApp(withLimits({ depth: 6, aliases: 3, tokens: 400 }));
    const deep = '{ tasks(first: 1) { edges { node { preset { versions { params { digitalRole { position { x } } } } } } } } }';
    const aliases = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: tasks(first: 1) { edges { cursor } }`).join(' ')} }`;
    const tokens = `{ tasks(first: 1) { edges { ${Array.from({ length: 500 }, () => 'cursor').join(' ')} } } }`;
    for (const [query, pattern] of [[deep, /depth/i], [aliases, /alias/i], [tokens, /token/i]] as const) {
      const body = await (await post(t, JSON.stringify({ query }))).json();
      expect(body.errors?.[0].message, JSON.stringify(body).slice(0, 300)).toMatch(pattern);
    }
    expect((await (await post(t, JSON.stringify({ query: '{ tasks(first: 1) { edges { cursor } } }' }))).json()).errors).toBeUndefined();
  });

  it('refuses operations over the cost limit', async () => {
    t = await startTestApp(withLimits({ cost: 20 }));
    const costly = '{ tasks(first: 50) { edges { node { id videoName status createdAt params { resolution { width height } } } } } }';
    const body = await (await post(t, JSON.stringify({ query: costly }))).json();
    expect(body.errors?.[0].message).toMatch(/cost/i);
  });
});

describe('HTTP hygiene', () => {
  it('refuses oversized bodies with 413, and bodies of unknown length with 411', async () => {
    t = await startTestApp(withLimits({ bodyBytes: 2_000 }));
    const big = await post(t, JSON.stringify({ query: `{ __typename } # ${'x'.repeat(3_000)}` }));
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].message).toMatch(/larger than 2000 bytes/);

    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}'));
        controller.close();
      },
    });
    const chunked = await t.app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(411);
  });

  it('answers malformed JSON and wrong content types with clear 4xx errors', async () => {
    t = await startTestApp();
    const malformed = await post(t, '{"query": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].message).toMatch(/invalid JSON/i);
    const wrongType = await post(t, 'query=%7B__typename%7D', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
  });

  it('blocks cross-site GET operations without the CSRF header', async () => {
    t = await startTestApp();
    const url = `http://test/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const headers = { authorization: `Bearer ${t.apiKey}`, accept: 'application/json' };
    expect((await t.app.fetch(url, { headers })).status).toBe(403);
    expect((await t.app.fetch(url, { headers: { ...headers, 'x-graphql-yoga-csrf': '1' } })).status).toBe(200);
  });

  it('limits requests per API key, saying when to retry', async () => {
    t = await startTestApp(withLimits({ requestsPerMinute: 3 }));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await post(t, JSON.stringify({ query: '{ __typename }' }));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const { errors } = await last!.json();
    expect(errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    // Another key has its own budget.
    const other = await t.newTenant('tenant-rl');
    expect((await post(t, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${other}` })).status).toBe(200);
  });

  it('can turn off introspection and GraphiQL', async () => {
    t = await startTestApp({ options: { introspection: false, graphiql: false } });
    const { errors } = await (await post(t, JSON.stringify({ query: '{ __schema { types { name } } }' }))).json();
    expect(errors[0].message).toMatch(/introspection/i);
    const page = await t.app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
  });
});

describe('unexpected errors', () => {
  it('are masked, and logged with the request id the client gets back', async () => {
    t = await startTestApp();
    await t.db.$executeRawUnsafe('DROP TABLE "PresetTag"');
    const response = await post(t, JSON.stringify({ query: '{ presets(first: 1, tag: "x") { edges { cursor } } }' }), { 'x-request-id': 'req-42' });
    const body = await response.json();
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(body.errors[0]).toEqual({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } });
    expect(JSON.stringify(body)).not.toMatch(/PresetTag|sqlite|\.ts:|\/work\//i);
    const logged = t.logs.find((line) => line.requestId === 'req-42');
    expect(logged).toMatchObject({ level: 50, msg: 'unexpected error' });
    expect(JSON.stringify(logged)).toMatch(/PresetTag/);
  });
});
