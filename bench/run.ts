// npm run bench: throughput and latency of the service against a bare yoga hello world on the
// same machine, over real HTTP (autocannon). Prints figures; asserts nothing.
//   BENCH_TASKS (default 1000000)  BENCH_SECONDS (default 10)  BENCH_CONNECTIONS (default 10)
//   BENCH_SERVICE_NODE_OPTIONS: V8 flags for the service, e.g. --max-old-space-size=128
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';
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

const LIST = /* GraphQL */ `{ tasks(first: 50) { edges { node { id videoName status platformTaskId createdAt expiresAt } } pageInfo { endCursor } } }`;
const CREATE = /* GraphQL */ `
  mutation Create($params: TakeoverParamsInput!) {
    createTakeoverVideo(videoName: "bench", params: $params) { __typename ... on CreateTakeoverVideoSuccess { task { id status } } }
  }
`;

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
  const service = { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', GRAPHIQL: 'false', INTROSPECTION: 'false', NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS ?? '', PORT: '0', SOFTSUGAR_BASE_URL: simulator.url, SOFTSUGAR_APP_ID: 'simulator', SOFTSUGAR_APP_KEY: 'bench-key' };
  const hello = await start(['--import', 'tsx', 'bench/hello-server.ts'], {}, /on (http:\/\/\S+\/graphql)/);
  step('bare');
  const bare = await load(hello.url, '{ hello }');
  await stop(hello);

  const small = await start(['dist/src/main.js'], { ...service, DATABASE_URL: smallUrl });
  step('list small');
  const listSmall = await load(small.url, LIST);
  await stop(small);

  const big = await start(['dist/src/main.js'], { ...service, DATABASE_URL: bigUrl });
  const listBig = await load(big.url, LIST);
  const create = await load(big.url, CREATE, { params: seedSceneParams });
  const rss = peakRssMb(big.process.pid!);
  await stop(big);
  await stop(simulator);

  const row = (name: string, value: string, target: string) => console.log(`${name.padEnd(48)} ${value.padStart(12)}   ${target}`);
  const flags = process.env.BENCH_SERVICE_NODE_OPTIONS ? `, service flags: ${process.env.BENCH_SERVICE_NODE_OPTIONS}` : '';
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per measurement, Node ${process.version}${flags}`);
  row('bare yoga hello world', `${bare.rps.toFixed(0)} req/s`, `p99 ${bare.p99} ms`);
  row('createTakeoverVideo (seed scene, simulator)', `${create.rps.toFixed(0)} req/s`, `p99 ${create.p99} ms`);
  row(`tasks(first: 50) at ${TASKS.toLocaleString('en')}`, `${listBig.rps.toFixed(0)} req/s`, `p99 ${listBig.p99} ms`);
  row(`tasks(first: 50) at ${SMALL.toLocaleString('en')}`, `${listSmall.rps.toFixed(0)} req/s`, `p99 ${listSmall.p99} ms`);
  console.log('');
  row('mutation / bare throughput', (create.rps / bare.rps).toFixed(2), 'target >= 0.5');
  row('list / bare throughput', (listBig.rps / bare.rps).toFixed(2), 'target >= 0.6');
  row(`list p99 at ${TASKS.toLocaleString('en')} / at ${SMALL.toLocaleString('en')}`, (listBig.p99 / listSmall.p99).toFixed(2), 'target <= 1.2');
  row('peak RSS of the service', `${rss.toFixed(0)} MB`, 'target < 200 MB');
} finally {
  await rm(dir, { recursive: true, force: true });
  process.exit(process.exitCode ?? 0);
}
