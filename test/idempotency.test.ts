import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET, CREATE_TAKEOVER, UPDATE_PRESET } from './helpers/operations.js';
import { loadConfig } from '../src/config.js';
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

  it('ten concurrent duplicates make exactly one platform call; success only where the platform accepted', async () => {
    t.simulator.injectFaults({ kind: 'latency', ms: 300 });
    const calls = t.simulator.calls.create;
    const results = await Promise.all(Array.from({ length: 10 }, () => create('burst')));
    expect(t.simulator.calls.create).toBe(calls + 1);
    expect(new Set(results.map((result) => result.task.id)).size).toBe(1);
    expect(await t.db.task.count({ where: { idempotencyKey: 'burst' } })).toBe(1);
    for (const result of results) {
      expect(['CreateTakeoverVideoSuccess', 'SubmissionInProgress']).toContain(result.__typename);
      if (result.__typename === 'CreateTakeoverVideoSuccess') expect(result.platformTaskId).toMatch(/^\d+$/);
      else expect(result.task.status).toBe('SUBMITTING');
    }
  });

  it('a repeat while the first call is in flight is SubmissionInProgress, never a success without a platform id', async () => {
    let release!: () => void;
    t.simulator.injectFaults({ kind: 'held', until: new Promise<void>((resolve) => (release = resolve)) });
    const calls = t.simulator.calls.create;
    const first = create('in-flight');
    while (t.simulator.calls.create === calls) await new Promise((resolve) => setTimeout(resolve, 10));
    const repeat = await create('in-flight');
    expect(repeat).toMatchObject({ __typename: 'SubmissionInProgress', task: { status: 'SUBMITTING', platformTaskId: null } });
    expect(repeat.message).toMatch(/still in progress/);
    release();
    const done = await first;
    expect(done).toMatchObject({ __typename: 'CreateTakeoverVideoSuccess', task: { id: repeat.task.id, status: 'SUBMITTED' } });
    const later = await create('in-flight');
    expect(later).toMatchObject({ __typename: 'CreateTakeoverVideoSuccess', platformTaskId: done.platformTaskId, task: { id: done.task.id } });
    expect(t.simulator.calls.create).toBe(calls + 1);
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

  it('a byte-identical retry from a preset after an unrelated preset edit returns the original task', async () => {
    const created = await t.graphql(CREATE_PRESET, {
      input: { name: 'Keyed', params: { ...minimalSceneParams, ttsQuery: { content: 'Hello {{customer}}, {{greeting}}' } } },
    });
    const presetId = created.data.createPreset.preset.id;
    const preset = {
      id: presetId,
      variables: [
        { name: 'customer', value: 'Ada' },
        { name: 'greeting', value: 'welcome' },
      ],
    };
    const send = async (reference: object, key = 'preset-key') =>
      (await t.graphql(CREATE_TAKEOVER, { videoName: 'from preset', preset: reference, idempotencyKey: key })).data.createTakeoverVideo;
    const first = await send(preset);
    expect(first.__typename).toBe('CreateTakeoverVideoSuccess');
    const calls = t.simulator.calls.create;

    const edited = await t.graphql(UPDATE_PRESET, { id: presetId, input: { description: 'now with a description' } });
    expect(edited.data.updatePreset.preset.version).toBe(2);
    const retry = await send(preset);
    expect(retry).toMatchObject({ __typename: 'CreateTakeoverVideoSuccess', task: { id: first.task.id, presetVersion: 1 } });
    // The order variables are given in does not make another request.
    const reordered = await send({ ...preset, variables: [...preset.variables].reverse() });
    expect(reordered.task.id).toBe(first.task.id);
    expect(t.simulator.calls.create).toBe(calls);

    const otherValue = await send({ ...preset, variables: [preset.variables[0], { name: 'greeting', value: 'hi' }] });
    expect(otherValue.__typename).toBe('IdempotencyKeyReusedError');
    const otherVersion = await send({ ...preset, version: 1 });
    expect(otherVersion.__typename).toBe('IdempotencyKeyReusedError');
  });

  it('a repeat of an UNREACHABLE submission makes a new attempt with the same key; the old record stays', async () => {
    t.simulator.injectFaults({ kind: 'status', status: 503 });
    const failed = await create('retry-me');
    expect(failed.__typename).toBe('PlatformUnreachableError');
    expect(failed.message).toMatch(/the same idempotency key may be used/);
    const calls = t.simulator.calls.create;

    const retried = await create('retry-me');
    expect(retried.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(retried.task.id).not.toBe(failed.task.id);
    expect(t.simulator.calls.create).toBe(calls + 1);
    const again = await create('retry-me');
    expect(again).toMatchObject({ __typename: 'CreateTakeoverVideoSuccess', task: { id: retried.task.id } });
    expect(t.simulator.calls.create).toBe(calls + 1);

    const records = await t.db.task.findMany({ where: { idempotencyKey: 'retry-me' }, orderBy: { createdAt: 'asc' } });
    expect(records.map((task) => [task.status, task.liveIdempotencyKey])).toEqual([
      ['UNREACHABLE', null],
      ['SUBMITTED', 'retry-me'],
    ]);
    expect((await create('retry-me', 'another video')).__typename).toBe('IdempotencyKeyReusedError');
  });

  it('concurrent retries of an UNREACHABLE submission make one platform call', async () => {
    t.simulator.injectFaults({ kind: 'status', status: 503 });
    expect((await create('unreachable-burst')).__typename).toBe('PlatformUnreachableError');
    t.simulator.injectFaults({ kind: 'latency', ms: 300 });
    const calls = t.simulator.calls.create;
    const results = await Promise.all(Array.from({ length: 10 }, () => create('unreachable-burst')));
    expect(t.simulator.calls.create).toBe(calls + 1);
    expect(new Set(results.map((result) => result.task.id)).size).toBe(1);
    expect(results.every((result) => ['CreateTakeoverVideoSuccess', 'SubmissionInProgress'].includes(result.__typename))).toBe(true);
    expect(await t.db.task.count({ where: { idempotencyKey: 'unreachable-burst' } })).toBe(2);
  });

  it('a key older than IDEMPOTENCY_KEY_TTL_HOURS (24 by default) may be used for a new request', async () => {
    expect(loadConfig({}).idempotencyKeyTtlMs).toBe(24 * 3_600_000);
    expect(loadConfig({ IDEMPOTENCY_KEY_TTL_HOURS: '1' }).idempotencyKeyTtlMs).toBe(3_600_000);
    const old = await create('day-old', 'yesterday');
    expect((await create('day-old', 'today')).__typename).toBe('IdempotencyKeyReusedError');
    const oldRow = await t.db.task.findFirstOrThrow({ where: { videoName: 'yesterday' } });
    await t.db.task.update({ where: { id: oldRow.id }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000 - 60_000) } });
    const calls = t.simulator.calls.create;
    const today = await create('day-old', 'today');
    expect(today.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(today.task.id).not.toBe(old.task.id);
    expect(t.simulator.calls.create).toBe(calls + 1);
    // The old task keeps its key for the record; the key now answers for the new one.
    const kept = await t.db.task.findUniqueOrThrow({ where: { id: oldRow.id } });
    expect([kept.idempotencyKey, kept.liveIdempotencyKey]).toEqual(['day-old', null]);
    expect((await create('day-old', 'today')).task.id).toBe(today.task.id);
  });

  it('rejects unusable keys as validation errors', async () => {
    const result = await create('has spaces in it');
    expect(result.issues).toEqual([{ path: 'idempotencyKey', message: expect.stringMatching(/printable ASCII/) }]);
  });
});
