// Issue #11, to the browser: GraphQL subscriptions over server-sent events, through the service's
// own HTTP server, read with the graphql-sse client. The current state comes first, then every
// change in order; tenants see only their own tasks; each tenant holds a bounded number open.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TaskUpdatedDocument, type TaskUpdatedSubscription, type TaskUpdatedSubscriptionVariables } from '../client/generated/graphql.js';
import { createSubscriptionClient } from '../client/src/subscribe.js';
import { databaseId } from '../src/schema/global-id.js';
import { inProcessSharedState } from '../src/shared-state/shared-state.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_PRESET, CREATE_TAKEOVER, GET_TASK } from './helpers/operations.js';
import { disposeClients, driveToSuccess, sseClient, subscribe, TASK_EVENTS, TASK_UPDATED } from './helpers/live.js';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';

const LIMIT = 3;
let t: TestApp;
let url: string;
let otherKey: string;

beforeAll(async () => {
  t = await startTestApp({ options: { limits: { ...DEFAULT_OPTIONS.limits, subscriptionsPerTenant: LIMIT } } });
  // Short request timeouts: a subscription outlives them.
  url = await t.listen({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_000 });
  otherKey = await t.newTenant('tenant-b');
});
afterEach(() => disposeClients());
afterAll(() => t?.close());

/** A SUBMITTED task: its global id, database id and platform task id. */
async function submitted(videoName: string) {
  const { data } = await t.graphql(CREATE_TAKEOVER, { videoName, params: minimalSceneParams });
  const { task, platformTaskId } = data.createTakeoverVideo;
  expect(task.status).toBe('SUBMITTED');
  return { id: task.id as string, dbId: databaseId(task.id, 'Task')!, platformTaskId: platformTaskId as string };
}

const summary = (message: any) => {
  const update = message.data.taskUpdated ?? message.data.taskEvents;
  return `${update.task.status}/${update.event?.toStatus}:${update.event?.progress ?? '-'}`;
};

describe('taskUpdated', () => {
  it('sends the current state first, then every change in order, and ends after the final one', async () => {
    const task = await submitted('live');
    const live = subscribe(sseClient(url, t.apiKey), TASK_UPDATED, { id: task.id });
    const first = await live.next();
    expect(first).toEqual({
      data: {
        taskUpdated: {
          task: { id: task.id, status: 'SUBMITTED', progress: null, resultUrl: null },
          event: { fromStatus: 'SUBMITTING', toStatus: 'SUBMITTED', progress: null, source: 'SUBMISSION' },
        },
      },
    });
    // All at once, without waiting for the subscriber: each change still arrives as its own message.
    await driveToSuccess(t.lifecycle, task.dbId, task.platformTaskId);
    const rest = await live.rest();
    expect(rest.map((message: any) => message.data.taskUpdated.event)).toEqual([
      { fromStatus: 'SUBMITTED', toStatus: 'PROCESSING', progress: 30, source: 'STATUS_QUERY' },
      { fromStatus: 'PROCESSING', toStatus: 'PROCESSING', progress: 60, source: 'STATUS_QUERY' },
      { fromStatus: 'PROCESSING', toStatus: 'SUCCEEDED', progress: 100, source: 'CALLBACK' },
    ]);
    const last = rest.at(-1) as any;
    expect(last.data.taskUpdated.task).toMatchObject({ status: 'SUCCEEDED', progress: 100, resultUrl: `https://cdn.example.com/videos/${task.platformTaskId}.mp4` });
  });

  it('is not cut by the request timeouts while it waits, and sends each change as it happens', async () => {
    const task = await submitted('slow');
    const live = subscribe(sseClient(url, t.apiKey), TASK_UPDATED, { id: task.id });
    expect(summary(await live.next())).toBe('SUBMITTED/SUBMITTED:-');
    // Longer than both timeouts (1 s) and Node's check interval.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await t.lifecycle.report(task.dbId, { kind: 'processing', platformTaskId: task.platformTaskId, progress: 10 }, 'STATUS_QUERY');
    expect(summary(await live.next())).toBe('PROCESSING/PROCESSING:10');
    await t.lifecycle.report(task.dbId, { kind: 'failed', platformTaskId: task.platformTaskId, code: 7, message: 'render failed' }, 'CALLBACK');
    expect(summary(await live.next())).toBe('FAILED/FAILED:10');
    expect(await live.next()).toBe('done');
  });

  it('sends a task that finished before subscribing its final state, and ends', async () => {
    const task = await submitted('finished');
    await driveToSuccess(t.lifecycle, task.dbId, task.platformTaskId);
    for (let round = 0; round < 2; round++) {
      const messages = await subscribe(sseClient(url, t.apiKey), TASK_UPDATED, { id: task.id }).rest();
      expect(messages.map(summary)).toEqual(['SUCCEEDED/SUCCEEDED:100']);
    }
  });

  it('answers another tenant, and a malformed id, as the task query does: null, then the end', async () => {
    const task = await submitted('not yours');
    for (const [key, id] of [[otherKey, task.id], [t.apiKey, 'not-an-id'], [t.apiKey, Buffer.from('Preset:00000000-0000-0000-0000-000000000000').toString('base64')]] as const) {
      const { data } = await t.graphql(GET_TASK, { id }, key);
      expect(data.task).toBeNull();
      expect(await subscribe(sseClient(url, key), TASK_UPDATED, { id }).rest()).toEqual([{ data: { taskUpdated: null } }]);
    }
    // An id longer than any id is refused as input, as in queries.
    const [refused] = await subscribe(sseClient(url, t.apiKey), TASK_UPDATED, { id: 'x'.repeat(5_000) }).rest();
    expect(refused?.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    // The other tenant is not told about changes either.
    const other = subscribe(sseClient(url, otherKey), TASK_EVENTS);
    const own = subscribe(sseClient(url, t.apiKey), TASK_EVENTS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await driveToSuccess(t.lifecycle, task.dbId, task.platformTaskId);
    expect(summary(await own.next())).toBe('PROCESSING/PROCESSING:30');
    expect(await other.quiet(500)).toBe(true);
  });

  it('needs an API key', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: TASK_UPDATED, variables: { id: 'x' } }),
    });
    expect(response.status).toBe(401);
  });
});

