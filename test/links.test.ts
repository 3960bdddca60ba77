// Links that work from any origin, and a front page (issue #12): previewUrl is absolute, from
// PUBLIC_URL or the origin the request was sent to (forwarded host and scheme only from trusted
// proxies); `GET /` sends a browser to GraphiQL and answers anything else with the endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let proxied: TestApp;
let configured: TestApp;
beforeAll(async () => {
  [t, proxied, configured] = await Promise.all([
    startTestApp(),
    startTestApp({ options: { trustProxyHops: 1 } }),
    startTestApp({ options: { publicUrl: 'https://video.example.com/api/' } }),
  ]);
}, 120_000);
afterAll(() => Promise.all([t, proxied, configured].map((app) => app?.close())));

const PREVIEW = /* GraphQL */ `query ($id: ID!) { task(id: $id) { previewUrl } }`;

async function previewUrl(app: TestApp, headers: Record<string, string> = {}, base = 'http://test') {
  const task = (await app.graphql(CREATE_TAKEOVER, { videoName: 'link', params: minimalSceneParams })).data.createTakeoverVideo.task;
  const response = await app.app.fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiKey}`, ...headers },
    body: JSON.stringify({ query: PREVIEW, variables: { id: task.id } }),
  });
  return (await response.json()).data.task.previewUrl as string;
}

describe('absolute links', () => {
  it('previewUrl is absolute on the origin the request was sent to, and loads from there over HTTP', async () => {
    const base = await t.listen();
    const link = await previewUrl(t, {}, base);
    expect(link.startsWith(`${base}/preview/task/`)).toBe(true);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('ignores X-Forwarded-Host and -Proto without trusted proxies, and answers per origin (the response cache included)', async () => {
    const spoofed = await previewUrl(t, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(spoofed).toMatch(/^http:\/\/test\/preview\//);
    expect(await previewUrl(t, {}, 'http://other.test')).toMatch(/^http:\/\/other\.test\/preview\//);
  });

  it('behind a trusted proxy, uses the host and scheme it forwarded (its own entry, not the client’s)', async () => {
    const link = await previewUrl(proxied, { 'x-forwarded-host': 'client-said.example, video.example.org', 'x-forwarded-proto': 'https' });
    expect(link).toMatch(/^https:\/\/video\.example\.org\/preview\/task\//);
    const garbage = await previewUrl(proxied, { 'x-forwarded-host': 'a b/c', 'x-forwarded-proto': 'gopher' });
    expect(garbage).toMatch(/^http:\/\/test\/preview\//);
  });

  it('uses PUBLIC_URL when configured, path prefix included', async () => {
    expect(await previewUrl(configured, { 'x-forwarded-host': 'evil.example' })).toMatch(/^https:\/\/video\.example\.com\/api\/preview\/task\//);
  });

  it('reads PUBLIC_URL from the environment and refuses a value that is not an absolute http(s) URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://video.example.com' }).publicUrl).toBe('https://video.example.com');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'video.example.com' })).toThrow(/PUBLIC_URL/);
  });
});

describe('GET /', () => {
  it('sends a browser to GraphiQL', async () => {
    const response = await t.app.fetch('http://test/', { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://test/graphql');
  });

  it('answers anything else, without an API key, with the endpoints as JSON', async () => {
    const response = await t.app.fetch('http://test/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = await response.json();
    expect(body.graphql).toMatchObject({ url: 'http://test/graphql', method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(body.health).toBe('http://test/health');
  });

  it('leaves other methods and paths alone', async () => {
    expect((await t.app.fetch('http://test/', { method: 'POST' })).status).not.toBe(200);
    expect([401, 404]).toContain((await t.app.fetch('http://test/nothing-here')).status);
  });
});
