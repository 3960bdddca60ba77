// Start-up as an operator meets it: nothing with side effects before the port is bound, one clear
// line when the port is taken or production lacks credentials, 503 while starting, and a sandbox
// key that survives restarts until it is rotated.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { TEST_POSTGRES_URL } from './helpers/database.js';
import { runService, startService, type ServiceProcess } from './helpers/service-process.js';

const NO_CREDENTIALS = { SOFTSUGAR_APP_ID: '', SOFTSUGAR_APP_KEY: '', SANDBOX: '', NODE_ENV: '' };
const KEY_LINE = /Sandbox API key[^:]*: (tk_\S+)/;

let dir: string;
let databaseUrl: string;
let keyFile: string;
const running: ServiceProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'startup-'));
  databaseUrl = TEST_POSTGRES_URL
    ? await createScratchPostgresDatabase(TEST_POSTGRES_URL, 'takeover_startup')
    : `file:${path.join(dir, 'data', 'takeover.db')}`;
  // SQLite: the default, beside the database. PostgreSQL: named, so the test does not write to ./data.
  keyFile = TEST_POSTGRES_URL ? path.join(dir, 'postgres.sandbox-key') : path.join(dir, 'data', 'takeover.db.sandbox-key');
});

afterEach(async () => {
  for (const service of running.splice(0)) {
    service.child.kill('SIGKILL');
    await service.exited();
  }
  await rm(dir, { recursive: true, force: true });
  if (TEST_POSTGRES_URL) await dropScratchPostgresDatabase(TEST_POSTGRES_URL, databaseUrl);
});

const sandboxEnv = () => ({
  ...NO_CREDENTIALS,
  DATABASE_URL: databaseUrl,
  ...(TEST_POSTGRES_URL && { SANDBOX_KEY_FILE: keyFile }),
});

async function start(env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const service = await startService(env);
  running.push(service);
  return service;
}

async function stop(service: ServiceProcess): Promise<void> {
  service.child.kill('SIGTERM');
  expect(await service.exited()).toBe(0);
  running.splice(running.indexOf(service), 1);
}

const sandboxKeyOf = (service: ServiceProcess) => KEY_LINE.exec(service.output())![1]!;

const ask = (service: ServiceProcess, key: string) =>
  fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ tasks(first: 1) { edges { cursor } } }' }),
  });

async function apiKeyRows() {
  const { db } = await openDatabase(databaseUrl);
  try {
    return await db.apiKey.findMany();
  } finally {
    await db.$disconnect();
  }
}

/** What a failed start printed: its lines, without blank ones. */
const linesOf = (output: string) => output.split('\n').filter((line) => line.trim());

describe('production without platform credentials', () => {
  it('refuses to start with one line and exit code 1, before touching the database', async () => {
    const outcome = await runService({ ...sandboxEnv(), NODE_ENV: 'production' });
    if ('serving' in outcome) running.push(outcome.serving);
    expect(outcome).toMatchObject({ exitCode: 1 });
    const lines = linesOf('output' in outcome ? outcome.output : '');
    expect(lines).toEqual([expect.stringMatching(/^NODE_ENV=production needs SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY \(or SANDBOX=1/)]);
    if (!TEST_POSTGRES_URL) expect(existsSync(path.join(dir, 'data'))).toBe(false);
    else expect(await apiKeyRows().catch(() => [])).toEqual([]);
  });
});

describe('a second instance on a port in use', () => {
  it('says so in one line and exits 1, minting and revoking nothing (the first: production with SANDBOX=1)', async () => {
    const first = await start({ ...sandboxEnv(), NODE_ENV: 'production', SANDBOX: '1' });
    expect(first.output()).toMatch(/Platform: local platform simulator/);
    const key = sandboxKeyOf(first);
    const port = new URL(first.url).port;
    const keysBefore = await apiKeyRows();

    const outcome = await runService({ ...sandboxEnv(), PORT: port });
    if ('serving' in outcome) running.push(outcome.serving);
    expect(outcome).toMatchObject({ exitCode: 1 });
    const lines = linesOf('output' in outcome ? outcome.output : '');
    expect(lines).toEqual([`port ${port} on 127.0.0.1 is in use (another instance running?)`]);

    expect(await apiKeyRows()).toEqual(keysBefore);
    expect((await ask(first, key)).status).toBe(200);
  });
});

describe('while starting', () => {
  let stalled: TcpServer;
  afterEach(() => new Promise<void>((resolve) => stalled.close(() => resolve())));

  it('the bound port answers 503 with Retry-After until the service is ready', async () => {
    // A "database" that accepts connections and never answers keeps the start-up waiting.
    stalled = createTcpServer(() => {});
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const { port } = stalled.address() as { port: number };
    const outcome = await runService(
      { ...NO_CREDENTIALS, DATABASE_URL: `postgresql://nobody@127.0.0.1:${port}/stalled` },
      /Starting on (http:\/\/\S+) /,
    );
    if (!('serving' in outcome)) throw new Error(`exited ${outcome.exitCode}:\n${outcome.output}`);
    running.push(outcome.serving);
    for (const endpoint of ['/graphql', '/health', '/ready']) {
      const response = await fetch(`${outcome.serving.url}${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect((await response.json()).errors[0].extensions.code).toBe('STARTING');
    }
  });
});

describe('the sandbox key', () => {
  it('stays the same across restarts, in a file only its owner can read; the database keeps its hash only', async () => {
    const first = await start(sandboxEnv());
    const key = sandboxKeyOf(first);
    expect(first.output()).toContain(`kept in ${keyFile}`);
    await stop(first);

    const second = await start(sandboxEnv());
    expect(sandboxKeyOf(second)).toBe(key);
    expect((await ask(second, key)).status).toBe(200);

    expect((await readFile(keyFile, 'utf8')).trim()).toBe(key);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const rows = await apiKeyRows();
    expect(rows.filter((row) => !row.revokedAt)).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(key);

    // `keys rotate-sandbox` replaces it: the old one is refused at once.
    const cli = promisify(execFile);
    const { stdout } = await cli(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'rotate-sandbox'], {
      env: { ...process.env, ...sandboxEnv() },
    });
    const rotated = /(tk_\S+)/.exec(stdout)![1]!;
    expect(rotated).not.toBe(key);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(rotated);
    expect((await ask(second, key)).status).toBe(401);
    expect((await ask(second, rotated)).status).toBe(200);
    await stop(second);

    // A new database beside the same key file: the key is recorded there again, unchanged.
    if (TEST_POSTGRES_URL) {
      await dropScratchPostgresDatabase(TEST_POSTGRES_URL, databaseUrl);
      databaseUrl = await createScratchPostgresDatabase(TEST_POSTGRES_URL, 'takeover_startup');
    } else {
      for (const suffix of ['', '-wal', '-shm']) await rm(path.join(dir, 'data', `takeover.db${suffix}`), { force: true });
    }
    const third = await start(sandboxEnv());
    expect(sandboxKeyOf(third)).toBe(rotated);
    expect((await ask(third, rotated)).status).toBe(200);
  });
});
