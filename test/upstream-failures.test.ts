import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { SoftSugarClient } from '../src/platform/client.js';
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

describe('upstream failures', () => {
  it('platform rejection: REJECTED with the platform code and message', async () => {
    t.simulator.injectFaults({ kind: 'reject', code: 40012, message: 'insufficient balance' });
    const result = await submit('rejected');
    expect(result.__typename).toBe('PlatformRejectedError');
    expect(result).toMatchObject({ code: 40012, platformMessage: 'insufficient balance' });
    expect(result.task).toMatchObject({ status: 'REJECTED', platformCode: 40012, platformMessage: 'insufficient balance' });
    const row = await onlyRecord('rejected');
    expect(row.status).toBe('REJECTED');
    expect(row.platformTaskId).toBeNull();
  });

  it('HTTP 5xx: UNREACHABLE, nothing created', async () => {
    const before = t.simulator.tasks.length;
    t.simulator.injectFaults({ kind: 'status', status: 503 });
    const result = await submit('5xx');
    expect(result.__typename).toBe('PlatformUnreachableError');
    expect(result.message).toMatch(/HTTP 503/);
    expect((await onlyRecord('5xx')).status).toBe('UNREACHABLE');
    expect(t.simulator.tasks.length).toBe(before);
  });

  it('a body that is not the documented envelope: UNREACHABLE', async () => {
    t.simulator.injectFaults({ kind: 'malformed' });
    const result = await submit('malformed');
    expect(result.__typename).toBe('PlatformUnreachableError');
    expect(result.task.failureReason).toMatch(/not the documented envelope/);
    expect((await onlyRecord('malformed')).status).toBe('UNREACHABLE');
  });

  it('HTTP 504 from a gateway: UNKNOWN (the platform may have the task)', async () => {
    t.simulator.injectFaults({ kind: 'status', status: 504 });
    const result = await submit('504');
    expect(result.__typename).toBe('SubmissionOutcomeUnknownError');
    expect((await onlyRecord('504')).status).toBe('UNKNOWN');
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

  it('a slow answer inside the timeout still succeeds', async () => {
    t.simulator.injectFaults({ kind: 'latency', ms: 200 });
    const result = await submit('slow');
    expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
    expect((await onlyRecord('slow')).status).toBe('SUBMITTED');
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
    const submitter = new TakeoverSubmitter(t.db, { clientFor: async () => client, reachable: async () => false });
    const { task, outcome } = await submitter.submit('default', {
      videoName: 'refused',
      params: takeoverParamsSchema.parse(minimalSceneParams),
    });
    await client.close();
    expect(outcome.kind).toBe('unreachable');
    expect(task.status).toBe('UNREACHABLE');
    expect(task.failureReason).toMatch(/ECONNREFUSED/);
    expect((await onlyRecord('refused')).id).toBe(task.id);
  });
});

afterEach(async () => {
  // No record may be left half-written in SUBMITTING after a call returns.
  expect(await t.db.task.count({ where: { status: 'SUBMITTING' } })).toBe(0);
});
