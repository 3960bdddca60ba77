import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CREATE_TAKEOVER, LIST_TASKS } from './helpers/operations.js';
import { startTestApp, TEST_CREDENTIALS, TEST_ENCRYPTION_KEY, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { loadConfig } from '../src/config.js';

let t: TestApp;
const captured: string[] = [];
const record = (...args: unknown[]) => captured.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(record);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk: any, ...rest: any[]) => {
      captured.push(String(chunk));
      return write(chunk, ...rest);
    });
  }
  t = await startTestApp({ client: { timeoutMs: 300 } });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
});

describe('secrets', () => {
  it('never appear in responses, logs, errors or stored records', async () => {
    const bodies: string[] = [];
    const run = async (videoName: string) => {
      const response = await t.app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
        body: JSON.stringify({ query: CREATE_TAKEOVER, variables: { videoName, params: minimalSceneParams } }),
      });
      bodies.push(await response.text());
    };
    await run('ok');
    t.simulator.expireAccessTokens();
    await run('after-expiry');
    t.simulator.injectFaults({ kind: 'reset' });
    await run('reset');
    t.simulator.injectFaults({ kind: 'hang' });
    await run('hang');
    t.simulator.injectFaults({ kind: 'malformed' });
    await run('malformed');
    t.simulator.injectFaults({ kind: 'status', status: 503 });
    await run('unavailable');
    t.simulator.expireAccessTokens();
    t.simulator.injectTokenFaults({ kind: 'malformed' });
    await run('token outage');
    bodies.push(JSON.stringify(await t.graphql(LIST_TASKS, { first: 50 })));
    bodies.push(await (await t.app.fetch('http://test/graphql', { method: 'POST', body: '{bad json' })).text());
    const configErrors = [
      () => loadConfig({ SOFTSUGAR_APP_KEY: TEST_CREDENTIALS.appKey }),
      () => loadConfig({ SOFTSUGAR_APP_ID: 'x', SOFTSUGAR_APP_KEY: TEST_CREDENTIALS.appKey, PORT: 'nope' }),
    ].map((load) => {
      try {
        load();
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(configErrors.every((message) => message.startsWith('invalid configuration'))).toBe(true);

    const rows = JSON.stringify([
      await t.db.task.findMany(),
      await t.db.taskEvent.findMany(),
      await t.db.apiKey.findMany(),
      await t.db.tenant.findMany(),
    ]);
    const logs = JSON.stringify(t.logs);
    const everything = [...bodies, ...captured, ...configErrors, rows, logs].join('\n');
    const secrets = [TEST_CREDENTIALS.appKey, TEST_ENCRYPTION_KEY, t.apiKey, ...t.simulator.issuedTokens];
    expect(t.simulator.issuedTokens.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // The run did exercise what it claims to: each outcome is in the responses.
    expect(everything).toContain('SubmissionOutcomeUnknownError');
    expect(everything).toContain('PlatformUnreachableError');
  });
});
