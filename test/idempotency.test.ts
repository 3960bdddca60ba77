import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const create = async (idempotencyKey: string, videoName = 'same', apiKey?: string) => {
  const { data, errors } = await t.graphql(CREATE_TAKEOVER, { videoName, params: minimalSceneParams, idempotencyKey }, apiKey);
  expect(errors).toBeUndefined();
  return data.createTakeoverVideo;
};

describe('idempotency keys', () => {
  it('a repeat returns the original task and does not call the platform again', async () => {
    const first = await create('key-1');
    const calls = t.simulator.calls.create;
    const again = await create('key-1');
    expect(again.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(again.task.id).toBe(first.task.id);
    expect(again.task.idempotencyKey).toBe('key-1');
    expect(t.simulator.calls.create).toBe(calls);
    expect(await t.db.task.count({ where: { idempotencyKey: 'key-1' } })).toBe(1);
  });

  it('the same key with a different input is a typed error, and nothing is sent', async () => {
    const calls = t.simulator.calls.create;
    const other = await create('key-1', 'a different video');
    expect(other).toMatchObject({ __typename: 'IdempotencyKeyReusedError', idempotencyKey: 'key-1' });
    expect(t.simulator.calls.create).toBe(calls);
  });

  it('ten concurrent duplicates make exactly one platform call', async () => {
    t.simulator.injectFaults({ kind: 'latency', ms: 300 });
    const calls = t.simulator.calls.create;
    const results = await Promise.all(Array.from({ length: 10 }, () => create('burst')));
    expect(t.simulator.calls.create).toBe(calls + 1);
    expect(new Set(results.map((result) => result.task.id)).size).toBe(1);
    expect(await t.db.task.count({ where: { idempotencyKey: 'burst' } })).toBe(1);
  });

  it('replays the original outcome, failures included', async () => {
    t.simulator.injectFaults({ kind: 'reject', code: 4001, message: 'no balance' });
    const first = await create('rejected');
    const again = await create('rejected');
    expect([first.__typename, again.__typename]).toEqual(['PlatformRejectedError', 'PlatformRejectedError']);
    expect(again).toMatchObject({ code: 4001, platformMessage: 'no balance', task: { id: first.task.id } });
  });

  it('keys belong to a tenant: another tenant may use the same key', async () => {
    const otherKey = await t.newTenant('tenant-idem');
    const mine = await create('shared-key');
    const theirs = await create('shared-key', 'same', otherKey);
    expect(theirs.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(theirs.task.id).not.toBe(mine.task.id);
  });

  it('rejects unusable keys as validation errors', async () => {
    const result = await create('has spaces in it');
    expect(result.issues).toEqual([{ path: 'idempotencyKey', message: expect.stringMatching(/printable ASCII/) }]);
  });
});
