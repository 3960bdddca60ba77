// SIGTERM under load: in-flight submissions finish and are recorded, new connections are refused,
// the process exits cleanly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { createApiKey } from '../src/db/tenants.js';
import { PlatformSimulator } from '../src/platform/simulator.js';
import { TEST_POSTGRES_URL } from './helpers/database.js';
import { startService } from './helpers/service-process.js';
import { TEST_CREDENTIALS } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let dir: string;
let databaseUrl: string;
let simulator: PlatformSimulator;
let apiKey: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shutdown-'));
  databaseUrl = TEST_POSTGRES_URL ? await createScratchPostgresDatabase(TEST_POSTGRES_URL, 'takeover_shutdown') : `file:${path.join(dir, 'db.db')}`;
  simulator = await PlatformSimulator.start({ ...TEST_CREDENTIALS, createLatencyMs: 1_000 });
  const { db } = await openDatabase(databaseUrl);
  apiKey = (await createApiKey(db, 'shutdown')).key;
  await db.$disconnect();
});

afterAll(async () => {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
  if (TEST_POSTGRES_URL) await dropScratchPostgresDatabase(TEST_POSTGRES_URL, databaseUrl);
});

describe('graceful shutdown', () => {
  it('finishes in-flight submissions, refuses new connections, exits 0', async () => {
    const service = await startService({
      DATABASE_URL: databaseUrl,
      SOFTSUGAR_BASE_URL: simulator.url,
      SOFTSUGAR_APP_ID: TEST_CREDENTIALS.appId,
      SOFTSUGAR_APP_KEY: TEST_CREDENTIALS.appKey,
      LOG_LEVEL: 'info',
    });
    const submit = (n: number) =>
      fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, connection: 'close' },
        body: JSON.stringify({
          query: 'mutation ($n: String, $p: TakeoverParamsInput) { createTakeoverVideo(videoName: $n, params: $p) { __typename } }',
          variables: { n: `load ${n}`, p: minimalSceneParams },
        }),
      }).then(async (response) => (await response.json()).data.createTakeoverVideo.__typename as string);

    const inFlight = Array.from({ length: 10 }, (_, n) => submit(n));
    while (simulator.calls.create < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(service.url.replace('/graphql', '/health'))).rejects.toThrow();

    expect(await Promise.all(inFlight)).toEqual(Array(10).fill('CreateTakeoverVideoSuccess'));
    expect(await service.exited()).toBe(0);
    expect(service.output()).toMatch(/finishing in-flight requests/);

    const { db } = await openDatabase(databaseUrl);
    const statuses = (await db.task.findMany({ where: { ownerId: 'shutdown' } })).map((task) => task.status);
    await db.$disconnect();
    expect(statuses).toEqual(Array(10).fill('SUBMITTED'));
  });
});
