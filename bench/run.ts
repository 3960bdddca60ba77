// npm run bench: throughput and latency of the service against a bare yoga hello world on the
// same machine, over real HTTP (autocannon). Prints figures; asserts nothing.
//   BENCH_TASKS (default 1000000)  BENCH_SECONDS (default 10)  BENCH_CONNECTIONS (default 10)
//   BENCH_SERVICE_NODE_OPTIONS: Node flags for the service beyond those `npm start` uses, e.g. --cpu-prof
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';
import { CREATE, LIST } from './operations.js';
import { seedTasks } from './seed.js';
import { openDatabase } from '../src/db/client.js';
import { DEFAULT_TENANT, recordApiKey } from '../src/db/tenants.js';
import { generateApiKey } from '../src/auth/api-key.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const SMALL = 10_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Server {
  url: string;
  process: ChildProcess;
}

// Whatever happens, no server outlives the benchmark.
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Starts `node <args>` and waits for it to print the URL it listens on. */
function start(args: string[], env: NodeJS.ProcessEnv = {}, listening = /on (http:\/\/\S+\/graphql)/): Promise<Server> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = listening.exec(output);
      if (match) resolve({ url: match[1]!, process: child });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGTERM');
  });
}

/** Peak resident set size of a process, from /proc (Linux). */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

let apiKey = '';

async function load(url: string, query: string, variables?: unknown) {
  const body = JSON.stringify({ query, variables });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
  // Warm up, then measure.
  await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.non2xx || result.errors) {
    const sample = await fetch(url, { method: 'POST', headers, body }).then((r) => r.text());
    throw new Error(`${result.non2xx} non-2xx responses, ${result.errors} errors; one answer: ${sample.slice(0, 300)}`);
  }
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50 };
}

const dir = await mkdtemp(path.join(tmpdir(), 'takeover-bench-'));
const bigUrl = `file:${path.join(dir, 'big.db')}`;
const smallUrl = `file:${path.join(dir, 'small.db')}`;
try {
  let started = Date.now();
  await seedTasks(bigUrl, TASKS);
  const seedSeconds = (Date.now() - started) / 1000;
  await seedTasks(smallUrl, SMALL);
  // One key, recorded in both databases.
  const generated = generateApiKey();
  apiKey = generated.key;
  for (const url of [bigUrl, smallUrl]) {
    const { db } = await openDatabase(url);
    await recordApiKey(db, DEFAULT_TENANT, generated, 'bench');
    await db.$disconnect();
  }
  console.log(`seeded ${TASKS.toLocaleString('en')} tasks in ${seedSeconds.toFixed(1)} s (${Math.round(TASKS / seedSeconds).toLocaleString('en')} rows/s)`);

  // The service runs as `npm start` runs it (compiled); the simulator in a process of its own, as
  // a remote platform would be.
  const step = (what: string) => process.env.BENCH_DEBUG && console.error(`bench: ${what}`);
  step('simulator');
  const simulator = await start(['--import', 'tsx', 'src/platform/simulator-main.ts'], { SIMULATOR_APP_KEY: 'bench-key' }, /on (http:\/\/\S+)/);
  // The rate limit would otherwise be what is measured.
  // Production settings: no GraphiQL (its bundled assets alone hold tens of MB), no introspection.
  // The service runs with the flags `npm start` gives it (heap limits), plus any given here; as
  // arguments, since NODE_OPTIONS refuses some flags (--cpu-prof).
  const startScript = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const startFlags = /node ((?:--\S+\s+)*)dist\/src\/main\.js/.exec(startScript)?.[1] ?? '';
  const serviceFlags = `${startFlags} ${process.env.BENCH_SERVICE_NODE_OPTIONS ?? ''}`.split(/\s+/).filter(Boolean);
  const startService = (env: NodeJS.ProcessEnv) => start([...serviceFlags, 'dist/src/main.js'], { ...service, ...env });
  const service = { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', GRAPHIQL: 'false', INTROSPECTION: 'false', PORT: '0', SOFTSUGAR_BASE_URL: simulator.url, SOFTSUGAR_APP_ID: 'simulator', SOFTSUGAR_APP_KEY: 'bench-key' };
  const hello = await start(['--import', 'tsx', 'bench/hello-server.ts']);
  step('bare');
  const bare = await load(hello.url, '{ hello }');
  await stop(hello);

  const ceilingServer = await start(['--import', 'tsx', 'bench/ceiling-server.ts']);
  step('ceiling');
  const ceiling = { list: await load(ceilingServer.url, LIST), create: await load(ceilingServer.url, CREATE, { params: seedSceneParams }) };
  await stop(ceilingServer);

  // Without the response cache: what every first read of a page costs.
  const uncached = { RESPONSE_CACHE_TTL_MS: '0' };
  const small = await startService({ ...uncached, DATABASE_URL: smallUrl });
  step('list small');
  const listSmall = await load(small.url, LIST);
  await stop(small);
  const bigUncached = await startService({ ...uncached, DATABASE_URL: bigUrl });
  step('list big, uncached');
  const listBig = await load(bigUncached.url, LIST);
  await stop(bigUncached);

  // As deployed (response cache on): the same page read again and again, then submissions.
  const big = await startService({ DATABASE_URL: bigUrl });
  step('list big, cached');
  const listCached = await load(big.url, LIST);
  step('create');
  const create = await load(big.url, CREATE, { params: seedSceneParams });
  const rss = peakRssMb(big.process.pid!);
  await stop(big);
  await stop(simulator);

  const row = (name: string, value: string, target: string) => console.log(`${name.padEnd(52)} ${value.padStart(12)}   ${target}`);
  const rate = (measured: { rps: number; p99: number }) => [`${measured.rps.toFixed(0)} req/s`, `p99 ${measured.p99} ms`] as const;
  const ratio = (measured: { rps: number }) => (measured.rps / bare.rps).toFixed(2);
  const flags = serviceFlags.length ? `, service flags: ${serviceFlags.join(' ')}` : '';
  const tasks = TASKS.toLocaleString('en');
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per measurement, Node ${process.version}${flags}`);
  row('bare yoga hello world', ...rate(bare));
  row('ceiling: our schema, answers from memory: list', ...rate(ceiling.list));
  row('ceiling: our schema, answers from memory: create', ...rate(ceiling.create));
  row('createTakeoverVideo (seed scene, simulator)', ...rate(create));
  row(`tasks(first: 50) at ${tasks}, response cache hit`, ...rate(listCached));
  row(`tasks(first: 50) at ${tasks}, uncached`, ...rate(listBig));
  row(`tasks(first: 50) at ${SMALL.toLocaleString('en')}, uncached`, ...rate(listSmall));
  console.log('');
  row('mutation / bare throughput', ratio(create), `target >= 0.5   (ceiling ${ratio(ceiling.create)})`);
  row('list / bare throughput, response cache hit', ratio(listCached), `target >= 0.6   (ceiling ${ratio(ceiling.list)})`);
  row('list / bare throughput, uncached', ratio(listBig), `target >= 0.6   (ceiling ${ratio(ceiling.list)})`);
  row(`list p99 at ${tasks} / at ${SMALL.toLocaleString('en')}, uncached`, (listBig.p99 / listSmall.p99).toFixed(2), 'target <= 1.2');
  row('peak RSS of the service (as deployed)', `${rss.toFixed(0)} MB`, 'target < 200 MB');
} finally {
  await rm(dir, { recursive: true, force: true });
  process.exit(process.exitCode ?? 0);
}
