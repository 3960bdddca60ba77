import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { SoftSugarClient } from '../src/platform/client.js';
import { rawAnswer } from '../src/platform/create-answer.js';
import { TakeoverSubmitter } from '../src/submission/submit-takeover.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ client: { timeoutMs: 500 } });
});
afterAll(() => t.close());

async function submit(videoName: string) {
  const { data, errors } = await t.graphql(CREATE_TAKEOVER, { videoName, params: minimalSceneParams });
  expect(errors).toBeUndefined();
  return data.createTakeoverVideo;
}

async function onlyRecord(videoName: string) {
  const rows = await t.db.task.findMany({ where: { videoName } });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The one log line about this task's outcome. */
function outcomeLine(taskId: string) {
  const lines = t.logs.filter((line) => line.taskId === taskId && line.outcome !== undefined);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('upstream failures', () => {
  it('platform rejection: REJECTED with the platform code and message, logged once', async () => {
    t.simulator.injectFaults({ kind: 'reject', code: 40012, message: 'insufficient balance' });
    const result = await submit('rejected');
    expect(result.__typename).toBe('PlatformRejectedError');
    expect(result).toMatchObject({ code: 40012, platformMessage: 'insufficient balance', outcomeRecorded: true });
    expect(result.task).toMatchObject({ status: 'REJECTED', platformCode: 40012, platformMessage: 'insufficient balance' });
    const row = await onlyRecord('rejected');
    expect(row.status).toBe('REJECTED');
    expect(row.platformTaskId).toBeNull();
    expect(outcomeLine(row.id)).toMatchObject({ level: 40, outcome: 'rejected', platformCode: 40012, reason: 'insufficient balance' });
  });

  it('a refusal in the envelope with HTTP 400: REJECTED with the envelope code, not the HTTP status', async () => {
    t.simulator.injectFaults({ kind: 'reject', status: 400, code: 10021, message: 'param invalid' });
    const result = await submit('rejected-400');
    expect(result).toMatchObject({ __typename: 'PlatformRejectedError', code: 10021, task: { status: 'REJECTED', platformCode: 10021 } });
  });

  it('HTTP 503: UNREACHABLE, nothing created, logged once', async () => {
    const before = t.simulator.tasks.length;
    t.simulator.injectFaults({ kind: 'status', status: 503 });
    const result = await submit('5xx');
    expect(result.__typename).toBe('PlatformUnreachableError');
    expect(result.message).toMatch(/HTTP 503/);
    expect(result.message).toMatch(/Submit again/);
    const row = await onlyRecord('5xx');
    expect(row.status).toBe('UNREACHABLE');
    expect(t.simulator.tasks.length).toBe(before);
    expect(outcomeLine(row.id)).toMatchObject({ level: 40, outcome: 'unreachable', reason: expect.stringMatching(/HTTP 503/) });
  });

  it.each([302, 404, 429])('HTTP %i without the envelope: UNREACHABLE, and no platform code is made up', async (status) => {
    t.simulator.injectFaults({ kind: 'status', status });
    const result = await submit(`http-${status}`);
    expect(result.__typename).toBe('PlatformUnreachableError');
    expect(result.task).toMatchObject({ status: 'UNREACHABLE', platformCode: null, platformMessage: null });
    expect(result.task.failureReason).toContain(`HTTP ${status}`);
  });

  it('an HTML page with HTTP 200 after the platform created the task: UNKNOWN, never "submit again"', async () => {
    t.simulator.injectFaults({ kind: 'malformed', created: true });
    const result = await submit('html-200');
    expect(result.__typename).toBe('SubmissionOutcomeUnknownError');
    expect(result.message).toMatch(/may have created the task/);
    expect(result.message).not.toMatch(/submit again/i);
    expect(result.task.failureReason).toMatch(/not the documented envelope/);
    expect(t.simulator.tasks.at(-1)!.videoName).toBe('html-200');
    const row = await onlyRecord('html-200');
    expect(row.status).toBe('UNKNOWN');
    expect(outcomeLine(row.id)).toMatchObject({ level: 50, outcome: 'unknown' });
  });

  it('truncated JSON after HTTP 200: UNKNOWN (the platform created it), not resubmitted', async () => {
    const calls = t.simulator.calls.create;
    t.simulator.injectFaults({ kind: 'truncated' });
    const result = await submit('truncated');
    expect(result.__typename).toBe('SubmissionOutcomeUnknownError');
    expect(t.simulator.tasks.at(-1)!.videoName).toBe('truncated');
    expect(t.simulator.calls.create).toBe(calls + 1);
    expect((await onlyRecord('truncated')).status).toBe('UNKNOWN');
    // What the platform sent is kept with the change, as received.
    const event = result.task.events.at(-1);
    expect(event).toMatchObject({ fromStatus: 'SUBMITTING', toStatus: 'UNKNOWN', source: 'SUBMISSION' });
    expect(JSON.parse(event.raw)).toEqual({ httpStatus: 200, body: expect.stringMatching(/^\{"code":0,"message":"success"/) });
  });

  it('keeps at most 2,000 characters of what the platform sent', () => {
    const { httpStatus, body } = JSON.parse(rawAnswer(502, 'x'.repeat(5_000)));
    expect(httpStatus).toBe(502);
    expect(body).toBe(`${'x'.repeat(2_000)}…`);
  });

  it.each([500, 502, 504])('HTTP %i: UNKNOWN (the platform may have the task)', async (status) => {
    t.simulator.injectFaults({ kind: 'status', status, created: true });
    const result = await submit(`http-${status}`);
    expect(result.__typename).toBe('SubmissionOutcomeUnknownError');
    expect(result.task).toMatchObject({ status: 'UNKNOWN', platformCode: null });
    expect((await onlyRecord(`http-${status}`)).status).toBe('UNKNOWN');
  });

  it('connection reset after sending: UNKNOWN, not resubmitted', async () => {
    const calls = t.simulator.calls.create;
    t.simulator.injectFaults({ kind: 'reset' });
    const result = await submit('reset');
    expect(result.__typename).toBe('SubmissionOutcomeUnknownError');
    expect(result.message).toMatch(/may have created the task/);
    expect(result.task.status).toBe('UNKNOWN');
    expect(t.simulator.calls.create).toBe(calls + 1);
    // The ambiguity is real: the simulator did create it.
    expect(t.simulator.tasks.at(-1)!.videoName).toBe('reset');
    expect((await onlyRecord('reset')).failureReason).toMatch(/connection lost/);
  });

  it('no answer within the timeout: UNKNOWN, not resubmitted', async () => {
    const calls = t.simulator.calls.create;
    t.simulator.injectFaults({ kind: 'hang' });
    const result = await submit('timeout');
    expect(result.__typename).toBe('SubmissionOutcomeUnknownError');
    expect(result.task.failureReason).toMatch(/no answer within 500 ms/);
    expect(t.simulator.calls.create).toBe(calls + 1);
    expect((await onlyRecord('timeout')).status).toBe('UNKNOWN');
  });

  it('a slow answer inside the timeout still succeeds, logged once at info', async () => {
    t.simulator.injectFaults({ kind: 'latency', ms: 200 });
    const result = await submit('slow');
    expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
    const row = await onlyRecord('slow');
    expect(row.status).toBe('SUBMITTED');
    expect(outcomeLine(row.id)).toMatchObject({ level: 30, outcome: 'created', platformTaskId: row.platformTaskId, requestId: expect.any(String) });
  });

  it('platform rejects what it would reject for real (checked by the simulator)', async () => {
    // Bypass our validation to prove the simulator enforces the platform's own rule.
    const client = t.client;
    const outcome = await client.createTakeover({ videoName: 'x', param: '{not json' });
    expect(outcome).toMatchObject({ kind: 'rejected', message: 'param is not valid JSON' });
    const byUrl = JSON.stringify({ digital_role: { url: 'https://x', fileId: '' } });
    expect(await client.createTakeover({ videoName: 'x', param: byUrl })).toMatchObject({
      kind: 'rejected',
      message: 'digital_role only supports fileId',
    });
    expect(await client.createTakeover({ videoName: '', param: '{}' })).toMatchObject({ message: 'videoName is required' });
  });
});

describe('token endpoint outages', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await startTestApp({ client: { timeoutMs: 500 } });
  });
  afterAll(() => fresh.close());

  it.each([
    ['HTTP 503', { kind: 'status', status: 503 }],
    ['HTTP 500', { kind: 'status', status: 500 }],
    ['an HTML page with HTTP 200', { kind: 'malformed' }],
  ] as const)('%s from the token endpoint: UNREACHABLE, no create call, no platform code', async (_name, fault) => {
    const calls = fresh.simulator.calls.create;
    fresh.simulator.injectTokenFaults(fault);
    const { data } = await fresh.graphql(CREATE_TAKEOVER, { videoName: 'token outage', params: minimalSceneParams });
    const result = data.createTakeoverVideo;
    expect(result.__typename).toBe('PlatformUnreachableError');
    expect(result.task).toMatchObject({ status: 'UNREACHABLE', platformCode: null });
    expect(result.message).toMatch(/token/);
    expect(result.message).not.toMatch(/refused/);
    expect(fresh.simulator.calls.create).toBe(calls);
  });

  it('after the outage, the next submission logs in and succeeds', async () => {
    const { data } = await fresh.graphql(CREATE_TAKEOVER, { videoName: 'after outage', params: minimalSceneParams });
    expect(data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
  });
});

describe('platform task ids', () => {
  let big: TestApp;
  beforeAll(async () => {
    big = await startTestApp({ simulator: { firstTaskId: 9007199254740993n } });
  });
  afterAll(() => big.close());

  it('keeps ids above 2^53 exactly as the platform sent them', async () => {
    for (const expected of ['9007199254740993', '9007199254740994']) {
      const { data } = await big.graphql(CREATE_TAKEOVER, { videoName: `big ${expected}`, params: minimalSceneParams });
      expect(data.createTakeoverVideo).toMatchObject({ platformTaskId: expected, task: { platformTaskId: expected } });
      expect((await big.db.task.findFirstOrThrow({ where: { videoName: `big ${expected}` } })).platformTaskId).toBe(expected);
    }
  });
});

describe('connection refused', () => {
  let port: number;
  beforeAll(async () => {
    // A port that was free a moment ago and has nothing listening now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
  });

  it('records UNREACHABLE with the reason, and nothing else', async () => {
    const client = new SoftSugarClient({ appId: 'a', appKey: 'k', baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
    const lines: object[] = [];
    const log = { info: (fields: object) => void lines.push(fields), warn: (fields: object) => void lines.push(fields), error: (fields: object) => void lines.push(fields) };
    const submitter = new TakeoverSubmitter(
      t.db,
      { clientFor: async () => client, reachable: async () => false },
      { abandonAfterMs: 60_000, idempotencyKeyTtlMs: 86_400_000, log, presetDbId: () => undefined, lifecycle: t.lifecycle },
    );
    const { task, outcome } = await submitter.submit('default', {
      videoName: 'refused',
      params: takeoverParamsSchema.parse(minimalSceneParams),
    });
    await client.close();
    expect(outcome.kind).toBe('unreachable');
    expect(task.status).toBe('UNREACHABLE');
    expect(task.failureReason).toMatch(/ECONNREFUSED/);
    expect((await onlyRecord('refused')).id).toBe(task.id);
    expect(lines).toEqual([expect.objectContaining({ taskId: task.id, outcome: 'unreachable', reason: expect.stringMatching(/ECONNREFUSED/) })]);
  });
});

afterEach(async () => {
  // No record may be left half-written in SUBMITTING after a call returns.
  expect(await t.db.task.count({ where: { status: 'SUBMITTING' } })).toBe(0);
});
