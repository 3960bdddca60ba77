// Where a task's status comes from, end to end against the simulator over real sockets: the
// platform's callback, the status poller, and the owner's reconciliation; the sandbox magic
// values; the result video downloads; the result URL disappears once expired.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusPoller } from '../src/lifecycle/status-poller.js';
import { databaseId } from '../src/schema/global-id.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { CALLBACK_SECRET, RECONCILE, TASK_STATUS, testPoller, waitFor } from './helpers/task-sources.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let callbackUrl: string;
let poller: StatusPoller | undefined;

beforeAll(async () => {
  t = await startTestApp({
    simulator: { renderMs: 200 },
    client: { timeoutMs: 1_000 },
    lifecycle: { firstPollDelayMs: 30 },
    options: { callbackSecret: CALLBACK_SECRET },
  });
  callbackUrl = `${await t.listen()}/platform/callback/${CALLBACK_SECRET}`;
});
afterAll(async () => {
  await poller?.stop();
  await t.close();
});

/** Callbacks on (`callback`), or the poller only (`poll`). */
async function via(source: 'callback' | 'poll') {
  await poller?.stop();
  poller = undefined;
  t.simulator.callbackUrl = source === 'callback' ? callbackUrl : undefined;
  if (source === 'poll') {
    poller = testPoller(t.database, t.lifecycle, t.platforms);
    poller.start();
  }
}

async function submit(videoName: string, idempotencyKey?: string) {
  const { data, errors } = await t.graphql(CREATE_TAKEOVER, { videoName, params: minimalSceneParams, idempotencyKey });
  expect(errors).toBeUndefined();
  return data.createTakeoverVideo;
}

const dbId = (globalId: string) => databaseId(globalId, 'Task')!;
const taskStatus = async (id: string) => (await t.graphql(TASK_STATUS, { id })).data.task;
const settled = (id: string, status = ['SUCCEEDED', 'FAILED']) =>
  waitFor(async () => {
    const task = await taskStatus(id);
    return status.includes(task.status) && task;
  });

describe('the callback path', () => {
  it('takes a task through PROCESSING to SUCCEEDED; the result URL downloads the real video', async () => {
    await via('callback');
    const { task } = await submit('through callbacks');
    const done = await settled(task.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 100, durationSeconds: 4, expired: false });
    const sources = done.events.slice(2).map((event: { source: string }) => event.source);
    expect(sources.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sources)).toEqual(new Set(['CALLBACK']));
    expect(done.events.map((event: { toStatus: string }) => event.toStatus)).toContain('PROCESSING');
    const video = await fetch(done.resultUrl);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await video.arrayBuffer()).equals(await readFile('assets/simulator-result.mp4'))).toBe(true);
    const stored = await t.db.platformCallback.findMany({ where: { platformTaskId: done.platformTaskId } });
    // All three matched the task; one that came before the create answer was recorded was applied
    // once it was, after the others if they were quicker (then it changed nothing: stale or final).
    expect(stored).toHaveLength(3);
    expect(stored.filter((row) => row.result === 'applied').length).toBeGreaterThanOrEqual(2);
    expect(stored.every((row) => ['applied', 'stale', 'final'].includes(row.result))).toBe(true);
    expect(stored.every((row) => row.taskId === dbId(task.id))).toBe(true);
    // Finished: nothing left to poll.
    expect(await t.db.taskPoll.count({ where: { taskId: dbId(task.id) } })).toBe(0);
  });

  it('sim:fail fails after acceptance with the platform code and message', async () => {
    await via('callback');
    const { task } = await submit('please sim:fail');
    const done = await settled(task.id);
    expect(done).toMatchObject({ status: 'FAILED', platformCode: 5001, resultUrl: null });
    expect(done.platformMessage).toContain('sim:fail');
  });
});

