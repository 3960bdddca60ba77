// The installable typed client (issue #12): `npm pack` the client/ workspace, install the tarball
// into a scratch TypeScript project without network (the tarball plus what is already on this
// machine), type-check a small program against it, and run it against the service over HTTP.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, startTestApp, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);
const root = process.cwd();
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');

let t: TestApp;
let url: string;
let scratch: string;
beforeAll(async () => {
  // A small per-key budget, so the program can see a 429 with its Retry-After.
  t = await startTestApp({ options: { limits: { ...DEFAULT_OPTIONS.limits, requestsPerMinute: 12, bodyBytes: 200_000 } } });
  url = `${await t.listen()}/graphql`;
  scratch = await mkdtemp(path.join(tmpdir(), 'client-package-'));
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const TSCONFIG = {
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: [] },
  include: ['*.ts'],
};

// The program a frontend developer would write: typed variables in, typed union results out.
const PROGRAM = `
import { createClient, CreateTakeoverVideoDocument, TasksDocument, type TakeoverParamsInput, type TransportError } from '@takeover/client';

declare const process: { argv: string[] };
const [url, apiKey] = process.argv.slice(2) as [string, string];
const client = createClient({ url, apiKey });
const params: TakeoverParamsInput = { resolution: { width: 1080, height: 1920 }, digitalRole: { fileId: '12345' }, ttsQuery: { content: 'Hello' } };
const out: Record<string, unknown> = {};

const created = await client.request(CreateTakeoverVideoDocument, { videoName: 'from the package', params });
if (created.ok) {
  const result = created.data.createTakeoverVideo;
  switch (result.__typename) {
    case 'CreateTakeoverVideoSuccess': out.created = { typename: result.__typename, status: result.task.status }; break;
    case 'ValidationError': out.created = { typename: result.__typename, issues: result.issues.map((i) => i.path) }; break;
    default: out.created = { typename: result.__typename };
  }
} else out.created = created.error;
const invalid = await client.request(CreateTakeoverVideoDocument, { videoName: 'bad', params: { ...params, resolution: { width: 1, height: 1920 } } });
if (invalid.ok && invalid.data.createTakeoverVideo.__typename === 'ValidationError') out.invalid = invalid.data.createTakeoverVideo.issues.map((i) => i.path);

const list = await client.request(TasksDocument, { first: 5 });
if (list.ok) out.listed = list.data.tasks.edges.map((edge) => edge.node.videoName);

const describe = (error: TransportError) => ({ kind: error.kind, status: error.status, ...(error.kind === 'rate-limited' && { retryAfterSeconds: error.retryAfterSeconds }), ...(error.kind === 'bad-input' && { issues: error.issues.map((i) => i.path) }) });
const tooMany = await client.request(TasksDocument, { first: 1000 });
if (!tooMany.ok) out.tooMany = describe(tooMany.error);
const noKey = await createClient({ url }).request(TasksDocument, { first: 1 });
if (!noKey.ok) out.noKey = describe(noKey.error);
const huge = await client.request(CreateTakeoverVideoDocument, { videoName: 'x'.repeat(300_000), params });
if (!huge.ok) out.huge = describe(huge.error);
const unreachable = await createClient({ url: 'http://127.0.0.1:9/graphql', apiKey }).request(TasksDocument, {});
if (!unreachable.ok) out.unreachable = describe(unreachable.error);
for (let i = 0; i < 30; i += 1) {
  const page = await client.request(TasksDocument, { first: 1 });
  if (!page.ok && page.error.kind === 'rate-limited') { out.limited = describe(page.error); break; }
}
console.log(JSON.stringify(out));
`;

// A mistake the types must catch: a variable of the wrong type, and a union member read without narrowing.
const WRONG = `
import { createClient, TasksDocument, CreateTakeoverVideoDocument } from '@takeover/client';
const client = createClient({ url: 'http://localhost/graphql' });
await client.request(TasksDocument, { first: 'ten' });
const created = await client.request(CreateTakeoverVideoDocument, { videoName: 'x', params: { resolution: { width: 1, height: 1 }, digitalRole: { fileId: 'f' } } });
if (created.ok) console.log(created.data.createTakeoverVideo.task);
`;

describe('@takeover/client', () => {
  it('packs, installs offline into a scratch project, type-checks, and runs against the service', async () => {
    await run('npm', ['pack', '--workspace', 'client', '--pack-destination', scratch, '--silent'], { cwd: root });
    const tarball = (await readdir(scratch)).find((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^takeover-client-.*\.tgz$/);
    const { stdout: listing } = await run('tar', ['-tzf', path.join(scratch, tarball!)]);
    expect(listing).toMatch(/package\/dist\/src\/index\.js/);
    expect(listing).toMatch(/package\/dist\/src\/index\.d\.ts/);
    expect(listing).not.toMatch(/package\/src\//);

    await writeFile(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    await writeFile(path.join(scratch, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    // No network: the tarball, and its one dependency from this checkout's node_modules.
    await run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`, path.join(root, 'node_modules', '@graphql-typed-document-node', 'core')],
      { cwd: scratch, env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' } },
    );

    await writeFile(path.join(scratch, 'program.ts'), PROGRAM);
    await run(tsc, ['-p', 'tsconfig.json'], { cwd: scratch }).catch((error: { stdout: string }) => {
      throw new Error(`tsc refused the program:\n${error.stdout}`);
    });

    const { stdout } = await run(process.execPath, ['out/program.js', url, t.apiKey], { cwd: scratch });
    const out = JSON.parse(stdout);
    expect(out.created).toEqual({ typename: 'CreateTakeoverVideoSuccess', status: 'SUBMITTED' });
    expect(out.invalid).toEqual(['params.resolution.width']);
    expect(out.listed).toEqual(['from the package']);
    expect(out.tooMany).toEqual({ kind: 'bad-input', status: 200, issues: ['first'] });
    expect(out.noKey).toEqual({ kind: 'unauthenticated', status: 401 });
    expect(out.huge).toEqual({ kind: 'payload-too-large', status: 413 });
    expect(out.unreachable).toMatchObject({ kind: 'network' });
    expect(out.limited).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: expect.any(Number) });
    expect(out.limited.retryAfterSeconds).toBeGreaterThan(0);
  }, 180_000);

  it('the installed types refuse wrong variables and unnarrowed union members', async () => {
    await writeFile(path.join(scratch, 'wrong.ts'), WRONG);
    const failed = await run(tsc, ['-p', 'tsconfig.json', '--noEmit'], { cwd: scratch }).then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    await rm(path.join(scratch, 'wrong.ts'));
    expect(failed).toMatch(/wrong\.ts.*first|'string' is not assignable to type 'number'/s);
    expect(failed).toMatch(/Property 'task' does not exist/);
  }, 60_000);

  it('turns a masked unexpected error into a typed value carrying the request id (run last: it breaks the database)', async () => {
    const { createClient, TasksDocument } = await import('../client/src/index.js');
    // Another key: the program above spent this one's small budget.
    const apiKey = await t.newTenant('tenant-masked');
    await t.db.$executeRawUnsafe(`DROP TABLE "Task"${t.database.provider === 'postgresql' ? ' CASCADE' : ''}`);
    const client = createClient({ url: 'http://test/graphql', apiKey, fetch: async (input, init) => t.app.fetch(String(input), init ?? {}), headers: { 'x-request-id': 'req-client-1' } });
    const result = await client.request(TasksDocument, { first: 1 });
    expect(result).toMatchObject({ ok: false, requestId: 'req-client-1', error: { kind: 'internal', requestId: 'req-client-1', message: 'Unexpected error.' } });
  });
});
