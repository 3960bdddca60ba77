// SIGTERM with live subscriptions open: they end at once (their clients may reconnect to another
// replica), so the drain does not wait SHUTDOWN_TIMEOUT_MS for connections that never finish.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { disposeClients, sseClient, subscribe, TASK_EVENTS, TASK_UPDATED } from './helpers/live.js';
import { startService } from './helpers/service-process.js';

const dirs: string[] = [];
afterAll(async () => {
  disposeClients();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('shutdown with live subscriptions', () => {
  it('ends them and exits well before the shutdown timeout', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'live-shutdown-'));
    dirs.push(dir);
    const service = await startService({ DATABASE_URL: `file:${path.join(dir, 'live.db')}`, SOFTSUGAR_APP_ID: '', SOFTSUGAR_APP_KEY: '', GRAPHIQL: 'false', SHUTDOWN_TIMEOUT_MS: '20000', LOG_LEVEL: 'info', SIMULATOR_RENDER_MS: '600000' });
    // (The sandbox's simulator renders for ten minutes here: the task stays SUBMITTED, the streams quiet.)
    const apiKey = /Sandbox API key[^:]*: (tk_\S+)/.exec(service.output())![1]!;
    const base = service.url.replace(/\/graphql$/, '');
    const created = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: 'mutation ($p: TakeoverParamsInput) { createTakeoverVideo(videoName: "x", params: $p) { ... on CreateTakeoverVideoSuccess { task { id } } } }', variables: { p: minimalSceneParams } }),
    }).then((response) => response.json());
    const one = subscribe(sseClient(base, apiKey), TASK_UPDATED, { id: created.data.createTakeoverVideo.task.id });
    const all = subscribe(sseClient(base, apiKey), TASK_EVENTS);
    expect((await one.next()) as any).toMatchObject({ data: { taskUpdated: { task: { status: 'SUBMITTED' } } } });
    // The client sends its request when first asked for a message.
    expect(await all.quiet(500)).toBe(true);

    const stoppedAt = Date.now();
    service.child.kill('SIGTERM');
    expect(await one.next(5_000)).toBe('done');
    expect(await all.next(5_000)).toBe('done');
    expect(await service.exited()).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(service.output()).not.toMatch(/shutdown timeout/);
  }, 60_000);
});
