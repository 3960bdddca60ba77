// The settings of the status sources: callback secret, public URL, status-query path, polling.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('status source settings', () => {
  it('default to no callback route, no status queries to the real platform, and polling every 2 s', () => {
    expect(loadConfig({})).toMatchObject({
      callbackSecret: undefined,
      publicUrl: undefined,
      taskQueryPath: undefined,
      polling: { intervalMs: 2_000, firstDelayMs: 5_000, maxDelayMs: 300_000, concurrencyPerAccount: 4, claimMs: 60_000 },
      simulatorRenderMs: 3_000,
    });
  });

  it('reads them', () => {
    const config = loadConfig({
      PLATFORM_CALLBACK_SECRET: 'a-long-enough-secret_123',
      PUBLIC_URL: 'https://api.example.com/',
      SOFTSUGAR_TASK_QUERY_PATH: '/api/task/query',
      POLL_INTERVAL_MS: '500',
      POLL_MAX_DELAY_MS: '60000',
      POLL_CONCURRENCY_PER_ACCOUNT: '2',
      SIMULATOR_RENDER_MS: '250',
    });
    expect(config).toMatchObject({
      callbackSecret: 'a-long-enough-secret_123',
      publicUrl: 'https://api.example.com',
      taskQueryPath: '/api/task/query',
      polling: { intervalMs: 500, maxDelayMs: 60_000, concurrencyPerAccount: 2 },
      simulatorRenderMs: 250,
    });
  });

  it('refuses a short or URL-unsafe secret without echoing it, and a path without a leading slash', () => {
    for (const secret of ['short', 'has/a/slash-and-is-long-enough', 'has a space and is long enough']) {
      expect(() => loadConfig({ PLATFORM_CALLBACK_SECRET: secret })).toThrow(/PLATFORM_CALLBACK_SECRET/);
      try {
        loadConfig({ PLATFORM_CALLBACK_SECRET: secret });
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
      }
    }
    expect(() => loadConfig({ SOFTSUGAR_TASK_QUERY_PATH: 'api/query' })).toThrow(/SOFTSUGAR_TASK_QUERY_PATH/);
    expect(() => loadConfig({ POLL_INTERVAL_MS: '0' })).toThrow(/POLL_INTERVAL_MS/);
  });
});
