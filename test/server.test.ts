// The README's run command, as a user runs it: a real process, real HTTP, embedded defaults.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlExample } from '../src/schema/graphiql-example.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { TEST_POSTGRES_URL } from './helpers/database.js';

let server: ChildProcess;
let url: string;
let output = '';
let dir: string;
let databaseUrl: string;
let apiKey: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'server-test-'));
  databaseUrl = TEST_POSTGRES_URL
    ? await createScratchPostgresDatabase(TEST_POSTGRES_URL, 'takeover_server')
    : `file:${path.join(dir, 'data', 'service.db')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, SANDBOX_KEY_FILE: path.join(dir, 'sandbox-key') };
  delete env.SOFTSUGAR_APP_ID;
  delete env.SOFTSUGAR_APP_KEY;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    server.stdout!.on('data', () => {
      const match = /on (http:\/\/\S+\/graphql)/.exec(output);
      const key = /Sandbox API key[^:]*: (tk_\S+)/.exec(output);
      if (match && key) {
        clearTimeout(timer);
        apiKey = key[1]!;
        resolve(match[1]!);
      }
    });
  });
});

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
  if (TEST_POSTGRES_URL) await dropScratchPostgresDatabase(TEST_POSTGRES_URL, databaseUrl);
});

const post = async (body: unknown, key = apiKey) =>
  (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    })
  ).json();

describe('the service process', () => {
  it('says it uses the simulator when no credentials are configured', () => {
    expect(output).toMatch(/Platform: local platform simulator/);
  });

  it('prints a development key that works, and refuses requests without one', async () => {
    expect(apiKey).toMatch(/^tk_/);
    expect((await post({ query: '{ tasks(first: 1) { edges { cursor } } }' })).data.tasks.edges).toEqual([]);
    const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(refused.status).toBe(401);
  });

  it('serves GraphiQL with the seed example and the development key preloaded', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('CreateSeedScene');
    expect(html).toContain(apiKey);
  });

  it('runs the GraphiQL example over HTTP: a task in the simulator that shows up in tasks', async () => {
    const created = await post({ query: graphiqlExample, operationName: 'CreateSeedScene' });
    expect(created.data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
    const task = created.data.createTakeoverVideo.task;
    expect(task.status).toBe('SUBMITTED');
    expect(task.platformTaskId).toBe('1');

    const listed = await post({ query: '{ tasks(first: 10) { edges { node { id } } } }' });
    expect(listed.data.tasks.edges.map((edge: any) => edge.node.id)).toEqual([task.id]);
  });

  it('masks unexpected errors and rejects malformed bodies clearly', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: '{oops',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
