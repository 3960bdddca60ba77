import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (path: string) => t.app.fetch(`http://test${path}`);

describe('operations endpoints (no API key needed)', () => {
  it('/health answers while the process is up', async () => {
    expect((await get('/health')).status).toBe(200);
  });

  it('/ready checks the database, its migrations and the platform', async () => {
    const fresh = await startTestApp({ options: { readyCacheMs: 0 } });
    try {
      const up = await fresh.app.fetch('http://test/ready');
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ ready: true, sharedState: { store: 'process' } });
      await fresh.simulator.close();
      const down = await fresh.app.fetch('http://test/ready');
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ready: false, problem: 'platform unreachable', sharedState: { store: 'process' } });
    } finally {
      await fresh.close();
    }
  });

  it('/ready asks the platform at most once per READY_CACHE_MS, however often it is called', async () => {
    const reachable = vi.spyOn(t.platforms, 'reachable');
    const answers = await Promise.all(Array.from({ length: 20 }, () => get('/ready')));
    for (let i = 0; i < 20; i++) answers.push(await get('/ready'));
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200));
    expect(reachable.mock.calls.length).toBeLessThanOrEqual(1);
    reachable.mockRestore();
  });

  it('/ready reports unapplied migrations', async () => {
    const other = await startTestApp();
    try {
      await other.db.$executeRawUnsafe('DELETE FROM _prisma_migrations');
      const response = await other.app.fetch('http://test/ready');
      expect(response.status).toBe(503);
      expect((await response.json()).problem).toMatch(/^migrations not applied: \d+_init/);
    } finally {
      await other.close();
    }
  });

  it('/metrics labels stay bounded whatever operation names and URLs callers send', async () => {
    const fresh = await startTestApp();
    try {
      for (let i = 0; i < 150; i++) await fresh.graphql(`query Name${i} { __typename }`);
      await fresh.graphql(`query ${'Long'.repeat(100)} { __typename }`);
      const url = `http://test/graphql?query=${encodeURIComponent('{ __typename }')}&unique=1`;
      await fresh.app.fetch(url, { headers: { authorization: `Bearer ${fresh.apiKey}`, 'x-graphql-yoga-csrf': '1' } });
      const text = await (await fresh.app.fetch('http://test/metrics')).text();
      const names = new Set([...text.matchAll(/operationName="([^"]*)"/g)].map((match) => match[1]));
      expect(names.size).toBeLessThanOrEqual(102);
      expect(names).toContain('Name0');
      expect(names).toContain('(other)');
      expect(text).not.toMatch(/LongLongLong|unique=1|url="/);
    } finally {
      await fresh.close();
    }
  });

  it('/metrics exposes operation and platform figures for Prometheus', async () => {
    const fresh = await startTestApp();
    try {
      await fresh.graphql(CREATE_TAKEOVER, { videoName: 'metered', params: minimalSceneParams });
      fresh.simulator.injectFaults({ kind: 'status', status: 503 });
      await fresh.graphql(CREATE_TAKEOVER, { videoName: 'metered 2', params: minimalSceneParams });
      const text = await (await fresh.app.fetch('http://test/metrics')).text();
      expect(text).toMatch(/takeover_platform_calls_total\{outcome="created"\} 1/);
      expect(text).toMatch(/takeover_platform_calls_total\{outcome="unreachable"\} 1/);
      expect(text).toMatch(/takeover_platform_call_duration_seconds_count\{outcome="created"\} 1/);
      expect(text).toMatch(/graphql_yoga_http_duration_count\{[^}]*operationName="Create"[^}]*\} 2/);
      expect(text).toMatch(/graphql_envelop_request\{[^}]*operationName="Create"[^}]*\} 2/);
    } finally {
      await fresh.close();
    }
  });
});
