// The deployment test (run by .ci/run, not by `npm test`): README "Deploying" done for real.
// From a fresh clone of the current commit: the full install, the build, the production prune,
// then, with nothing but what a production install has (no tsx, no TypeScript, no Prisma CLI):
//   - two replicas of the compiled service on one PostgreSQL database and one Redis, on different
//     ports, with the compiled simulator as the platform: a key minted with the compiled CLI
//     (`npm run keys`), a submission through one replica listed through the other, one idempotency
//     key through both giving one platform task, the rate limit counted across both, SIGTERM
//     with submissions in flight, and nothing left SUBMITTING;
//   - one instance on SQLite, a second instance on its port refused, production without
//     credentials refused, `npm start` with SANDBOX=1 straight from the production install and
//     its sandbox key kept across restarts.
// Prints PASS/FAIL per step and exits non-zero on the first failure. Node built-ins only.
//   DEPLOY_TEST_POSTGRES_URL  server for the scratch database [TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/test]
//   DEPLOY_TEST_REDIS_URL     Redis for the replicas [TEST_REDIS_URL or redis://127.0.0.1:6379]
//   DEPLOY_TEST_KEEP=1        keep the temporary folder
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const POSTGRES = process.env.DEPLOY_TEST_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS = process.env.DEPLOY_TEST_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const RATE_LIMIT = 20;
const SCENE = { videoFormat: 'MP4', resolution: { width: 1080, height: 1920 }, digitalRole: { fileId: '12345' }, ttsQuery: { content: '您好' } };
const CREATE = `mutation ($key: String, $name: String!, $params: TakeoverParamsInput) {
  createTakeoverVideo(idempotencyKey: $key, videoName: $name, params: $params) {
    __typename
    ... on CreateTakeoverVideoSuccess { task { id status platformTaskId } }
    ... on SubmissionInProgress { task { id status } }
    ... on Error { message }
  }
}`;

const run = promisify(execFile);
const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'deployment-test-'));
const app = path.join(work, 'app');
const processes = new Set();
const cleanups = [];
const began = Date.now();

// Everything after the build runs with this environment: no variables of the caller's test setup.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(SOFTSUGAR_|DATABASE_URL|REDIS_|RATE_LIMIT|SANDBOX|NODE_ENV|PORT$|HOST$|TEST_)/.test(name)),
);

async function step(name, body) {
  const started = Date.now();
  try {
    const note = await body();
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}`);
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    await cleanup();
    console.log(`deployment test failed after ${((Date.now() - began) / 1000).toFixed(0)} s (files kept in ${work})`);
    process.exit(1);
  }
}

function skip(name, reason) {
  console.log(`SKIP ${name}: ${reason}`);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function sh(command, args, options = {}) {
  try {
    return (await run(command, args, { cwd: app, env: baseEnv, maxBuffer: 64 * 1024 * 1024, ...options })).stdout;
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (${error.code}):\n${output}`);
  }
}

