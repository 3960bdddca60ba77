// A submission's SQL: the record (task and first event) is written before the platform call and
// the outcome (task, event, poll schedule) after it, in a fixed, small number of statements, and
// the answer's task is not read back. On SQLite these writes skip Prisma (src/db/sqlite-direct.ts);
// what they store must read back through Prisma exactly as Prisma's own writes would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
/** Each statement with the number of create calls the platform had received when it ran. */
const statements: { sql: string; platformCalls: number }[] = [];

beforeAll(async () => {
  t = await startTestApp({ database: { onQuery: (sql) => void statements.push({ sql, platformCalls: t?.simulator.calls.create ?? 0 }) } });
});
afterAll(() => t.close());

const CREATE = /* GraphQL */ `
  mutation ($params: TakeoverParamsInput!, $key: String) {
    createTakeoverVideo(videoName: "counted", params: $params, idempotencyKey: $key) {
      __typename
      ... on CreateTakeoverVideoSuccess { platformTaskId task { id status platformTaskId videoName createdAt updatedAt abandonAfter progress } }
    }
  }
`;

const TASK = /* GraphQL */ `
  query ($id: ID!) {
    task(id: $id) { id status platformTaskId videoName createdAt updatedAt abandonAfter progress events { fromStatus toStatus source message } }
  }
`;

describe('a submission in SQL', () => {
  it('writes the record before the call and the outcome after it, in at most 10 statements, and answers without reading the task back', async () => {
    await t.graphql(CREATE, { params: minimalSceneParams }); // warm: the first request loads what later ones reuse
    statements.length = 0;
    const before = t.simulator.calls.create;
    const { data, errors } = await t.graphql(CREATE, { params: minimalSceneParams });
    expect(errors).toBeUndefined();
    expect(data.createTakeoverVideo).toMatchObject({ __typename: 'CreateTakeoverVideoSuccess', task: { status: 'SUBMITTED', videoName: 'counted' } });

    const taskInsert = statements.findIndex(({ sql }) => /INSERT INTO\s+\S*Task\S*\s*\(/i.test(sql) && !/TaskEvent|TaskPoll/.test(sql));
    const taskUpdate = statements.findIndex(({ sql }) => /UPDATE\s+\S*Task\b/i.test(sql));
    expect(taskInsert).toBeGreaterThanOrEqual(0);
    expect(statements[taskInsert]!.platformCalls).toBe(before);
    expect(statements[taskUpdate]!.platformCalls).toBe(before + 1);
    expect(statements.filter(({ sql }) => /INSERT INTO\s+\S*TaskEvent/i.test(sql))).toHaveLength(2);
    expect(statements.filter(({ sql }) => /INSERT INTO\s+\S*TaskPoll/i.test(sql))).toHaveLength(1);
    // Nothing reads the task after the outcome was written.
    expect(statements.slice(taskUpdate + 1).filter(({ sql }) => /^\s*SELECT/i.test(sql) && /\bTask\b/.test(sql))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(10);
    // On SQLite the outcome, webhook outbox included, is written without Prisma (a listener that
    // writes with the change used to send every change back through a Prisma transaction).
    if (t.database.provider === 'sqlite') {
      expect(statements.slice(taskUpdate).map(({ sql }) => sql)).toContain('SELECT "id", "eventTypes" FROM "WebhookEndpoint" WHERE "ownerId" = ?');
    }
  });

  it('stores what reads back through Prisma as the answer said, with both events', async () => {
    const { data } = await t.graphql(CREATE, { params: minimalSceneParams });
    const answered = data.createTakeoverVideo.task;
    const { data: read } = await t.graphql(TASK, { id: answered.id });
    const { events, ...task } = read.task;
    expect(task).toEqual(answered);
    expect(task.platformTaskId).toBe(data.createTakeoverVideo.platformTaskId);
    expect(events).toEqual([
      { fromStatus: null, toStatus: 'SUBMITTING', source: 'SUBMISSION', message: 'Recorded; calling the platform.' },
      expect.objectContaining({ fromStatus: 'SUBMITTING', toStatus: 'SUBMITTED', source: 'SUBMISSION' }),
    ]);
    const poll = await t.db.taskPoll.findUnique({ where: { taskId: Buffer.from(answered.id, 'base64').toString('utf8').replace(/^Task:/, '') } });
    expect(poll).toMatchObject({ attempts: 0 });
    expect(poll!.nextPollAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a repeated idempotency key still finds the first task (the unique index holds for the direct write too)', async () => {
    const first = await t.graphql(CREATE, { params: minimalSceneParams, key: 'counted-key' });
    const again = await t.graphql(CREATE, { params: minimalSceneParams, key: 'counted-key' });
    expect(again.data.createTakeoverVideo.task.id).toBe(first.data.createTakeoverVideo.task.id);
    expect(await t.db.task.count({ where: { idempotencyKey: 'counted-key' } })).toBe(1);
  });
});
