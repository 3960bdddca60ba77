// Task.events: every status change with its time (the database's clock), cause and reason,
// written together with the change; deadlines and recovery on the database's clock; late answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { TaskLifecycle } from '../src/lifecycle/task-lifecycle.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const HOUR = 3_600_000;
const STALE_MS = 130_000;
let t: TestApp;
/** The same database seen by a process whose clock is an hour fast: another instance, recovering. */
let fastClock: Database;

beforeAll(async () => {
  // This instance's own clock is an hour slow.
  t = await startTestApp({ database: { processNow: () => Date.now() - HOUR }, options: { submissionStaleAfterMs: STALE_MS } });
  fastClock = await openDatabase(t.database.url, { processNow: () => Date.now() + HOUR });
});
afterAll(async () => {
  await fastClock.close();
  await t.close();
});

const TASK_EVENTS = /* GraphQL */ `
  query ($id: ID!) { task(id: $id) { status events { at fromStatus toStatus source message raw } } }
`;

async function until<T>(probe: () => Promise<T | null | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const recover = (database: Database) => new TaskLifecycle(database.db, database.provider, { clock: () => database.clock.now() }).recoverAbandoned();

describe('task events', () => {
  it('records every status change of a submission, oldest first, with what the platform sent', async () => {
    const before = Date.now();
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'evented', params: minimalSceneParams });
    const { task, platformTaskId } = data.createTakeoverVideo;
    expect(task.events).toMatchObject([
      { fromStatus: null, toStatus: 'SUBMITTING', source: 'SUBMISSION', raw: null },
      { fromStatus: 'SUBMITTING', toStatus: 'SUBMITTED', source: 'SUBMISSION', message: expect.stringContaining(platformTaskId) },
    ]);
    expect(JSON.parse(task.events[1].raw)).toEqual({ httpStatus: 200, body: `{"code":0,"message":"success","data":${platformTaskId}}` });
    // On the database's clock, although this process's own clock is an hour slow.
    for (const event of task.events) expect(Math.abs(Date.parse(event.at) - before)).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(task.abandonAfter) - (before + STALE_MS))).toBeLessThan(60_000);
  });

  it('recovery marks only tasks past their own deadline, on the database clock, with an event', async () => {
    let release!: () => void;
    t.simulator.injectFaults({ kind: 'held', until: new Promise<void>((resolve) => (release = resolve)) });
    const answer = t.graphql(CREATE_TAKEOVER, { videoName: 'in flight', params: minimalSceneParams });
    const row = await until(() => t.db.task.findFirst({ where: { videoName: 'in flight' } }));
    // An instance whose clock is an hour fast finds nothing to mark: the deadline is 130 s away.
    expect(await recover(fastClock)).toBe(0);
    // Once the deadline has passed (moved here rather than waited for), it is marked, once.
    await t.db.task.update({ where: { id: row.id }, data: { abandonAfter: new Date(Date.now() - 1_000) } });
    expect(await recover(fastClock)).toBe(1);
    expect(await recover(fastClock)).toBe(0);

    // The late answer from the platform still wins, and the task says when and why it left UNKNOWN.
    release();
    const { data } = await answer;
    expect(data.createTakeoverVideo).toMatchObject({ __typename: 'CreateTakeoverVideoSuccess', outcomeRecorded: true });
    const { data: read } = await t.graphql(TASK_EVENTS, { id: data.createTakeoverVideo.task.id });
    expect(read.task.status).toBe('SUBMITTED');
    expect(read.task.events).toMatchObject([
      { fromStatus: null, toStatus: 'SUBMITTING', source: 'SUBMISSION' },
      { fromStatus: 'SUBMITTING', toStatus: 'UNKNOWN', source: 'RECOVERY', message: expect.stringMatching(/stopped while submitting/) },
      { fromStatus: 'UNKNOWN', toStatus: 'SUBMITTED', source: 'SUBMISSION', message: expect.stringMatching(/^Late answer/) },
    ]);
  });

  it('never replaces a final status with a late answer', async () => {
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'final', params: minimalSceneParams });
    const row = await t.db.task.findFirstOrThrow({ where: { videoName: 'final' } });
    const late = await t.lifecycle.report(row.id, { kind: 'outcome-unknown', reason: 'late' }, 'SUBMISSION');
    expect(late).toMatchObject({ applied: false, reason: 'stale', task: { status: 'SUBMITTED', platformTaskId: data.createTakeoverVideo.platformTaskId } });
    expect(await t.db.taskEvent.count({ where: { taskId: row.id } })).toBe(2);
  });

  it('a cached read shows events written by another instance (they come with a task update)', async () => {
    let release!: () => void;
    t.simulator.injectFaults({ kind: 'held', until: new Promise<void>((resolve) => (release = resolve)) });
    const answer = t.graphql(CREATE_TAKEOVER, { videoName: 'cached', params: minimalSceneParams });
    const row = await until(() => t.db.task.findFirst({ where: { videoName: 'cached' } }));
    const LIST = `{ tasks(first: 10) { edges { node { videoName events { toStatus source } } } } }`;
    const eventsOf = async () =>
      (await t.graphql(LIST)).data.tasks.edges.find((edge: any) => edge.node.videoName === 'cached').node.events.map((e: any) => e.source);
    expect(await eventsOf()).toEqual(['SUBMISSION']);
    await fastClock.db.task.update({ where: { id: row.id }, data: { abandonAfter: new Date(Date.now() - 1_000) } });
    expect(await recover(fastClock)).toBe(1);
    expect(await eventsOf()).toEqual(['SUBMISSION', 'RECOVERY']);
    release();
    await answer;
    expect(await eventsOf()).toEqual(['SUBMISSION', 'RECOVERY', 'SUBMISSION']);
  });
});
