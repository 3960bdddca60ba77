import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to an embedded SQLite file, port 4000 and the simulator', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: 'file:./data/takeover.db',
      platform: undefined,
      platformTimeoutMs: 30_000,
      graphiql: true,
      introspection: true,
      credentialsEncryptionKey: undefined,
      limits: { bodyBytes: 1_000_000, depth: 15, aliases: 15, tokens: 5_000, requestsPerMinute: 600 },
      tokenTimestampUnit: 'seconds',
      // Five calls of 30 s at worst (refresh, login, create; login and create again after a refused token), plus 10 s.
      submissionStaleAfterMs: 160_000,
      idempotencyKeyTtlMs: 24 * 3_600_000,
    });
  });

  it('turns GraphiQL and introspection off for production', () => {
    expect(loadConfig({ GRAPHIQL: 'false', INTROSPECTION: '0' })).toMatchObject({ graphiql: false, introspection: false });
    expect(() => loadConfig({ GRAPHIQL: 'no' })).toThrow(/GRAPHIQL/);
  });

  it('uses the real platform when both credentials are set', () => {
    const config = loadConfig({ SOFTSUGAR_APP_ID: 'id', SOFTSUGAR_APP_KEY: 'key', SOFTSUGAR_TIMEOUT_MS: '5000' });
    expect(config.platform).toEqual({ baseUrl: 'https://aigc.softsugar.com', appId: 'id', appKey: 'key' });
    expect(config.platformTimeoutMs).toBe(5000);
  });

  it('refuses half a set of credentials and bad values, naming the variable only', () => {
    expect(() => loadConfig({ SOFTSUGAR_APP_ID: 'id' })).toThrow(/set both SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ SOFTSUGAR_BASE_URL: 'not a url' })).toThrow(/SOFTSUGAR_BASE_URL/);
  });
});
