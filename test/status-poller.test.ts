// The status poller: two instances (each its own database connection, lifecycle and poller) on
// one database query each task once per round; a failing query changes nothing but the next
// query time, with exponential backoff; queries per platform account are bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { backoffMs } from '../src/lifecycle/status-poller.js';
import { TaskLifecycle } from '../src/lifecycle/task-lifecycle.js';
import type { PlatformClient } from '../src/platform/client.js';
import { databaseId } from '../src/schema/global-id.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { RECONCILE, testPoller, waitFor } from './helpers/task-sources.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
/** The same database seen by a second instance. */
let second: Database;

beforeAll(async () => {
  // No callbacks: the poller is the only source. Tasks are due at once.
  t = await startTestApp({ simulator: { renderMs: 400 }, lifecycle: { firstPollDelayMs: 0 } });
  second = await openDatabase(t.database.url);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

async function submit(videoName: string) {
  const { data } = await t.graphql(CREATE_TAKEOVER, { videoName, params: minimalSceneParams });
  const { task, platformTaskId } = data.createTakeoverVideo;
  return { id: task.id as string, dbId: databaseId(task.id, 'Task')!, platformTaskId: platformTaskId as string };
}

it('backs off exponentially up to the cap', () => {
  expect([1, 2, 3, 4, 5, 6, 40].map((attempts) => backoffMs(attempts, 100, 1_000))).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
});

describe('two instances on one database', () => {
  it('query each due task exactly once per round, and together take every task to SUCCEEDED', async () => {
    const tasks = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(`replica ${i}`)));
    expect(await t.db.taskPoll.count({ where: { taskId: { in: tasks.map((task) => task.dbId) } } })).toBe(6);
    const a = testPoller(t.database, t.lifecycle, t.platforms, { firstDelayMs: 150 });
    const b = testPoller(second, new TaskLifecycle(second.db, second.provider, { clock: () => second.clock.now() }), t.platforms, { firstDelayMs: 150 });
    await Promise.all([a.pollOnce(), b.pollOnce(), a.pollOnce(), b.pollOnce()]);
    for (const task of tasks) expect(t.simulator.queriesByTask.get(task.platformTaskId)).toBe(1);
    // Rescheduled 150 ms on: an immediate round finds nothing due.
    await Promise.all([a.pollOnce(), b.pollOnce()]);
    for (const task of tasks) expect(t.simulator.queriesByTask.get(task.platformTaskId)).toBe(1);

    a.start();
    b.start();
    try {
      await waitFor(async () => (await t.db.task.count({ where: { id: { in: tasks.map((task) => task.dbId) }, status: 'SUCCEEDED' } })) === 6);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(await t.db.taskPoll.count({ where: { taskId: { in: tasks.map((task) => task.dbId) } } })).toBe(0);
    // Every status change was written once, whichever instance made it.
    for (const task of tasks) {
      const events = await t.db.taskEvent.findMany({ where: { taskId: task.dbId, source: 'STATUS_QUERY' } });
      expect(events.filter((event) => event.toStatus === 'SUCCEEDED')).toHaveLength(1);
      // 400 ms of rendering, queried at 0, 150, 450 ms...: a handful of queries, not one per round.
      expect(t.simulator.queriesByTask.get(task.platformTaskId)).toBeLessThanOrEqual(4);
    }
  });
});

it('a failing query leaves the task unchanged and backs off', async () => {
  // An UNKNOWN task reconciled with an id the platform does not know: every query fails.
  t.simulator.injectFaults({ kind: 'reset' });
  const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'queried in vain', params: minimalSceneParams });
  const id = data.createTakeoverVideo.task.id;
  const dbId = databaseId(id, 'Task')!;
  await t.graphql(RECONCILE, { input: { id, outcome: 'CREATED', platformTaskId: '999999999' } });
  const poller = testPoller(t.database, t.lifecycle, t.platforms, { firstDelayMs: 100 });
  const gaps: number[] = [];
  for (let round = 1; round <= 3; round += 1) {
    await t.db.taskPoll.update({ where: { taskId: dbId }, data: { nextPollAt: new Date(0) } });
    const before = t.database.clock.now().getTime();
    await poller.pollOnce();
    const poll = await t.db.taskPoll.findUniqueOrThrow({ where: { taskId: dbId } });
    expect(poll).toMatchObject({ attempts: round, claimedUntil: null });
    gaps.push(poll.nextPollAt.getTime() - before);
  }
  expect(gaps[0]).toBeGreaterThanOrEqual(90);
  expect(gaps[1]).toBeGreaterThanOrEqual(190);
  expect(gaps[2]).toBeGreaterThanOrEqual(390);
  expect(gaps[2]).toBeLessThanOrEqual(400 + 1_000);
  expect(t.simulator.queriesByTask.get('999999999')).toBe(3);
  const task = await t.db.task.findUniqueOrThrow({ where: { id: dbId } });
  expect(task.status).toBe('SUBMITTED');
  expect(await t.db.taskEvent.count({ where: { taskId: dbId, source: 'STATUS_QUERY' } })).toBe(0);
});

it('keeps at most the configured number of queries in flight per platform account', async () => {
  const tasks = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(`bounded ${i}`)));
  let inFlight = 0;
  let most = 0;
  const client = await t.platforms.clientFor('tenant-a');
  // One client object per account, as the platform directory hands out, counting its queries in flight.
  const account: PlatformClient = {
    createTakeover: (request) => client.createTakeover(request),
    reachable: () => client.reachable(),
    close: () => client.close(),
    async queryTask(platformTaskId) {
      most = Math.max(most, ++inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return await client.queryTask(platformTaskId);
      } finally {
        inFlight -= 1;
      }
    },
  };
  const poller = testPoller(t.database, t.lifecycle, { clientFor: async () => account, reachable: async () => true }, { concurrencyPerAccount: 2 });
  await poller.pollOnce();
  expect(most).toBe(2);
  for (const task of tasks) expect(t.simulator.queriesByTask.get(task.platformTaskId)).toBeGreaterThanOrEqual(1);
});