describe('the typed client', () => {
  it('runs the generated TaskUpdated document through the graphql-sse client, typed', async () => {
    const task = await submitted('typed');
    const variables: TaskUpdatedSubscriptionVariables = { id: task.id };
    const messages = sseClient(url, t.apiKey).iterate<TaskUpdatedSubscription>({ query: TaskUpdatedDocument.toString(), variables });
    const first = await messages.next();
    const update = first.done ? null : first.value.data?.taskUpdated;
    expect(update?.task.status).toBe('SUBMITTED');
    expect(update?.event?.toStatus).toBe('SUBMITTED');
    await messages.return?.();
  });

  it("follows a task to SUCCEEDED with the client package's subscription helper", async () => {
    const task = await submitted('helper');
    const client = createSubscriptionClient({ url: `${url}/graphql`, apiKey: t.apiKey });
    const statuses: string[] = [];
    const following = (async () => {
      for await (const data of client.subscribe(TaskUpdatedDocument, { id: task.id })) {
        statuses.push(data.taskUpdated!.task.status);
        if (statuses.length === 1) await driveToSuccess(t.lifecycle, task.dbId, task.platformTaskId);
      }
    })();
    await following;
    client.dispose();
    expect(statuses).toEqual(['SUBMITTED', 'PROCESSING', 'PROCESSING', 'SUCCEEDED']);
  });
});

