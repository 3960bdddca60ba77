import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp, TEST_CREDENTIALS } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { signToken } from '../src/platform/protocol.js';
import { loadConfig } from '../src/config.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const submit = async (app: TestApp, videoName = 'v') =>
  (await app.graphql(CREATE_TAKEOVER, { videoName, params: minimalSceneParams })).data.createTakeoverVideo;

describe('token handling', () => {
  it('signs as the FAQ worked example does', () => {
    expect(signToken('c103af9ac77646ca9fb0122e75f30811', '1686730537', '89f81a207e5e4a1297ed1255879191ee')).toBe(
      'f6ffecf33d2073d9b3b93ba157665cfc',
    );
  });

  it('logs in once and reuses the token', async () => {
    t = await startTestApp();
    for (const name of ['a', 'b', 'c']) expect((await submit(t, name)).__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.calls).toEqual({ token: 1, refresh: 0, create: 3, query: 0 });
  });

  it('shares one login between concurrent first calls', async () => {
    t = await startTestApp();
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => submit(t!, name)));
    expect(t.simulator.calls.token).toBe(1);
  });

  it('refreshes before the access token expires, without a failed call', async () => {
    let clock = Date.now();
    t = await startTestApp({ client: { now: () => clock } });
    await submit(t, 'first');
    clock += 8 * 3600 * 1000 - 60_000; // one minute before the 8-hour expiry, inside the renewal margin
    expect((await submit(t, 'second')).__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.calls).toEqual({ token: 1, refresh: 1, create: 2, query: 0 });
  });

  it('logs in again when the refresh token has expired too', async () => {
    let clock = Date.now();
    const now = () => clock;
    t = await startTestApp({ client: { now }, simulator: { now } });
    await submit(t, 'first');
    clock += 8 * 24 * 3600 * 1000;
    expect((await submit(t, 'later')).__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.calls).toEqual({ token: 2, refresh: 0, create: 2, query: 0 });
  });

  it('after an auth failure, logs in again and retries the create once', async () => {
    t = await startTestApp();
    await submit(t, 'first');
    t.simulator.expireAccessTokens();
    const result = await submit(t, 'after-expiry');
    expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.calls).toEqual({ token: 2, refresh: 0, create: 3, query: 0 });
    expect(t.simulator.tasks.map((task) => task.videoName)).toEqual(['first', 'after-expiry']);
  });

  it('never retries more than once when fresh tokens are refused too', async () => {
    t = await startTestApp({ simulator: { accessTokenTtlSeconds: 0 } });
    const result = await submit(t, 'refused');
    expect(result.__typename).toBe('PlatformRejectedError');
    expect(result.platformMessage).toMatch(/refused a freshly issued access token/);
    expect(t.simulator.calls.create).toBe(2);
    expect(t.simulator.tasks).toHaveLength(0);
    expect(result.task.status).toBe('REJECTED');
  });

  it('reuses a short-lived token (expiresIn under 5 minutes) instead of renewing it for every submission', async () => {
    t = await startTestApp({ simulator: { accessTokenTtlSeconds: 120 } });
    for (const name of ['a', 'b', 'c', 'd']) expect((await submit(t, name)).__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.calls).toEqual({ token: 1, refresh: 0, create: 4, query: 0 });
  });

  it('renews a short-lived token shortly before it expires', async () => {
    let clock = Date.now();
    const now = () => clock;
    t = await startTestApp({ client: { now }, simulator: { now, accessTokenTtlSeconds: 120 } });
    await submit(t, 'first');
    clock += 110_000; // 10 s before expiry: inside the margin, a tenth of its lifetime
    expect((await submit(t, 'second')).__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.calls).toEqual({ token: 1, refresh: 1, create: 2, query: 0 });
  });

  it('signs the token request in seconds by default, in milliseconds when set', async () => {
    t = await startTestApp();
    await submit(t, 'seconds');
    expect(t.simulator.lastTokenTimestamp).toMatch(/^\d{10}$/);
    await t.close();
    t = await startTestApp({ client: { timestampUnit: 'milliseconds' }, simulator: { timestampUnit: 'milliseconds' } });
    expect((await submit(t, 'milliseconds')).__typename).toBe('CreateTakeoverVideoSuccess');
    expect(t.simulator.lastTokenTimestamp).toMatch(/^\d{13}$/);
  });

  it('a refused token request says which timestamp unit was used and which setting changes it', async () => {
    t = await startTestApp({ simulator: { timestampUnit: 'milliseconds' } });
    const result = await submit(t, 'wrong unit');
    expect(result.__typename).toBe('PlatformRejectedError');
    expect(result.platformMessage).toMatch(/timestamp in seconds \(SOFTSUGAR_TOKEN_TIMESTAMP_UNIT\)/);
    expect(t.simulator.calls.create).toBe(0);
  });

  it('SOFTSUGAR_TOKEN_TIMESTAMP_UNIT is a setting, seconds unless set', () => {
    expect(loadConfig({}).tokenTimestampUnit).toBe('seconds');
    expect(loadConfig({ SOFTSUGAR_TOKEN_TIMESTAMP_UNIT: 'milliseconds' }).tokenTimestampUnit).toBe('milliseconds');
    expect(() => loadConfig({ SOFTSUGAR_TOKEN_TIMESTAMP_UNIT: 'minutes' })).toThrow(/SOFTSUGAR_TOKEN_TIMESTAMP_UNIT/);
  });

  it('wrong credentials: REJECTED, and no create call is made', async () => {
    t = await startTestApp({ client: { appKey: 'not-the-key' } });
    const result = await submit(t, 'bad-credentials');
    expect(result.__typename).toBe('PlatformRejectedError');
    expect(result.platformMessage).toMatch(/refused to issue an access token.*signature mismatch/);
    expect(t.simulator.calls.create).toBe(0);
    expect(JSON.stringify(result)).not.toContain('not-the-key');
    expect(JSON.stringify(result)).not.toContain(TEST_CREDENTIALS.appKey);
  });
});
