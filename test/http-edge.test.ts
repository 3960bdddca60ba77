// Issue #9 items 3, 4, 11, 15 and 21 at the HTTP edge: slow clients are cut, no route answers
// with a stack trace, error answers do not echo the request, CORS is an allow-list, /metrics can
// be closed. Over real sockets where the transport is what is tested.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/**
 * Sends `head` at once, then `trickle` one byte every 100 ms, for as long as the server listens.
 * Resolves with what the server answered and how much of the trickle it took before closing.
 */
function sendSlowly(base: string, head: string, trickle: string): Promise<{ answer: string; sent: number }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, sent });
    });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent === trickle.length) {
          clearInterval(timer);
          socket.destroy();
          reject(new Error(`the server kept listening for all ${sent} bytes`));
          return;
        }
        if (!socket.destroyed) socket.write(trickle[sent++]!);
      }, 100);
    });
  });
}

describe('slow clients (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS)', () => {
  it('cuts a body sent byte by byte with 408 when the request time is up', async () => {
    t = await startTestApp();
    const base = await t.listen({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const body = JSON.stringify({ query: `{ __typename } #${'x'.repeat(150)}` });
    const head = `POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nAuthorization: Bearer ${t.apiKey}\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { answer, sent } = await sendSlowly(base, head, body);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(body.length);
  });

  it('cuts headers sent byte by byte with 408 when the header time is up', async () => {
    t = await startTestApp();
    const base = await t.listen({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const { answer, sent } = await sendSlowly(base, 'GET /health HTTP/1.1\r\nHost: test\r\n', `X-Slow: ${'y'.repeat(150)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(150);
  });
});

/** Sends `request` as it is and resolves with everything the server answered until it closed the connection (or 2 s passed). */
function sendRaw(base: string, request: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
    setTimeout(() => socket.destroy(), 2_000).unref();
  });
}

describe('request bodies over HTTP (the body limit is ours alone: yoga\'s counting stream is off)', () => {
  it('takes no more than the stated length, and refuses bodies of no stated or no sane length', async () => {
    t = await startTestApp({ options: { ...DEFAULT_OPTIONS, limits: { ...DEFAULT_OPTIONS.limits, bodyBytes: 2_000 } } });
    const base = await t.listen();
    const head = (headers: string, connection = 'close') =>
      `POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nAuthorization: Bearer ${t!.apiKey}\r\nConnection: ${connection}\r\n${headers}\r\n`;
    const query = '{"query":"{ __typename }"}';
    // 3,000 bytes more than stated: the stated 26 are the body, the rest is read as the next request.
    const next = `GET /health HTTP/1.1\r\nHost: test\r\nX-Pad: ${'x'.repeat(3_000)}\r\nConnection: close\r\n\r\n`;
    const longer = await sendRaw(base, `${head(`Content-Length: ${query.length}\r\n`, 'keep-alive')}${query}${next}`);
    expect(longer).toMatch(/^HTTP\/1\.1 200[\s\S]*"__typename":"Query"[\s\S]*HTTP\/1\.1 200/);
    const chunked = await sendRaw(base, `${head('Transfer-Encoding: chunked\r\n')}${(3_000).toString(16)}\r\n${'x'.repeat(3_000)}\r\n0\r\n\r\n`);
    expect(chunked).toMatch(/^HTTP\/1\.1 411/);
    for (const length of ['1e3', '-1', '+26', '26, 26']) {
      expect(await sendRaw(base, `${head(`Content-Length: ${length}\r\n`)}${query}`)).toMatch(/^HTTP\/1\.1 400/);
    }
    const over = await sendRaw(base, `${head('Content-Length: 3000\r\n')}${'x'.repeat(3_000)}`);
    expect(over).toMatch(/^HTTP\/1\.1 413/);
  });
});

describe('errors at the edge', () => {
  it('answers a malformed preview path with 404, and an unexpected error with a plain 500 that is logged with its request id', async () => {
    t = await startTestApp();
    const base = await t.listen();
    const malformed = await fetch(`${base}/preview/task/%E0%A4%A.svg?owner=x&expires=99999999999999&sig=abc`);
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).not.toMatch(/URIError|at .*\(|node_modules/);

    const task = (await t.graphql(CREATE_TAKEOVER, { videoName: 'p', params: minimalSceneParams })).data.createTakeoverVideo.task;
    const { previewUrl } = (await t.graphql('query ($id: ID!) { task(id: $id) { previewUrl } }', { id: task.id })).data.task;
    // Task events depend on tasks: PostgreSQL drops them too only when told.
    await t.db.$executeRawUnsafe(`DROP TABLE "Task"${t.database.provider === 'postgresql' ? ' CASCADE' : ''}`);
    const broken = await fetch(previewUrl.replace('http://test', base), { headers: { 'x-request-id': 'req-edge-1' } });
    const text = await broken.text();
    expect(broken.status).toBe(500);
    expect(broken.headers.get('x-request-id')).toBe('req-edge-1');
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-edge-1' } }] });
    const logged = t.logs.find((line) => line.requestId === 'req-edge-1');
    expect(logged).toMatchObject({ level: 50, msg: 'unexpected error' });
    expect(JSON.stringify(logged)).toMatch(/Task/);
  });

  it('answers invalid JSON with a plain message that does not echo the body', async () => {
    t = await startTestApp();
    const response = await t.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
      body: '{"query": secret-body-text',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('CORS (CORS_ORIGINS)', () => {
  const fromOrigin = (app: TestApp, origin: string) =>
    app.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiKey}`, origin },
      body: '{"query":"{ __typename }"}',
    });
  const preflight = (app: TestApp, origin: string) =>
    app.app.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('allows no origin by default outside the sandbox, and never credentials', async () => {
    t = await startTestApp();
    for (const response of [await fromOrigin(t, 'https://evil.example'), await preflight(t, 'https://evil.example')]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('allows the listed origins only', async () => {
    t = await startTestApp({ options: { corsOrigins: ['https://app.example'] } });
    const allowed = await preflight(t, 'https://app.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await fromOrigin(t, 'https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect((await fromOrigin(t, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is open in the sandbox, still without credentials', async () => {
    t = await startTestApp({ options: { sandbox: true } });
    const response = await fromOrigin(t, 'http://localhost:5173');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('/metrics behind METRICS_TOKEN', () => {
  it('asks for the token when one is configured', async () => {
    t = await startTestApp({ options: { metricsToken: 'metrics-token-0123456789' } });
    const refused = await t.app.fetch('http://test/metrics');
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toMatch(/takeover_platform/);
    expect((await t.app.fetch('http://test/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const allowed = await t.app.fetch('http://test/metrics', { headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/takeover_platform_calls_total/);
  });
});