describe('taskEvents', () => {
  it('sends the changes of every task that match the filter, each task in order', async () => {
    const [a, b] = [await submitted('events a'), await submitted('events b')];
    const all = subscribe(sseClient(url, t.apiKey), TASK_EVENTS);
    const done = subscribe(sseClient(url, t.apiKey), TASK_EVENTS, { filter: { status: ['SUCCEEDED', 'FAILED'] } });
    // Subscriptions start when their request arrives: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all([driveToSuccess(t.lifecycle, a.dbId, a.platformTaskId), driveToSuccess(t.lifecycle, b.dbId, b.platformTaskId)]);
    const seen: Record<string, string[]> = {};
    for (let i = 0; i < 6; i++) {
      const message = (await all.next()) as any;
      (seen[message.data.taskEvents.task.videoName] ??= []).push(`${message.data.taskEvents.event.toStatus}:${message.data.taskEvents.event.progress}`);
    }
    expect(seen).toEqual({ 'events a': ['PROCESSING:30', 'PROCESSING:60', 'SUCCEEDED:100'], 'events b': ['PROCESSING:30', 'PROCESSING:60', 'SUCCEEDED:100'] });
    const finals = [(await done.next()) as any, (await done.next()) as any].map((message) => `${message.data.taskEvents.task.videoName}:${message.data.taskEvents.event.toStatus}`);
    expect(finals.sort()).toEqual(['events a:SUCCEEDED', 'events b:SUCCEEDED']);
    expect(await done.quiet(300)).toBe(true);
  });

  it('narrows by preset; a malformed preset id matches nothing', async () => {
    const { data: created } = await t.graphql(CREATE_PRESET, { input: { name: 'Live preset', params: minimalSceneParams } });
    const presetId = created.createPreset.preset.id;
    const fromPreset = subscribe(sseClient(url, t.apiKey), TASK_EVENTS, { filter: { presetId, status: ['PROCESSING'] } });
    const malformed = subscribe(sseClient(url, t.apiKey), TASK_EVENTS, { filter: { presetId: 'nope' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const plain = await submitted('no preset');
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'from preset', preset: { id: presetId } });
    const made = { dbId: databaseId(data.createTakeoverVideo.task.id, 'Task')!, platformTaskId: data.createTakeoverVideo.platformTaskId };
    await driveToSuccess(t.lifecycle, plain.dbId, plain.platformTaskId);
    await driveToSuccess(t.lifecycle, made.dbId, made.platformTaskId);
    const seen = [(await fromPreset.next()) as any, (await fromPreset.next()) as any].map((m) => `${m.data.taskEvents.task.videoName}:${m.data.taskEvents.event.progress}`);
    expect(seen).toEqual(['from preset:30', 'from preset:60']);
    expect(await fromPreset.quiet(300)).toBe(true);
    expect(await malformed.quiet(300)).toBe(true);
  });
});

describe('subscriptions per tenant', () => {
  it(`refuses the ${LIMIT + 1}th open subscription of a tenant with a typed error, and frees a slot when one closes`, async () => {
    const task = await submitted('limits');
    const client = sseClient(url, t.apiKey);
    const open = Array.from({ length: LIMIT }, () => subscribe(client, TASK_EVENTS));
    // Each of them is live: one change reaches them all.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.lifecycle.report(task.dbId, { kind: 'processing', platformTaskId: task.platformTaskId, progress: 5 }, 'STATUS_QUERY');
    for (const live of open) expect(summary(await live.next())).toBe('PROCESSING/PROCESSING:5');

    expect(await (await t.app.fetch('http://test/metrics')).text()).toMatch(new RegExp(`^takeover_live_subscriptions ${LIMIT}$`, 'm'));

    const refused = await subscribe(client, TASK_EVENTS).rest();
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`at most ${LIMIT}`)), extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: LIMIT } }),
    ]);
    // Another tenant has its own budget.
    expect(await subscribe(sseClient(url, otherKey), TASK_UPDATED, { id: task.id }).rest()).toEqual([{ data: { taskUpdated: null } }]);
    // Queries are not counted.
    expect((await t.graphql(GET_TASK, { id: task.id })).data.task.status).toBe('PROCESSING');

    await open[0]!.close();
    let again: any[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      again = await subscribe(client, TASK_UPDATED, { id: task.id }).next().then((message) => [message]);
      if (!again[0].errors) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(summary(again[0])).toBe('PROCESSING/PROCESSING:5');
  });
});

