// Issue #11: with REDIS_URL, a subscriber on one replica sees the changes another replica applies
// (two app instances on one database and one Redis); a Redis outage does not break queries,
// mutations, nor the subscriptions of the replica that applies the change. Needs a Redis:
// skipped unless TEST_REDIS_URL names one (CI sets it).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createLogger } from '../src/http/logger.js';
import { TaskLifecycle } from '../src/lifecycle/task-lifecycle.js';
import { databaseId } from '../src/schema/global-id.js';
import { openSharedState, type SharedState } from '../src/shared-state/shared-state.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { disposeClients, driveToSuccess, sseClient, subscribe, TASK_EVENTS, TASK_UPDATED } from './helpers/live.js';
import { CREATE_TAKEOVER, GET_TASK } from './helpers/operations.js';
import { eventually } from './helpers/eventually.js';
import { redisRelay } from './helpers/redis-relay.js';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL;

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  disposeClients();
  for (const step of cleanup.splice(0).reverse()) await step();
});


/** A Redis-backed shared state, subscribed to task changes. */
async function sharedState(url: string, prefix: string, logger = createLogger('silent')): Promise<SharedState> {
  const state = openSharedState({ url, keyPrefix: prefix }, logger);
  cleanup.push(() => state.close());
  await eventually(() => JSON.stringify(state.status()) === '{"store":"redis","reachable":true}', 'Redis connected');
  await state.taskChanges.ready();
  return state;
}

interface Replica {
  app: App;
  lifecycle: TaskLifecycle;
  graphql(query: string, variables?: Record<string, unknown>): Promise<any>;
}

/** Instance A (the test app, served over HTTP) and instance B on the same database, each with its own connection to one Redis. */
async function twoReplicas(url: string, prefix: string): Promise<[TestApp, string, Replica]> {
  const a = await startTestApp({ sharedState: await sharedState(url, prefix) });
  cleanup.push(() => a.close());
  const lifecycle = new TaskLifecycle(a.database.db, a.database.provider, { clock: () => a.database.clock.now() });
  const app = createApp({ database: a.database, platforms: a.platforms, logger: createLogger('silent'), lifecycle, sharedState: await sharedState(url, prefix), options: DEFAULT_OPTIONS });
  const graphql = async (query: string, variables?: Record<string, unknown>) =>
    (
      await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.apiKey}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json();
  return [a, await a.listen(), { app, lifecycle, graphql }];
}

/** The change a message is about (the task itself may already be further along). */
const change = (message: any) => {
  const event = (message.data.taskUpdated ?? message.data.taskEvents).event;
  return `${event.toStatus}:${event.progress ?? '-'}`;
};

const summary = (message: any) => {
  const update = message.data.taskUpdated ?? message.data.taskEvents;
  return `${update.task.status}/${update.event?.toStatus}:${update.event?.progress ?? '-'}`;
};

describe.skipIf(!REDIS_URL)('live updates across replicas', () => {
  it("a subscriber on instance A sees every change instance B applies, in order", async () => {
    const [a, url, b] = await twoReplicas(REDIS_URL!, `takeover-test:${randomUUID()}:`);
    const everything = subscribe(sseClient(url, a.apiKey), TASK_EVENTS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Submitted through B: A's follower of all tasks hears of the new task.
    const { data } = await b.graphql(CREATE_TAKEOVER, { videoName: 'on B', params: minimalSceneParams });
    const task = data.createTakeoverVideo.task;
    const platformTaskId = data.createTakeoverVideo.platformTaskId;
    expect([change(await everything.next()), change(await everything.next())]).toEqual(['SUBMITTING:-', 'SUBMITTED:-']);

    const live = subscribe(sseClient(url, a.apiKey), TASK_UPDATED, { id: task.id });
    expect(summary(await live.next())).toBe('SUBMITTED/SUBMITTED:-');
    await driveToSuccess(b.lifecycle, databaseId(task.id, 'Task')!, platformTaskId);
    const rest = await live.rest();
    expect(rest.map(change)).toEqual(['PROCESSING:30', 'PROCESSING:60', 'SUCCEEDED:100']);
    expect(summary(rest.at(-1))).toBe('SUCCEEDED/SUCCEEDED:100');
  });

  it('keeps serving through a Redis outage: queries, mutations and this replica\'s own subscribers; other replicas hear again once it is back', async () => {
    const relay = await redisRelay(new URL(REDIS_URL!));
    cleanup.push(() => relay.stop());
    const [a, url, b] = await twoReplicas(relay.url(), `takeover-test:${randomUUID()}:`);
    const fromA = subscribe(sseClient(url, a.apiKey), TASK_EVENTS);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await relay.stop();
    await eventually(async () => (await (await a.app.fetch('http://test/ready')).json()).sharedState.reachable === false, 'the outage noticed');
    // A mutation and a query on A, during the outage.
    const { data } = await a.graphql(CREATE_TAKEOVER, { videoName: 'during the outage', params: minimalSceneParams });
    expect(data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
    const task = data.createTakeoverVideo.task;
    expect((await a.graphql(GET_TASK, { id: task.id })).data.task.status).toBe('SUBMITTED');
    expect((await b.graphql(GET_TASK, { id: task.id })).data.task.status).toBe('SUBMITTED');
    // A's own subscribers still hear A's changes.
    expect([change(await fromA.next()), change(await fromA.next())]).toEqual(['SUBMITTING:-', 'SUBMITTED:-']);
    const dbId = databaseId(task.id, 'Task')!;
    const platformTaskId = data.createTakeoverVideo.platformTaskId;
    await a.lifecycle.report(dbId, { kind: 'processing', platformTaskId, progress: 20 }, 'STATUS_QUERY');
    expect(summary(await fromA.next())).toBe('PROCESSING/PROCESSING:20');

    await relay.start();
    await eventually(async () => (await (await a.app.fetch('http://test/ready')).json()).sharedState.reachable === true, 'Redis back');
    // B's changes reach A's subscribers again (its subscription to Redis was renewed by itself).
    await eventually(async () => {
      await b.lifecycle.report(dbId, { kind: 'processing', platformTaskId, progress: Math.floor(Math.random() * 50) + 30 }, 'STATUS_QUERY');
      return !(await fromA.quiet(300));
    }, 'a change on B heard on A');
    expect(summary(await fromA.next())).toMatch(/^PROCESSING\/PROCESSING:\d+$/);
  });
});