describe('the poller path', () => {
  it('takes a task to SUCCEEDED without any callback', async () => {
    await via('poll');
    const before = t.simulator.callbacks.length;
    const { task, platformTaskId } = await submit('through polling');
    const done = await settled(task.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(new Set(done.events.slice(2).map((event: { source: string }) => event.source))).toEqual(new Set(['STATUS_QUERY']));
    expect(t.simulator.callbacks.length).toBe(before);
    expect(t.simulator.queriesByTask.get(platformTaskId)).toBeGreaterThanOrEqual(1);
    expect(await t.db.taskPoll.count({ where: { taskId: dbId(task.id) } })).toBe(0);
  });

  it('takes a sim:fail task to FAILED', async () => {
    await via('poll');
    const { task } = await submit('sim:fail by polling');
    expect(await settled(task.id)).toMatchObject({ status: 'FAILED', platformCode: 5001 });
  });
});

describe('reconciliation', () => {
  it('CREATED with the platform id moves an UNKNOWN task on; the callbacks that came meanwhile finish it', async () => {
    await via('callback');
    const created = await submit('sim:unknown then reconciled');
    expect(created.__typename).toBe('SubmissionOutcomeUnknownError');
    expect(created.task.status).toBe('UNKNOWN');
    const platformTaskId = t.simulator.tasks.at(-1)!.id;
    // Its callbacks arrive before anyone knows the id: kept as unmatched, nothing changes.
    await waitFor(async () => (await t.db.platformCallback.count({ where: { platformTaskId, result: 'unmatched' } })) === 3);
    expect((await taskStatus(created.task.id)).status).toBe('UNKNOWN');

    const { data } = await t.graphql(RECONCILE, { input: { id: created.task.id, outcome: 'CREATED', platformTaskId } });
    expect(data.reconcileTask.__typename).toBe('ReconcileTaskSuccess');
    expect(data.reconcileTask.task).toMatchObject({ status: 'SUBMITTED', platformTaskId, failureReason: null });
    // Its events are read after the change; the kept callbacks may already be applied by then.
    expect(data.reconcileTask.task.events).toContainEqual({ toStatus: 'SUBMITTED', source: 'RECONCILIATION' });
    // Once the task is known under its id, the kept callbacks are applied in order.
    const done = await settled(created.task.id);
    expect(done.status).toBe('SUCCEEDED');
    const after = done.events.slice(done.events.findIndex((event: { source: string }) => event.source === 'RECONCILIATION') + 1);
    expect(new Set(after.map((event: { source: string }) => event.source))).toEqual(new Set(['CALLBACK']));
    expect(after.at(-1).toStatus).toBe('SUCCEEDED');
    // Each was matched to the task now (one stored after a later one changes nothing: stale or final).
    const stored = await t.db.platformCallback.findMany({ where: { platformTaskId }, orderBy: { id: 'asc' } });
    expect(stored).toHaveLength(3);
    expect(stored.every((row) => row.taskId === dbId(created.task.id) && ['applied', 'stale', 'final'].includes(row.result))).toBe(true);
    expect(stored.filter((row) => row.result === 'applied').length).toBeGreaterThanOrEqual(2);
  });

  it('CREATED for a task whose callbacks never came: the poller finishes it', async () => {
    await via('poll');
    const created = await submit('sim:unknown then polled');
    const platformTaskId = t.simulator.tasks.at(-1)!.id;
    await t.graphql(RECONCILE, { input: { id: created.task.id, outcome: 'CREATED', platformTaskId } });
    const done = await settled(created.task.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.events.at(-1).source).toBe('STATUS_QUERY');
  });

  it('NOT_CREATED makes the task UNREACHABLE, and the same request with the same key submits a new task', async () => {
    await via('callback');
    const key = `reconcile-${Date.now()}`;
    t.simulator.injectFaults({ kind: 'status', status: 502 });
    const first = await submit('not created after all', key);
    expect(first.task.status).toBe('UNKNOWN');
    // The same request again: still UNKNOWN, the platform is not called.
    const creates = t.simulator.calls.create;
    expect((await submit('not created after all', key)).task.id).toBe(first.task.id);
    expect(t.simulator.calls.create).toBe(creates);

    const { data } = await t.graphql(RECONCILE, { input: { id: first.task.id, outcome: 'NOT_CREATED' } });
    expect(data.reconcileTask.task).toMatchObject({ status: 'UNREACHABLE', failureReason: expect.stringContaining('reconciled') });
    const again = await submit('not created after all', key);
    expect(again.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(again.task.id).not.toBe(first.task.id);
    expect(again.task.idempotencyKey).toBe(key);
    expect(t.simulator.calls.create).toBe(creates + 1);
    expect((await settled(again.task.id)).status).toBe('SUCCEEDED');
  });

  it('refuses what is not an UNKNOWN task of yours, or a malformed input, changing nothing', async () => {
    await via('callback');
    const { task } = await submit('already known');
    const notUnknown = await t.graphql(RECONCILE, { input: { id: task.id, outcome: 'NOT_CREATED' } });
    expect(notUnknown.data.reconcileTask).toMatchObject({ __typename: 'TaskNotUnknownError', status: expect.stringMatching(/SUBMITTED|PROCESSING|SUCCEEDED/) });

    t.simulator.injectFaults({ kind: 'reset' });
    const unknown = (await submit('unknown, not yours')).task;
    const otherKey = await t.newTenant(`other-${Date.now()}`);
    const notYours = await t.graphql(RECONCILE, { input: { id: unknown.id, outcome: 'NOT_CREATED' } }, otherKey);
    expect(notYours.data.reconcileTask.__typename).toBe('NotFoundError');
    const noId = await t.graphql(RECONCILE, { input: { id: unknown.id, outcome: 'CREATED' } });
    expect(noId.data.reconcileTask).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'input.platformTaskId' }] });
    const extraId = await t.graphql(RECONCILE, { input: { id: unknown.id, outcome: 'NOT_CREATED', platformTaskId: '12' } });
    expect(extraId.data.reconcileTask.__typename).toBe('ValidationError');
    const notDigits = await t.graphql(RECONCILE, { input: { id: unknown.id, outcome: 'CREATED', platformTaskId: '12a' } });
    expect(notDigits.data.reconcileTask.__typename).toBe('ValidationError');
    const bogus = await t.graphql(RECONCILE, { input: { id: 'nope', outcome: 'NOT_CREATED' } });
    expect(bogus.data.reconcileTask.__typename).toBe('NotFoundError');
    expect((await taskStatus(unknown.id)).status).toBe('UNKNOWN');
  });
});