/** A long-running process of the production install, with its output kept for assertions. */
function launch(name, command, args, env, { group = false } = {}) {
  const child = spawn(command, args, { cwd: app, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
  const proc = { name, child, output: '', exit: undefined };
  proc.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  child.stdout.on('data', (chunk) => (proc.output += chunk));
  child.stderr.on('data', (chunk) => (proc.output += chunk));
  proc.kill = (signal) => (group ? process.kill(-child.pid, signal) : child.kill(signal));
  processes.add(proc);
  void proc.exit.then(() => processes.delete(proc));
  return proc;
}

async function waitFor(proc, pattern, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = pattern.exec(proc.output);
    if (match) return match;
    if (!processes.has(proc)) throw new Error(`${proc.name} exited (${await proc.exit}) before printing ${pattern}:\n${proc.output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${proc.name} did not print ${pattern} within ${timeoutMs / 1000} s:\n${proc.output}`);
}

async function stop(proc, signal = 'SIGTERM') {
  proc.kill(signal);
  const code = await Promise.race([proc.exit, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
  check(code === 0, `${proc.name} exited with ${code} on ${signal}:\n${proc.output}`);
}

function startService(name, env) {
  const proc = launch(name, process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=96', 'dist/src/main.js'], {
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  proc.ready = waitFor(proc, /Takeover GraphQL API on (http:\/\/\S+\/graphql)/).then((match) => (proc.url = match[1]));
  return proc;
}

async function graphql(url, key, query, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * A repeat that finds the first call still running is answered SubmissionInProgress: asked again
 * until it is over, every 300 ms (the rate limit of RATE_LIMIT a minute counts every ask).
 */
async function submit(url, key, idempotencyKey, name) {
  for (;;) {
    const { status, body } = await graphql(url, key, CREATE, { key: idempotencyKey, name, params: SCENE });
    const result = body.data?.createTakeoverVideo;
    if (status === 200 && result?.__typename === 'SubmissionInProgress') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      continue;
    }
    check(status === 200 && result?.__typename === 'CreateTakeoverVideoSuccess', `submission through ${url} answered ${status}: ${JSON.stringify(body)}`);
    return result.task;
  }
}

async function mintKey(tenant, viaNpm) {
  const args = viaNpm ? ['npm', ['run', '-s', 'keys', '--', 'create', tenant, 'deployment test']] : [process.execPath, ['dist/src/cli/keys.js', 'create', tenant]];
  const stdout = await sh(...args, { env: { ...baseEnv, ...databaseEnv } });
  const key = /(tk_\S+)/.exec(stdout)?.[1];
  check(key, `the keys CLI printed no key:\n${stdout}`);
  return key;
}

/** The database the service uses, opened with the compiled service's own code. */
async function withDatabase(use) {
  const { openDatabase } = await import(pathToFileURL(path.join(app, 'dist/src/db/client.js')).href);
  const database = await openDatabase(databaseEnv.DATABASE_URL);
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}

const statusesIn = async (db) => (await db.task.findMany({ select: { status: true } })).map((task) => task.status);
const taskStatuses = () => withDatabase(statusesIn);

async function cleanup() {
  for (const proc of processes) proc.kill('SIGKILL');
  for (const job of cleanups.reverse()) await job().catch(() => {});
}

let databaseEnv;
let platformEnv;
let simulator;

async function startSimulator() {
  const appKey = randomBytes(16).toString('hex');
  simulator = launch('simulator', process.execPath, ['dist/src/platform/simulator-main.js'], {
    SIMULATOR_APP_KEY: appKey,
    SIMULATOR_CREATE_LATENCY_MS: '800',
  });
  const [, url] = await waitFor(simulator, /platform simulator on (http:\/\/\S+)/);
  platformEnv = { SOFTSUGAR_BASE_URL: url, SOFTSUGAR_APP_ID: 'simulator', SOFTSUGAR_APP_KEY: appKey };
}

async function stopSimulator() {
  await stop(simulator);
  return Number(/(\d+) tasks created/.exec(simulator.output)?.[1]);
}

// ---------------------------------------------------------------------------------------------
const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: source })).stdout.trim();
if ((await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: source })).stdout.trim()) {
  console.log(`note: uncommitted changes in ${source} are not part of this test (it tests commit ${commit.slice(0, 10)})`);
}

await step('fresh clone of this commit', async () => {
  await run('git', ['clone', '--quiet', '--no-hardlinks', source, app]);
  await sh('git', ['checkout', '--quiet', commit]);
  return `${commit.slice(0, 10)} in ${app}`;
});
/**
 * With internet access, better-sqlite3's install downloads its prebuilt binary; here it cannot, and
 * compiling SQLite takes a minute or two. The binary this checkout's own install produced (same
 * version, same Node ABI) is offered as that download, through prebuild-install's local-prebuilds
 * option, so the test spends its time on the deployment, not on a compiler.
 */
