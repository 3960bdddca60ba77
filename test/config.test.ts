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
      limits: { bodyBytes: 1_000_000, depth: 15, aliases: 15, tokens: 5_000, cost: 10_000, requestsPerMinute: 600, unauthenticatedPerMinute: 60, responseBytes: 1_000_000, subscriptionsPerTenant: 20 },
      tokenTimestampUnit: 'seconds',
      // Five calls of 30 s at worst (refresh, login, create; login and create again after a refused token), plus 10 s.
      submissionStaleAfterMs: 160_000,
      idempotencyKeyTtlMs: 24 * 3_600_000,
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
      trustProxyHops: 0,
      corsOrigins: undefined,
      metricsToken: undefined,
      readyCacheMs: 5_000,
      redis: undefined,
    });
  });

  it('reads the edge settings: CORS allow-list, proxies, metrics token, Redis', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://app.example, http://localhost:5173',
      TRUST_PROXY_HOPS: '1',
      METRICS_TOKEN: 'a-long-enough-metrics-token',
      REDIS_URL: 'redis://:secret@cache:6379/0',
      HTTP_REQUEST_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      corsOrigins: ['https://app.example', 'http://localhost:5173'],
      trustProxyHops: 1,
      metricsToken: 'a-long-enough-metrics-token',
      redis: { url: 'redis://:secret@cache:6379/0', keyPrefix: 'takeover:' },
      http: { headersTimeoutMs: 5_000, requestTimeoutMs: 5_000 },
    });
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://:secret@cache' })).not.toThrow(/secret/);
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

  it('refuses production without credentials unless the sandbox is asked for with SANDBOX=1', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^NODE_ENV=production needs SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY \(or SANDBOX=1/,
    );
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: '1' }).platform).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', SOFTSUGAR_APP_ID: 'id', SOFTSUGAR_APP_KEY: 'key' }).platform).toBeDefined();
    expect(loadConfig({ NODE_ENV: 'development' }).platform).toBeUndefined();
    expect(() => loadConfig({ SANDBOX: '1', SOFTSUGAR_APP_ID: 'id', SOFTSUGAR_APP_KEY: 'key' })).toThrow(/SANDBOX=1 runs the local platform simulator/);
  });

  it('keeps the sandbox key beside the SQLite database, or where SANDBOX_KEY_FILE says', () => {
    expect(loadConfig({}).sandboxKeyFile).toBe('./data/takeover.db.sandbox-key');
    expect(loadConfig({ DATABASE_URL: 'file::memory:' }).sandboxKeyFile).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgresql://app:secret@db.internal:5433/takeover' }).sandboxKeyFile).toBe(
      'data/postgresql-db.internal-5433-takeover.sandbox-key',
    );
    expect(loadConfig({ SANDBOX_KEY_FILE: '/var/lib/takeover/sandbox-key' }).sandboxKeyFile).toBe('/var/lib/takeover/sandbox-key');
  });
});