describe('sandbox magic values', () => {
  it('sim:reject is REJECTED with the platform code', async () => {
    const result = await submit('sim:reject me');
    expect(result).toMatchObject({ __typename: 'PlatformRejectedError', code: 4001, task: { status: 'REJECTED' } });
  });

  it('sim:unknown and sim:timeout are UNKNOWN (the platform has the task)', async () => {
    const tasks = t.simulator.tasks.length;
    for (const name of ['sim:unknown', 'sim:timeout']) {
      const result = await submit(`${name} please`);
      expect(result).toMatchObject({ __typename: 'SubmissionOutcomeUnknownError', task: { status: 'UNKNOWN' } });
    }
    expect(t.simulator.tasks.length).toBe(tasks + 2);
  });

  it('sim:slow is PROCESSING for a while, then SUCCEEDED', async () => {
    await via('callback');
    const { task } = await submit('sim:slow render');
    const processing = await waitFor(async () => {
      const current = await taskStatus(task.id);
      return current.status === 'PROCESSING' && current;
    });
    expect(processing.progress).toBe(20);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await taskStatus(task.id)).status).toBe('PROCESSING');
    expect((await settled(task.id)).status).toBe('SUCCEEDED');
  });
});

it('the result URL is null once the result expired', async () => {
  await via('callback');
  const { task } = await submit('expires');
  const done = await settled(task.id);
  expect(done.resultUrl).not.toBeNull();
  await t.db.task.update({ where: { id: dbId(task.id) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
  expect(await taskStatus(task.id)).toMatchObject({ status: 'SUCCEEDED', resultUrl: null, expired: true });
});