describe('over plain HTTP', () => {
  it('streams text/event-stream, unbuffered, to a fetch with the API key', async () => {
    const task = await submitted('raw');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${t.apiKey}` },
      body: JSON.stringify({ query: TASK_UPDATED, variables: { id: task.id } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += value;
      }
    };
    await until(/"SUBMITTED"/);
    await driveToSuccess(t.lifecycle, task.dbId, task.platformTaskId);
    await until(/event: complete/);
    const data = [...text.matchAll(/^event: next\ndata: (.*)$/gm)].map(([, json]) => summary(JSON.parse(json!)));
    expect(data).toEqual(['SUBMITTED/SUBMITTED:-', 'PROCESSING/PROCESSING:30', 'PROCESSING/PROCESSING:60', 'SUCCEEDED/SUCCEEDED:100']);
  });
});

describe('the limits of queries hold for subscriptions', () => {
  let small: TestApp;
  let smallUrl: string;
  beforeAll(async () => {
    small = await startTestApp({ options: { limits: { ...DEFAULT_OPTIONS.limits, cost: 25, responseBytes: 400 } } });
    smallUrl = await small.listen();
  });
  afterAll(() => small?.close());

  it('refuses a subscription whose messages would cost too much, before it starts', async () => {
    const [refused, ...rest] = await subscribe(sseClient(smallUrl, small.apiKey), 'subscription { taskEvents { task { previewSvg warnings { message } } } }').rest();
    expect(rest).toEqual([]);
    expect(refused!.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'COST_LIMIT_EXCEEDED', maxCost: 25 }) })]);
  });

  it('replaces a message larger than the response limit with an error saying so', async () => {
    const { data } = await small.graphql('mutation ($params: TakeoverParamsInput) { createTakeoverVideo(videoName: "big", params: $params) { ... on CreateTakeoverVideoSuccess { task { id } } } }', { params: minimalSceneParams });
    const id = data.createTakeoverVideo.task.id;
    const big = 'subscription ($id: ID!) { taskUpdated(id: $id) { task { paramString } } }';
    // As the same selection in a query is.
    const query = await small.graphql('query ($id: ID!) { task(id: $id) { paramString } }', { id });
    expect(query.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    const live = subscribe(sseClient(smallUrl, small.apiKey), big, { id });
    expect(await live.next()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 400 } })] });
    // Small messages pass.
    const [current] = await subscribe(sseClient(smallUrl, small.apiKey), TASK_UPDATED, { id }).next().then((message) => [message]);
    expect(summary(current)).toBe('SUBMITTED/SUBMITTED:-');
  });
});

describe('when telling the replicas fails', () => {
  it('logs it and applies the change all the same', async () => {
    const shared = inProcessSharedState();
    const failing = await startTestApp({
      sharedState: {
        ...shared,
        taskChanges: {
          ...shared.taskChanges,
          publish: () => Promise.reject(new Error('pub/sub down')),
        },
      },
    });
    try {
      const { data } = await failing.graphql(CREATE_TAKEOVER, { videoName: 'unannounced', params: minimalSceneParams });
      expect(data.createTakeoverVideo.task.status).toBe('SUBMITTED');
      const dbId = databaseId(data.createTakeoverVideo.task.id, 'Task')!;
      const result = await failing.lifecycle.report(dbId, { kind: 'processing', platformTaskId: data.createTakeoverVideo.platformTaskId, progress: 1 }, 'STATUS_QUERY');
      expect(result?.applied).toBe(true);
      expect((await failing.graphql(GET_TASK, { id: data.createTakeoverVideo.task.id })).data.task.status).toBe('PROCESSING');
      const logged = failing.logs.filter((line) => /could not publish a task change/.test(String(line.msg)));
      expect(logged.length).toBeGreaterThanOrEqual(3);
      expect(logged[0]).toMatchObject({ level: 50, taskId: dbId });
    } finally {
      await failing.close();
    }
  });
});

describe('an unexpected error in a stream', () => {
  it('reaches the client masked with the request id, and is logged with that id', async () => {
    const broken = await startTestApp();
    try {
      const brokenUrl = await broken.listen();
      const { data } = await broken.graphql(CREATE_TAKEOVER, { videoName: 'doomed', params: minimalSceneParams });
      // The stream reads the task's events for its first message: without the table, that read fails.
      await broken.db.$executeRawUnsafe(`DROP TABLE "TaskEvent"${broken.database.provider === 'postgresql' ? ' CASCADE' : ''}`);
      const response = await fetch(`${brokenUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${broken.apiKey}`, 'x-request-id': 'req-stream-1' },
        body: JSON.stringify({ query: TASK_UPDATED, variables: { id: data.createTakeoverVideo.task.id } }),
      });
      expect(response.headers.get('x-request-id')).toBe('req-stream-1');
      const text = await response.text();
      const messages = [...text.matchAll(/^data: (.*)$/gm)].map(([, json]) => JSON.parse(json!));
      const errors = messages.flatMap((message: any) => message.errors ?? []);
      expect(errors).toEqual([{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-stream-1' } }]);
      expect(text).not.toMatch(/TaskEvent|sqlite|postgres|\.ts:/i);
      const logged = broken.logs.filter((line) => line.requestId === 'req-stream-1' && line.msg === 'unexpected error');
      expect(logged).toHaveLength(1);
      expect(JSON.stringify(logged[0])).toMatch(/TaskEvent/);
    } finally {
      await broken.close();
    }
  });
});
