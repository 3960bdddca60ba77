// One measurement of the service, for working on its speed: seeds (once) and reuses databases
// under BENCH_PROFILE_DIR, starts the simulator and the service as `npm run bench` does, warms up,
// loads it with autocannon and prints req/s and the service's CPU per request (from /proc).
// With BENCH_SERVICE_NODE_OPTIONS=--cpu-prof the service writes a CPU profile on exit; BENCH_ECHO=1
// passes its output through (e.g. --trace-gc).
//   tsx bench/profile.ts create|list|list-pg|fixed|cached [hundreds of requests]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';
import { CREATE, LIST, TYPENAME } from './operations.js';
import { seedTasks } from './seed.js';
import { openDatabase } from '../src/db/client.js';
import { createScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { DEFAULT_TENANT, recordApiKey } from '../src/db/tenants.js';
import { generateApiKey } from '../src/auth/api-key.js';

const [mode = 'create', secondsArg = '8'] = process.argv.slice(2);
const SECONDS = Number(secondsArg);
const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp/takeover-profile';
const TASKS = 100_000;
mkdirSync(dir, { recursive: true });
const statePath = path.join(dir, 'state.json');
let state = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as { key: string; sqlite: string; pg?: string }) : undefined;
if (!state) {
  const sqlite = `file:${path.join(dir, 'big.db')}`;
  await seedTasks(sqlite, TASKS);
  const pg = await createScratchPostgresDatabase('postgresql://postgres@127.0.0.1:5432/postgres', 'takeover_profile');
  await seedTasks(pg, TASKS);
  const generated = generateApiKey();
  for (const url of [sqlite, pg]) {
    const database = await openDatabase(url);
    await recordApiKey(database.db, DEFAULT_TENANT, generated, 'bench');
    await database.close();
  }
  state = { key: generated.key, sqlite, pg };
  writeFileSync(statePath, JSON.stringify(state));
}

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
function start(args: string[], env: NodeJS.ProcessEnv, listening = /on (http:\/\/\S+\/graphql)/) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise<{ url: string; child: ChildProcess }>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      if (process.env.BENCH_ECHO) process.stderr.write(chunk);
      output += chunk;
      const match = listening.exec(output);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function cpuMs(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

const platform = { SOFTSUGAR_APP_ID: 'simulator', SOFTSUGAR_APP_KEY: 'bench-key' };
const simulator = await start(['--import', 'tsx', 'src/platform/simulator-main.ts'], { SIMULATOR_APP_KEY: platform.SOFTSUGAR_APP_KEY }, /on (http:\/\/\S+)/);
const startScript = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
const startFlags = process.env.BENCH_START_FLAGS ?? /node ((?:--\S+\s+)*)dist\/src\/main\.js/.exec(startScript)?.[1] ?? '';
const flags = `${startFlags} ${process.env.BENCH_SERVICE_NODE_OPTIONS ?? ''}`.split(/\s+/).filter(Boolean);
const databaseUrl = mode === 'list-pg' ? state.pg! : state.sqlite;
const service = await start([...flags, process.env.BENCH_MAIN ?? 'dist/src/main.js'], {
  ...platform,
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOG_LEVEL: 'warn',
  GRAPHIQL: 'false',
  INTROSPECTION: 'false',
  PORT: '0',
  SOFTSUGAR_BASE_URL: simulator.url,
  DATABASE_URL: databaseUrl,
  ...(mode.startsWith('list') && { RESPONSE_CACHE_TTL_MS: '0' }),
});
const [query, variables] = mode === 'create' ? [CREATE, { params: seedSceneParams }] : mode === 'fixed' ? [TYPENAME, undefined] : [LIST, undefined];
const options = {
  url: service.url,
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${state.key}` },
  body: JSON.stringify({ query, variables }),
  connections: 10,
};
const sample = await (await fetch(service.url, { method: 'POST', headers: options.headers, body: options.body })).text();
if (sample.includes('"errors"')) throw new Error(sample.slice(0, 300));
// Warmed up by a number of requests, not seconds: on a busy machine a few seconds are a few dozen
// requests, and their CPU is mostly the JIT's.
await autocannon({ ...options, amount: Number(process.env.BENCH_WARM_UP ?? 500) });
const pid = service.child.pid!;
const before = cpuMs(pid);
const result = await autocannon({ ...options, amount: Number(process.env.BENCH_AMOUNT ?? SECONDS * 100) });
const used = cpuMs(pid) - before;
const rss = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
console.log(
  `${mode}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, CPU ${(used / result.requests.total).toFixed(2)} ms per request, ${result.non2xx} non-2xx, ${rss}`,
);
await new Promise<void>((resolve) => {
  service.child.once('exit', () => resolve());
  service.child.kill('SIGTERM');
});
simulator.child.kill('SIGTERM');
process.exit(0);
