// Once the platform has answered, its answer reaches the task record, even when the database
// will not take the write for a while: the client is told the truth meanwhile (the platform's task
// id), the write is retried in the background and through shutdown, and logged until it lands.
// The database is blocked from a second connection: SQLite's write lock, PostgreSQL's row lock.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startService } from './helpers/service-process.js';
import { prepareServiceFixture, type ServiceFixture } from './helpers/service-fixture.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import type { SimulatorFault } from '../src/platform/simulator.js';

async function until<T>(probe: () => Promise<T | null | undefined> | T | null | undefined): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Blocks writes to the task from another connection until the returned function is called. */
async function blockWrites(databaseUrl: string, taskId: string): Promise<() => Promise<void>> {
  if (databaseUrl.startsWith('file:')) {
    const connection = new BetterSqlite3(databaseUrl.slice('file:'.length));
    connection.exec('BEGIN IMMEDIATE');
    return async () => {
      connection.exec('COMMIT');
      connection.close();
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT "id" FROM "Task" WHERE "id" = $1 FOR UPDATE', [taskId]);
  return async () => {
    await client.query('COMMIT');
    await client.end();
  };
}

/** The next create call waits for the returned function, then answers (normally, or with `then`). */
function heldCall(app: { simulator: TestApp['simulator'] }, then?: SimulatorFault) {
  let release!: () => void;
  app.simulator.injectFaults({ kind: 'held', until: new Promise<void>((resolve) => (release = resolve)), then });
  return release;
}

describe('an outcome the database does not take at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database: { sqliteBusyTimeoutMs: 100 } });
  });
  afterAll(() => t.close());

  it('tells the client the platform id, logs it at error level, and records it once the database takes it', async () => {
    const releaseCall = heldCall(t);
    const answer = t.graphql(CREATE_TAKEOVER, { videoName: 'blocked', params: minimalSceneParams });
    const row = await until(() => t.db.task.findFirst({ where: { videoName: 'blocked' } }));
    const unblock = await blockWrites(t.database.url, row.id);
    releaseCall();

    const { data, errors } = await answer;
    expect(errors).toBeUndefined();
    const platformTaskId = t.simulator.tasks.at(-1)!.id;
    expect(data.createTakeoverVideo).toMatchObject({
      __typename: 'CreateTakeoverVideoSuccess',
      platformTaskId,
      outcomeRecorded: false,
      task: { status: 'SUBMITTING' },
    });
    const errorLines = t.logs.filter((line) => line.level === 50 && line.taskId === row.id);
    expect(errorLines.length).toBeGreaterThan(0);
    expect(errorLines.every((line) => line.platformTaskId === platformTaskId && line.outcome === 'created')).toBe(true);
    expect(t.pendingWrites.size).toBe(1);

    await unblock();
    expect(await t.pendingWrites.drain(20_000)).toEqual([]);
    const stored = await t.db.task.findUniqueOrThrow({ where: { id: row.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(stored).toMatchObject({ status: 'SUBMITTED', platformTaskId });
    expect(stored.events.map((event) => event.toStatus)).toEqual(['SUBMITTING', 'SUBMITTED']);
  });

  it('a failure answer is kept the same way: the client learns the truth, the record gets it', async () => {
    const releaseCall = heldCall(t, { kind: 'reject', code: 40012, message: 'insufficient balance' });
    const answer = t.graphql(CREATE_TAKEOVER, { videoName: 'blocked rejection', params: minimalSceneParams });
    const row = await until(() => t.db.task.findFirst({ where: { videoName: 'blocked rejection' } }));
    const unblock = await blockWrites(t.database.url, row.id);
    releaseCall();
    const { data } = await answer;
    expect(data.createTakeoverVideo).toMatchObject({ __typename: 'PlatformRejectedError', code: 40012, outcomeRecorded: false });
    expect(data.createTakeoverVideo.message).toMatch(/not in the task record yet/);
    await unblock();
    expect(await t.pendingWrites.drain(20_000)).toEqual([]);
    expect((await t.db.task.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('REJECTED');
  });
});

describe('an outcome still unwritten at shutdown', () => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await prepareServiceFixture('unwritten', 0);
  });
  afterAll(() => fixture.cleanup());

  it('is written during the graceful shutdown, which waits for it', async () => {
    const service = await startService({ ...fixture.env, LOG_LEVEL: 'info' });
    const releaseCall = heldCall(fixture);
    const answer = fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.apiKey}` },
      body: JSON.stringify({
        query: 'mutation ($p: TakeoverParamsInput) { createTakeoverVideo(videoName: "at shutdown", params: $p) { __typename ... on CreateTakeoverVideoSuccess { platformTaskId outcomeRecorded } } }',
        variables: { p: minimalSceneParams },
      }),
    }).then(async (response) => (await response.json()).data.createTakeoverVideo);
    const { db } = await openDatabase(fixture.databaseUrl);
    try {
      const row = await until(() => db.task.findFirst({ where: { videoName: 'at shutdown' } }));
      const unblock = await blockWrites(fixture.databaseUrl, row.id);
      releaseCall();
      const platformTaskId = await until(() => fixture.simulator.tasks.at(-1)?.id);
      expect(await answer).toEqual({ __typename: 'CreateTakeoverVideoSuccess', platformTaskId, outcomeRecorded: false });

      service.child.kill('SIGTERM');
      await until(() => /shutting down/.test(service.output()));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(service.child.exitCode, service.output()).toBeNull();
      await unblock();
      expect(await service.exited()).toBe(0);

      const stored = await db.task.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored).toMatchObject({ status: 'SUBMITTED', platformTaskId });
      expect(service.output()).toContain(`"platformTaskId":"${platformTaskId}"`);
    } finally {
      await db.$disconnect();
    }
  });
});
