// The service as a process: the sandbox wires its simulator's callbacks to itself and polls it;
// with platform credentials, SOFTSUGAR_TASK_QUERY_PATH turns the poller on and
// PLATFORM_CALLBACK_SECRET the callback route. Both stop cleanly on SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { createApiKey } from '../src/db/tenants.js';
import { PlatformSimulator } from '../src/platform/simulator.js';
import { SIMULATOR_TASK_QUERY_PATH } from '../src/platform/task-status.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { TEST_POSTGRES_URL } from './helpers/database.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { CALLBACK_SECRET, waitFor } from './helpers/task-sources.js';
import { TEST_CREDENTIALS } from './helpers/test-app.js';

let dir: string;
let databaseUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'service-sources-'));
  databaseUrl = TEST_POSTGRES_URL ? await createScratchPostgresDatabase(TEST_POSTGRES_URL, 'takeover_sources') : `file:${path.join(dir, 'service.db')}`;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (TEST_POSTGRES_URL) await dropScratchPostgresDatabase(TEST_POSTGRES_URL, databaseUrl);
});

const POLLING = { POLL_INTERVAL_MS: '50', POLL_FIRST_DELAY_MS: '100', POLL_MAX_DELAY_MS: '200' };

function client(service: ServiceProcess, apiKey: string) {
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: any };
  };
  return {
    async submit(videoName: string): Promise<string> {
      const { data } = await gql('mutation ($n: String, $p: TakeoverParamsInput) { createTakeoverVideo(videoName: $n, params: $p) { ... on CreateTakeoverVideoSuccess { task { id } } } }', { n: videoName, p: minimalSceneParams });
      return data.createTakeoverVideo.task.id;
    },
    async task(id: string): Promise<{ status: string; resultUrl: string | null; events: { source: string }[] }> {
      return (await gql('query ($id: ID!) { task(id: $id) { status resultUrl events { source } } }', { id })).data.task;
    },
  };
}

async function stop(service: ServiceProcess) {
  service.child.kill('SIGTERM');
  expect(await service.exited()).toBe(0);
}

it('in the sandbox, tasks reach SUCCEEDED through the simulator calling back, with a downloadable video', { timeout: 120_000 }, async () => {
  const service = await startService({ DATABASE_URL: databaseUrl, SANDBOX_KEY_FILE: path.join(dir, 'sandbox-key'), SIMULATOR_RENDER_MS: '200', GRAPHIQL: 'false', POLL_FIRST_DELAY_MS: '60000' });
  try {
    const apiKey = /Sandbox API key[^:]*: (\S+)/.exec(service.output())![1]!;
    const api = client(service, apiKey);
    const id = await api.submit('sandbox end to end');
    const done = await waitFor(async () => {
      const task = await api.task(id);
      return task.status === 'SUCCEEDED' && task;
    }, 30_000).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await api.task(id))}\n${service.output()}`);
    });
    // Polling would start in a minute: the callbacks did it.
    expect(new Set(done.events.slice(2).map((event) => event.source))).toEqual(new Set(['CALLBACK']));
    expect((await fetch(done.resultUrl!)).status).toBe(200);
    const failed = await api.submit('sim:fail in the sandbox');
    expect((await waitFor(async () => ['FAILED', 'SUCCEEDED'].includes((await api.task(failed)).status) && api.task(failed), 30_000)).status).toBe('FAILED');
  } finally {
    await stop(service);
  }
});

it('with platform credentials, the query path turns the poller on and the secret the callback route', { timeout: 120_000 }, async () => {
  const simulator = await PlatformSimulator.start({ ...TEST_CREDENTIALS, renderMs: 200 });
  const { db } = await openDatabase(databaseUrl);
  const { key: apiKey } = await createApiKey(db, `sources-${Date.now()}`);
  await db.$disconnect();
  const service = await startService({
    DATABASE_URL: databaseUrl,
    SOFTSUGAR_BASE_URL: simulator.url,
    SOFTSUGAR_APP_ID: TEST_CREDENTIALS.appId,
    SOFTSUGAR_APP_KEY: TEST_CREDENTIALS.appKey,
    SOFTSUGAR_TASK_QUERY_PATH: SIMULATOR_TASK_QUERY_PATH,
    PLATFORM_CALLBACK_SECRET: CALLBACK_SECRET,
    ...POLLING,
  });
  try {
    expect(service.output()).toContain('/platform/callback/<PLATFORM_CALLBACK_SECRET>');
    expect(service.output()).not.toContain(CALLBACK_SECRET);
    const api = client(service, apiKey);
    // No callbacks: the poller alone.
    const polled = await api.submit('polled by the service');
    const done = await waitFor(async () => (await api.task(polled)).status === 'SUCCEEDED' && api.task(polled), 30_000);
    expect(new Set(done.events.slice(2).map((event) => event.source))).toEqual(new Set(['STATUS_QUERY']));
    // The callback route answers with the configured secret only.
    const origin = new URL(service.url).origin;
    expect((await fetch(`${origin}/platform/callback/wrong`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${origin}/platform/callback/${CALLBACK_SECRET}`, { method: 'POST', body: '{}' })).status).toBe(200);
  } finally {
    await stop(service);
    await simulator.close();
  }
});
