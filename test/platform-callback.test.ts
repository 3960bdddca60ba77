// The callback receiver over real HTTP: duplicate, out-of-order, forged, unmatched, unparseable
// and oversized callbacks are kept (except forged ones) and change nothing; none gets a 5xx. And
// the payload shapes task-status.ts assumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCallbackBody, writeStatusData, type StatusData } from '../src/platform/task-status.js';
import { databaseId } from '../src/schema/global-id.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { CALLBACK_SECRET, TASK_STATUS, waitFor } from './helpers/task-sources.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let base: string;

beforeAll(async () => {
  // The simulator posts nothing by itself here: every callback is sent by the test, in its order.
  t = await startTestApp({ simulator: { renderMs: 60_000 }, options: { callbackSecret: CALLBACK_SECRET } });
  base = await t.listen();
});
afterAll(() => t.close());

const post = (body: string, secret = CALLBACK_SECRET) =>
  fetch(`${base}/platform/callback/${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

async function submitted() {
  const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: `callback ${Math.random()}`, params: minimalSceneParams });
  const { task, platformTaskId } = data.createTakeoverVideo;
  return { id: task.id as string, dbId: databaseId(task.id, 'Task')!, platformTaskId: platformTaskId as string };
}

const state = async (id: string) => (await t.graphql(TASK_STATUS, { id })).data.task;
const lastStored = () => t.db.platformCallback.findFirst({ orderBy: { id: 'desc' } });
const status = (platformTaskId: string, rest: Omit<StatusData, 'taskId'>) => writeStatusData({ taskId: platformTaskId, ...rest });

describe('callbacks that must change nothing', () => {
  it('a wrong secret is 404 and nothing is stored; other methods are refused', async () => {
    const { platformTaskId, id } = await submitted();
    const before = await t.db.platformCallback.count();
    for (const secret of ['wrong', `${CALLBACK_SECRET}x`, CALLBACK_SECRET.slice(0, -1), '']) {
      const response = await post(status(platformTaskId, { status: 'FAILED', errorCode: 1 }), secret);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(CALLBACK_SECRET);
    }
    expect(await t.db.platformCallback.count()).toBe(before);
    expect((await state(id)).status).toBe('SUBMITTED');
    expect((await fetch(`${base}/platform/callback/${CALLBACK_SECRET}`)).status).toBe(405);
  });

  it('unparseable, unmatched and oversized payloads are kept, answered 200, and logged', async () => {
    const bodies = ['not json at all', '{"taskId": 1, "status": "DANCING"}', '{"status": "SUCCEEDED"}', status('1', { status: 'SUCCEEDED' })];
    for (const body of bodies) {
      const response = await post(body);
      expect(response.status).toBe(200);
      expect(await lastStored()).toMatchObject({ body, result: 'unparseable', truncated: false, taskId: null });
    }
    const unmatched = await post(status('987654321987654321987', { status: 'PROCESSING', progress: 5 }));
    expect(unmatched.status).toBe(200);
    expect(await lastStored()).toMatchObject({ result: 'unmatched', platformTaskId: '987654321987654321987', taskId: null });

    const huge = await post(`{"taskId": 1, "status": "PROCESSING", "pad": "${'x'.repeat(100_000)}"}`);
    expect(huge.status).toBe(200);
    const stored = await lastStored();
    expect(stored).toMatchObject({ result: 'unparseable', truncated: true });
    expect(stored!.body.length).toBe(64 * 1024);
    expect(t.logs.filter((line) => line.level === 40 && String(line.msg).includes('platform callback')).length).toBeGreaterThanOrEqual(bodies.length + 2);
  });

  it('duplicate and out-of-order callbacks are kept and change nothing', async () => {
    const { id, dbId, platformTaskId } = await submitted();
    const at60 = status(platformTaskId, { status: 'PROCESSING', progress: 60 });
    expect((await post(at60)).status).toBe(200);
    expect(await lastStored()).toMatchObject({ result: 'applied', taskId: dbId });
    expect(await state(id)).toMatchObject({ status: 'PROCESSING', progress: 60 });

    await post(at60);
    expect(await lastStored()).toMatchObject({ result: 'duplicate', taskId: dbId });
    await post(status(platformTaskId, { status: 'PROCESSING', progress: 20 }));
    expect(await lastStored()).toMatchObject({ result: 'stale', taskId: dbId });
    await post(status(platformTaskId, { status: 'QUEUED' }));
    expect(await lastStored()).toMatchObject({ result: 'stale' });
    expect(await state(id)).toMatchObject({ status: 'PROCESSING', progress: 60 });

    const done = status(platformTaskId, { status: 'SUCCEEDED', videoUrl: t.simulator.resultUrl(platformTaskId), duration: 4 });
    await post(done);
    expect(await lastStored()).toMatchObject({ result: 'applied' });
    const events = (await state(id)).events.length;
    await post(done);
    expect(await lastStored()).toMatchObject({ result: 'duplicate' });
    await post(status(platformTaskId, { status: 'FAILED', errorCode: 9 }));
    expect(await lastStored()).toMatchObject({ result: 'final' });
    await post(status(platformTaskId, { status: 'PROCESSING', progress: 90 }));
    expect(await lastStored()).toMatchObject({ result: 'final' });
    const after = await state(id);
    expect(after).toMatchObject({ status: 'SUCCEEDED', progress: 100, platformCode: null });
    expect(after.events.length).toBe(events);
    expect(after.events.at(-1)).toMatchObject({ source: 'CALLBACK', toStatus: 'SUCCEEDED' });
  });

  it('callbacks that come before the create answer is recorded are applied once it is', async () => {
    let release!: () => void;
    t.simulator.injectFaults({ kind: 'held', until: new Promise<void>((resolve) => (release = resolve)) });
    const answer = t.graphql(CREATE_TAKEOVER, { videoName: 'early callbacks', params: minimalSceneParams });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The simulator numbers tasks one by one: this is the id the held call will get.
    const platformTaskId = String(Number(t.simulator.tasks.at(-1)!.id) + 1);
    await post(status(platformTaskId, { status: 'PROCESSING', progress: 30 }));
    await post(status(platformTaskId, { status: 'SUCCEEDED', videoUrl: 'https://example.com/v.mp4' }));
    expect(await lastStored()).toMatchObject({ result: 'unmatched', platformTaskId });
    release();
    const { data } = await answer;
    expect(data.createTakeoverVideo.platformTaskId).toBe(platformTaskId);
    const id = data.createTakeoverVideo.task.id;
    const done = await waitFor(async () => {
      const task = await state(id);
      return task.status === 'SUCCEEDED' && task;
    });
    expect(done.resultUrl).toBe('https://example.com/v.mp4');
    expect(done.events.slice(-2).map((event: { toStatus: string }) => event.toStatus)).toEqual(['PROCESSING', 'SUCCEEDED']);
    const stored = await t.db.platformCallback.findMany({ where: { platformTaskId } });
    expect(stored.map((row) => row.result)).toEqual(['applied', 'applied']);
  });

  it('without a configured secret the route does not exist', async () => {
    const other = await startTestApp();
    try {
      const response = await other.app.fetch('http://test/platform/callback/anything', { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(await other.db.platformCallback.count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('the callback shapes we assume', () => {
  it('reads bare status data and the enveloped form, keeping big ids exact', () => {
    const id = '123456789012345678901';
    expect(parseCallbackBody(`{"taskId":${id},"status":"running","progress":42}`)).toEqual({
      platformTaskId: id,
      report: { kind: 'processing', platformTaskId: id, progress: 42 },
    });
    const enveloped = parseCallbackBody(`{"code":0,"message":"ok","data":{"taskId":"${id}","status":"SUCCESS","videoUrl":"https://x/v.mp4","finishedAt":1700000000000}}`);
    expect(enveloped).toMatchObject({ report: { kind: 'succeeded', resultUrl: 'https://x/v.mp4', completedAt: new Date(1_700_000_000_000) } });
    expect(parseCallbackBody(`{"code":5,"message":"no","data":{"taskId":1,"status":"FAILED"}}`)).toHaveProperty('unparseable');
    expect(parseCallbackBody(`{"taskId":1,"status":"SUCCEEDED","videoUrl":"javascript:alert(1)"}`)).toHaveProperty('unparseable');
    expect(parseCallbackBody(`[1]`)).toHaveProperty('unparseable');
  });
});