async function offerBuiltSqliteBinary() {
  const packageDir = path.join(source, 'node_modules', 'better-sqlite3');
  const binary = path.join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binary)) return {};
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const dir = path.join(work, 'prebuilds');
  mkdirSync(dir);
  const tarball = path.join(dir, `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  await run('tar', ['-czf', tarball, '-C', packageDir, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

await step('full install: npm ci', async () => {
  const env = { ...baseEnv, ...(await offerBuiltSqliteBinary()) };
  await sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { env });
  return env.npm_config_better_sqlite3_local_prebuilds ? "better-sqlite3's binary offered as its prebuilt download" : 'better-sqlite3 compiled';
});
await step('build: npm run build', async () => {
  await sh('npm', ['run', 'build']);
  for (const file of ['dist/src/main.js', 'dist/src/cli/keys.js', 'dist/src/platform/simulator-main.js']) {
    check(existsSync(path.join(app, file)), `${file} was not built`);
  }
});
await step('production install: npm prune --omit=dev --omit=optional', async () => {
  await sh('npm', ['prune', '--omit=dev', '--omit=optional', '--no-audit', '--no-fund', '--loglevel=error']);
  const left = ['typescript', 'tsx', 'prisma', 'vitest', '@graphql-codegen/cli', '.bin/tsc', '.bin/tsx', '.bin/prisma'].filter((name) =>
    existsSync(path.join(app, 'node_modules', name)),
  );
  check(left.length === 0, `dev tools still installed: ${left.join(', ')}`);
});

// --- two replicas on PostgreSQL and Redis ------------------------------------------------------
const replicas = [];
let key;
await step('platform simulator (compiled) starts', startSimulator);
await step('two replicas start together on one fresh PostgreSQL database and one Redis', async () => {
  const { createScratchPostgresDatabase, dropScratchPostgresDatabase } = await import(
    pathToFileURL(path.join(app, 'dist/src/db/postgres-scratch.js')).href
  );
  const url = await createScratchPostgresDatabase(POSTGRES, 'takeover_deploy');
  cleanups.push(() => dropScratchPostgresDatabase(POSTGRES, url));
  databaseEnv = { DATABASE_URL: url };
  const env = {
    ...databaseEnv,
    ...platformEnv,
    NODE_ENV: 'production',
    REDIS_URL: REDIS,
    REDIS_KEY_PREFIX: `deployment-test:${randomBytes(4).toString('hex')}:`,
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    GRAPHIQL: 'false',
    INTROSPECTION: 'false',
  };
  replicas.push(startService('replica A', env), startService('replica B', env));
  await Promise.all(replicas.map((replica) => replica.ready));
  check(replicas[0].url !== replicas[1].url, 'both replicas on one port');
  return `${replicas[0].url} and ${replicas[1].url}`;
});
const [a, b] = replicas;

await step('mint an API key with the compiled CLI: npm run keys -- create', async () => {
  key = await mintKey('deploy', true);
});

let first;
await step('submit through replica A', async () => {
  first = await submit(a.url, key, 'deploy-1', 'through A');
  check(first.status === 'SUBMITTED', `status ${first.status}`);
});
await step('list through replica B', async () => {
  const { body } = await graphql(b.url, key, '{ tasks(first: 10) { edges { node { id status } } } }');
  const ids = body.data?.tasks.edges.map((edge) => edge.node.id);
  check(ids?.includes(first.id), `B lists ${JSON.stringify(body)}`);
});
await step('one idempotency key through both replicas: one task, one platform call', async () => {
  const again = await submit(b.url, key, 'deploy-1', 'through A');
  check(again.id === first.id && again.platformTaskId === first.platformTaskId, `B made another task: ${JSON.stringify(again)}`);
  const both = await Promise.all([a, b].map((replica) => submit(replica.url, key, 'deploy-2', 'both at once')));
  check(both[0].id === both[1].id && both[0].platformTaskId === both[1].platformTaskId, `two tasks for one key sent to both at once: ${JSON.stringify(both)}`);
});

if (existsSync(path.join(app, 'src/shared-state'))) {
  await step(`rate limit of ${RATE_LIMIT}/min counted across both replicas`, async () => {
    const limited = await mintKey('ratelimit', false);
    const statuses = [];
    for (let n = 0; n < RATE_LIMIT + 2; n += 1) {
      statuses.push((await graphql(replicas[n % 2].url, limited, `query Q${n} { __typename }`)).status);
    }
    const allowed = statuses.slice(0, RATE_LIMIT);
    check(allowed.every((status) => status === 200), `within the limit: ${allowed.join(' ')}`);
    check(statuses[RATE_LIMIT] === 429 && statuses[RATE_LIMIT + 1] === 429, `past the limit (A, B): ${statuses.slice(RATE_LIMIT).join(' ')}`);
  });
} else {
  skip(`rate limit of ${RATE_LIMIT}/min counted across both replicas`, 'this build has no shared rate limiter (src/shared-state/ is missing)');
}

await step('SIGTERM to both replicas with submissions in flight: all answered, exit 0', async () => {
  const inFlight = [0, 1, 2, 3].map((n) => submit(replicas[n % 2].url, key, `deploy-stop-${n}`, `stop ${n}`));
  // Each is recorded before its slow platform call: wait until all four are, then stop.
  const pending = await withDatabase(async (db) => {
    for (;;) {
      const statuses = await statusesIn(db);
      if (statuses.length >= 6) return statuses.filter((status) => status === 'SUBMITTING').length;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  await Promise.all([stop(a), stop(b)]);
  const answered = await Promise.all(inFlight);
  check(answered.every((task) => task.status === 'SUBMITTED'), JSON.stringify(answered));
  return `${pending} of 4 still waiting for the platform at SIGTERM`;
});
await step('nothing left SUBMITTING; one platform task per recorded task', async () => {
  const statuses = await taskStatuses();
  check(statuses.length === 6 && statuses.every((status) => status === 'SUBMITTED'), `tasks: ${statuses.join(', ')}`);
  const created = await stopSimulator();
  check(created === statuses.length, `the platform created ${created} tasks for ${statuses.length} records`);
  return `${statuses.length} tasks, ${created} platform tasks`;
});

// --- one instance on SQLite --------------------------------------------------------------------
let single;
await step('SQLite: mint a key with the compiled CLI, start one instance', async () => {
  await startSimulator();
  databaseEnv = { DATABASE_URL: `file:${path.join(work, 'sqlite', 'takeover.db')}` };
  key = await mintKey('deploy', false);
  single = startService('SQLite instance', { ...databaseEnv, ...platformEnv, NODE_ENV: 'production' });
  await single.ready;
});
await step('SQLite: submit and list', async () => {
  const task = await submit(single.url, key, 'sqlite-1', 'on SQLite');
  const { body } = await graphql(single.url, key, '{ tasks(first: 10) { edges { node { id status } } } }');
  check(body.data?.tasks.edges[0]?.node.id === task.id, JSON.stringify(body));
});
await step('a second instance on the same port: one line, exit 1, nothing minted', async () => {
  const port = new URL(single.url).port;
  const keys = () => withDatabase((db) => db.apiKey.findMany({ orderBy: { prefix: 'asc' } }));
  const before = JSON.stringify(await keys());
  const second = launch('second instance', process.execPath, ['dist/src/main.js'], { ...databaseEnv, NODE_ENV: 'production', SANDBOX: '1', PORT: port });
  const code = await second.exit;
  check(code === 1 && second.output.trim() === `port ${port} on 127.0.0.1 is in use (another instance running?)`, `exit ${code}:\n${second.output}`);
  check(JSON.stringify(await keys()) === before, 'the API keys changed');
  check((await graphql(single.url, key, '{ __typename }')).status === 200, 'the running instance refuses its key');
});
await step('SQLite: SIGTERM, nothing left SUBMITTING', async () => {
  await stop(single);
  const statuses = await taskStatuses();
  check(statuses.length === 1 && statuses[0] === 'SUBMITTED', statuses.join(', '));
  await stopSimulator();
});
await step('production without platform credentials refuses to start', async () => {
  const refused = launch('no credentials', process.execPath, ['dist/src/main.js'], { ...databaseEnv, NODE_ENV: 'production' });
  const code = await refused.exit;
  check(code === 1 && /^NODE_ENV=production needs SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY/.test(refused.output.trim()), `exit ${code}:\n${refused.output}`);
});

// --- npm start from the production install -----------------------------------------------------
const sandboxDatabase = path.join(work, 'sandbox', 'takeover.db');
let sandboxKey;
for (const round of ['first', 'second']) {
  await step(`npm start in the production install, SANDBOX=1 (${round} start)`, async () => {
    const started = Date.now();
    const npm = launch(`npm start (${round})`, 'npm', ['start'], { DATABASE_URL: `file:${sandboxDatabase}`, NODE_ENV: 'production', SANDBOX: '1', PORT: '0', LOG_LEVEL: 'warn' }, { group: true });
    const [, url] = await waitFor(npm, /Takeover GraphQL API on (http:\/\/\S+\/graphql)/);
    const serving = ((Date.now() - started) / 1000).toFixed(1);
    check(!/prepare:/.test(npm.output), `npm start wanted to install or build:\n${npm.output}`);
    const printed = /Sandbox API key[^:]*: (tk_\S+)/.exec(npm.output)?.[1];
    check(printed && (sandboxKey === undefined || printed === sandboxKey), `sandbox key ${round === 'first' ? 'missing' : 'changed across restarts'}:\n${npm.output}`);
    sandboxKey = printed;
    check((statSync(`${sandboxDatabase}.sandbox-key`).mode & 0o777) === 0o600, 'the sandbox key file is readable by others');
    const { status } = await graphql(url, sandboxKey, '{ tasks(first: 1) { edges { cursor } } }');
    check(status === 200, `the sandbox key was refused (${status})`);
    await stop(npm);
    return `serving ${serving} s after npm start`;
  });
}

await cleanup();
if (!process.env.DEPLOY_TEST_KEEP) rmSync(work, { recursive: true, force: true });
console.log(`deployment test passed in ${((Date.now() - began) / 1000).toFixed(0)} s`);
