// npm run bench: the service against what a user would pick instead, measured in the same run on
// the same machine, over real HTTP (autocannon). Prints each measurement (req/s, p99, the server's
// CPU per request from /proc) and each ratio with its target; asserts nothing. The peers:
//   - a bare graphql-yoga hello world (bench/hello-server.ts), for the fixed cost and cache hits;
//   - a hand-written node:http forwarder (bench/forwarder.ts) doing a submission's work;
//   - PostGraphile 5 over the same PostgreSQL table (bench/postgraphile/, installed there on
//     first use; not a dependency of the service).
// Each peer and the service it is compared with are up side by side and measured one after the
// other, in rounds; each line shows the median over the rounds, each ratio its median and range.
// Settings:
//   BENCH_QUICK=1: 100,000 tasks, 3 s per measurement, one round, for a run of a minute or two
//   BENCH_TASKS (default 1000000)  BENCH_SECONDS (default 10)  BENCH_ROUNDS (default 3)
//   BENCH_CONNECTIONS (default 10)
//   BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres): the server the
//     scratch database is created on (and dropped); the PostgreSQL lines are left out when it
//     cannot be reached
//   BENCH_CEILING=1: also this API's schema on a bare yoga answering from memory (bench/ceiling-server.ts)
//   BENCH_SERVICE_NODE_OPTIONS: Node flags for the service beyond those `npm start` uses, e.g. --cpu-prof
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';
import { CREATE, LIST, POSTGRAPHILE_LIST, TYPENAME } from './operations.js';
import { seedTasks } from './seed.js';
import { openDatabase } from '../src/db/client.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { DEFAULT_TENANT, recordApiKey } from '../src/db/tenants.js';
import { generateApiKey } from '../src/auth/api-key.js';

const QUICK = process.env.BENCH_QUICK === '1';
const TASKS = Number(process.env.BENCH_TASKS ?? (QUICK ? 100_000 : 1_000_000));
const SMALL = 10_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
const WARM_UP_SECONDS = QUICK ? 1 : 2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const POSTGRAPHILE_DIR = 'bench/postgraphile';
const step = (what: string) => process.env.BENCH_DEBUG && console.error(`bench: ${what}`);

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
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} exited (${code}) before listening:\n${output}`)));
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

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined if it cannot be read. */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * CPU of the PostgreSQL backends serving one database (read from /proc, so only where the server
 * runs on this machine). A backend that exits during a measurement takes its CPU with it; the
 * pools keep their connections under load, so none should.
 */
class PostgresCpu {
  constructor(
    private readonly admin: pg.Client,
    private readonly database: string,
  ) {}

  async snapshot(): Promise<Map<number, number | undefined>> {
    const { rows } = await this.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database]);
    return new Map(rows.map(({ pid }) => [pid, cpuMs(pid)]));
  }

  static used(before: Map<number, number | undefined>, after: Map<number, number | undefined>): number | undefined {
    let total = 0;
    for (const [pid, now] of after) {
      const then = before.has(pid) ? before.get(pid) : 0;
      if (now === undefined || then === undefined) return undefined;
      total += now - then;
    }
    return total;
  }
}

interface Request {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Text a correct answer contains (GraphQL errors come with status 200). */
  expect: string;
}

interface Measured {
  rps: number;
  p99: number;
  /** Server CPU per completed request, ms. */
  cpu: number | undefined;
  /** PostgreSQL backends' CPU per completed request, ms, when measured. */
  postgresCpu?: number | undefined;
}

let apiKey = '';
const graphql = (url: string, query: string, expect: string, variables?: unknown): Request => ({
  url,
  body: JSON.stringify({ query, variables }),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
  expect,
});

async function answer({ url, body, headers }: Request): Promise<string> {
  return (await fetch(url, { method: 'POST', headers, body })).text();
}

/** One measurement; the first of each server and request is preceded by a warm-up. */
const warm = new Set<string>();
async function measure(server: Server, request: Request, postgres?: PostgresCpu): Promise<Measured> {
  const sample = await answer(request);
  if (!sample.includes(request.expect) || sample.includes('"errors"')) throw new Error(`unexpected answer from ${request.url}: ${sample.slice(0, 300)}`);
  const options = { url: request.url, method: 'POST' as const, headers: request.headers, body: request.body, connections: CONNECTIONS };
  if (!warm.has(request.url + request.body)) await autocannon({ ...options, duration: WARM_UP_SECONDS });
  warm.add(request.url + request.body);
  const pid = server.process.pid!;
  const cpuBefore = cpuMs(pid);
  const postgresBefore = await postgres?.snapshot();
  const result = await autocannon({ ...options, duration: SECONDS });
  const cpuAfter = cpuMs(pid);
  const postgresAfter = await postgres?.snapshot();
  if (result.non2xx || result.errors) {
    throw new Error(`${result.non2xx} non-2xx responses, ${result.errors} errors; one answer: ${(await answer(request)).slice(0, 300)}`);
  }
  const requests = result.requests.total;
  const perRequest = (ms: number | undefined) => (ms === undefined || !requests ? undefined : ms / requests);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpu: perRequest(cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore),
    ...(postgres && { postgresCpu: perRequest(PostgresCpu.used(postgresBefore!, postgresAfter!)) }),
  };
}

/** The row ids of a page of either peer: the service's ids are global ids, base64 of `Task:<id>`. */
function pageIds(json: string, connection: 'tasks' | 'allTasks'): string[] {
  const edges = (JSON.parse(json) as { data: Record<string, { edges: { node: { id: string } }[] }> }).data[connection]!.edges;
  return edges.map(({ node }) => (connection === 'tasks' ? Buffer.from(node.id, 'base64').toString('utf8').replace(/^Task:/, '') : node.id));
}

/** PostGraphile lives in a folder of its own; its dependencies are installed there on first use. */
function installPostGraphile(): string {
  if (!existsSync(path.join(POSTGRAPHILE_DIR, 'node_modules'))) {
    console.log(`installing PostGraphile into ${POSTGRAPHILE_DIR} (first run only)`);
    execFileSync('npm', ['ci', '--prefix', POSTGRAPHILE_DIR, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  }
  return (JSON.parse(readFileSync(path.join(POSTGRAPHILE_DIR, 'node_modules/postgraphile/package.json'), 'utf8')) as { version: string }).version;
}

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version.split(' ')[0];
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${POSTGRES_SERVER} (${(error as Error).message}): the PostgreSQL lines are left out`);
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'takeover-bench-'));
const bigUrl = `file:${path.join(dir, 'big.db')}`;
const smallUrl = `file:${path.join(dir, 'small.db')}`;
let postgresUrl: string | undefined;
let admin: pg.Client | undefined;
async function cleanUp() {
  children.forEach((child) => child.kill('SIGKILL'));
  await admin?.end().catch(() => {});
  if (postgresUrl) await dropScratchPostgresDatabase(POSTGRES_SERVER, postgresUrl).catch(() => {});
  await rm(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

const loadBefore = loadavg()[0]!;
try {
  const postgresVersion = await postgresReachable();
  const postgraphileVersion = postgresVersion ? installPostGraphile() : undefined;
  const tasks = TASKS.toLocaleString('en');
  const seed = async (url: string, count: number, what: string) => {
    const started = Date.now();
    await seedTasks(url, count);
    const seconds = (Date.now() - started) / 1000;
    console.log(`seeded ${count.toLocaleString('en')} tasks into ${what} in ${seconds.toFixed(1)} s (${Math.round(count / seconds).toLocaleString('en')} rows/s)`);
  };
  await seed(bigUrl, TASKS, 'SQLite');
  await seed(smallUrl, SMALL, 'SQLite');
  if (postgresVersion) {
    postgresUrl = await createScratchPostgresDatabase(POSTGRES_SERVER, 'takeover_bench');
    await seed(postgresUrl, TASKS, 'PostgreSQL');
    admin = new pg.Client({ connectionString: POSTGRES_SERVER });
    await admin.connect();
  }
  // One key, recorded in every database.
  const generated = generateApiKey();
  apiKey = generated.key;
  for (const url of [bigUrl, smallUrl, ...(postgresUrl ? [postgresUrl] : [])]) {
    const database = await openDatabase(url);
    await recordApiKey(database.db, DEFAULT_TENANT, generated, 'bench');
    await database.close();
  }

  // The service runs as `npm start` runs it (compiled, with its Node flags, plus any given here;
  // as arguments, since NODE_OPTIONS refuses some flags such as --cpu-prof), with production
  // settings (no GraphiQL, no introspection) and a rate limit that is not what gets measured.
  // The peers run with Node's defaults, as their users would run them. The platform simulator
  // runs in a process of its own, as a remote platform would; the service and the forwarder
  // both submit to it.
  const platform = { SOFTSUGAR_APP_ID: 'simulator', SOFTSUGAR_APP_KEY: 'bench-key' };
  const simulator = await start(['--import', 'tsx', 'src/platform/simulator-main.ts'], { SIMULATOR_APP_KEY: platform.SOFTSUGAR_APP_KEY }, /on (http:\/\/\S+)/);
  const startScript = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const startFlags = /node ((?:--\S+\s+)*)dist\/src\/main\.js/.exec(startScript)?.[1] ?? '';
  const serviceFlags = `${startFlags} ${process.env.BENCH_SERVICE_NODE_OPTIONS ?? ''}`.split(/\s+/).filter(Boolean);
  const service = { ...platform, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', GRAPHIQL: 'false', INTROSPECTION: 'false', PORT: '0', SOFTSUGAR_BASE_URL: simulator.url };
  const startService = (env: NodeJS.ProcessEnv) => start([...serviceFlags, 'dist/src/main.js'], { ...service, ...env });
  const uncached = { RESPONSE_CACHE_TTL_MS: '0' };
  const results = new Map<string, Measured[]>();
  const record = async (name: string, measuring: Promise<Measured>) => {
    step(name);
    const measured = await measuring;
    results.set(name, [...(results.get(name) ?? []), measured]);
  };

  // Phase 1, SQLite at TASKS rows, the service as deployed (response cache on): the fixed cost
  // and a cached page against the bare yoga; submissions against the forwarder, which writes
  // into the same Task table.
  const hello = await start(['--import', 'tsx', 'bench/hello-server.ts']);
  const deployed = await startService({ DATABASE_URL: bigUrl });
  const forwarderServer = await start(['--import', 'tsx', 'bench/forwarder.ts'], { ...platform, DATABASE_URL: bigUrl, SOFTSUGAR_BASE_URL: simulator.url }, /on (http:\/\/\S+)/);
  const ceilingServer = process.env.BENCH_CEILING === '1' ? await start(['--import', 'tsx', 'bench/ceiling-server.ts']) : undefined;
  const forwarderRequest = {
    url: forwarderServer.url,
    body: JSON.stringify({ videoName: 'bench', params: seedSceneParams }),
    headers: { 'content-type': 'application/json' },
    expect: '"SUBMITTED"',
  };
  for (let round = 0; round < ROUNDS; round++) {
    await record('bare', measure(hello, graphql(hello.url, '{ hello }', 'world')));
    await record('fixed', measure(deployed, graphql(deployed.url, TYPENAME, '"Query"')));
    await record('cached', measure(deployed, graphql(deployed.url, LIST, '"edges"')));
    if (ceilingServer) {
      await record('ceiling list', measure(ceilingServer, graphql(ceilingServer.url, LIST, '"edges"')));
      await record('ceiling create', measure(ceilingServer, graphql(ceilingServer.url, CREATE, 'CreateTakeoverVideoSuccess', { params: seedSceneParams })));
    }
    await record('forwarder', measure(forwarderServer, forwarderRequest));
    await record('create', measure(deployed, graphql(deployed.url, CREATE, 'CreateTakeoverVideoSuccess', { params: seedSceneParams })));
  }
  const rss = peakRssMb(deployed.process.pid!);
  for (const server of [hello, deployed, forwarderServer, ceilingServer, simulator]) if (server) await stop(server);

  // Phase 2, without the response cache (what every first read of a page costs): SQLite at
  // TASKS and at SMALL rows, for the latency's growth with the table.
  const bigUncached = await startService({ ...uncached, DATABASE_URL: bigUrl });
  const small = await startService({ ...uncached, DATABASE_URL: smallUrl });
  for (let round = 0; round < ROUNDS; round++) {
    await record('sqlite', measure(bigUncached, graphql(bigUncached.url, LIST, '"edges"')));
    await record('small', measure(small, graphql(small.url, LIST, '"edges"')));
  }
  await stop(bigUncached);
  await stop(small);

  // Phase 3, PostgreSQL at TASKS rows, uncached: PostGraphile against the service.
  if (postgresUrl && admin) {
    const cpu = new PostgresCpu(admin, new URL(postgresUrl).pathname.slice(1));
    const ours = await startService({ ...uncached, DATABASE_URL: postgresUrl });
    const theirs = await start([path.join(POSTGRAPHILE_DIR, 'server.mjs')], { DATABASE_URL: postgresUrl, GRAPHILE_ENV: 'production' });
    const ourRequest = graphql(ours.url, LIST, '"edges"');
    const theirRequest = graphql(theirs.url, POSTGRAPHILE_LIST, '"edges"');
    // Both must answer the same page, or the comparison means nothing.
    const [ourIds, theirIds] = [pageIds(await answer(ourRequest), 'tasks'), pageIds(await answer(theirRequest), 'allTasks')];
    if (ourIds.length !== 50 || ourIds.join() !== theirIds.join()) {
      throw new Error(`the service and PostGraphile answer different pages:\n${ourIds.join(' ')}\n${theirIds.join(' ')}`);
    }
    for (let round = 0; round < ROUNDS; round++) {
      await record('postgraphile', measure(theirs, theirRequest, cpu));
      await record('postgres', measure(ours, ourRequest, cpu));
    }
    await stop(theirs);
    await stop(ours);
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const medianOf = (values: (number | undefined)[]) => (values.some((v) => v === undefined) ? undefined : median(values as number[]));
  const totalCpu = (m: Measured) => (m.cpu === undefined || ('postgresCpu' in m && m.postgresCpu === undefined) ? undefined : m.cpu + (m.postgresCpu ?? 0));

  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)} ms`);
  const line = (name: string, key: string) => {
    const rounds = results.get(key);
    if (!rounds) return console.log(`${name.padEnd(56)} not measured (no PostgreSQL)`);
    const postgresCpu = 'postgresCpu' in rounds[0]! ? ` + ${ms(medianOf(rounds.map((m) => m.postgresCpu)))} PostgreSQL` : '';
    const [rps, p99, cpu] = [median(rounds.map((m) => m.rps)), median(rounds.map((m) => m.p99)), medianOf(rounds.map((m) => m.cpu))];
    console.log(`${name.padEnd(56)} ${rps.toFixed(0).padStart(6)} req/s   p99 ${p99.toFixed(0).padStart(4)} ms   CPU ${ms(cpu)}${postgresCpu} per request`);
  };
  const flags = serviceFlags.length ? `; service flags: ${serviceFlags.join(' ')}` : '';
  const versions = postgresVersion ? `, PostgreSQL ${postgresVersion}, PostGraphile ${postgraphileVersion}` : '';
  const roundsNote = ROUNDS > 1 ? `, median of ${ROUNDS} rounds` : '';
  // Other work on the machine shows in throughput far more than in CPU per request.
  const load = `load average ${loadBefore.toFixed(1)} on ${availableParallelism()} cores before the run`;
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per measurement${roundsNote}, ${tasks} tasks, Node ${process.version}${versions}${flags}; ${load}`);
  line('bare yoga hello world', 'bare');
  if (results.has('ceiling list')) {
    line('ceiling: our schema, answers from memory: list', 'ceiling list');
    line('ceiling: our schema, answers from memory: create', 'ceiling create');
  }
  line('{ __typename } with an API key', 'fixed');
  line(`tasks(first: 50) at ${tasks}, response cache hit`, 'cached');
  line('forwarder: the same submission, by hand (node:http)', 'forwarder');
  line('createTakeoverVideo (seed scene, simulator)', 'create');
  line(`PostGraphile 5: allTasks(first: 50) at ${tasks}`, 'postgraphile');
  line(`tasks(first: 50) at ${tasks}, PostgreSQL, uncached`, 'postgres');
  line(`tasks(first: 50) at ${tasks}, SQLite, uncached`, 'sqlite');
  line(`tasks(first: 50) at ${SMALL.toLocaleString('en')}, SQLite, uncached`, 'small');

  // Per round: ours ÷ the peer's throughput, and the peer's CPU per request ÷ ours (steadier on a busy machine).
  const spread = (values: number[]) => {
    const text = median(values).toFixed(2);
    return values.length > 1 ? `${text} (${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)})` : text;
  };
  const verdict = (met: boolean) => (met ? 'met' : 'not met');
  const ratio = (name: string, oursKey: string, peerKey: string, target?: { min: number; aim?: number }) => {
    const [ours, peer] = [results.get(oursKey), results.get(peerKey)];
    if (!ours || !peer) return console.log(`${name.padEnd(56)} n/a (no PostgreSQL)`);
    const byRate = ours.map((m, i) => m.rps / peer[i]!.rps);
    const cpus = ours.map((m, i) => [totalCpu(m), totalCpu(peer[i]!)] as const);
    const byCpu = cpus.every(([o, p]) => o && p) ? cpus.map(([o, p]) => p! / o!) : undefined;
    const goal = target
      ? `target >= ${target.min}${target.aim ? `, aim ${target.aim.toFixed(1)}` : ''}: ${verdict(median(byRate) >= target.min)} by req/s` +
        (byCpu ? `, ${verdict(median(byCpu) >= target.min)} by CPU` : '')
      : 'reported, no target';
    console.log(`${name.padEnd(56)} ${spread(byRate).padEnd(17)} ${(byCpu ? spread(byCpu) : 'n/a').padEnd(17)} ${goal}`);
  };
  console.log(`\n${'service ÷ peer'.padEnd(56)} ${'by req/s'.padEnd(17)} ${'by CPU/request'.padEnd(17)} (CPU: the peer's CPU per request ÷ the service's)`);
  ratio('createTakeoverVideo ÷ forwarder', 'create', 'forwarder', { min: 0.5, aim: 0.6 });
  ratio('tasks(first: 50) uncached, PostgreSQL ÷ PostGraphile 5', 'postgres', 'postgraphile', { min: 0.8, aim: 1.0 });
  ratio('tasks(first: 50) uncached, SQLite ÷ PostGraphile 5', 'sqlite', 'postgraphile');
  ratio('tasks(first: 50) response cache hit ÷ bare yoga', 'cached', 'bare', { min: 0.7 });
  ratio('{ __typename } with an API key ÷ bare yoga', 'fixed', 'bare', { min: 0.8 });
  const p99Ratios = results.get('sqlite')!.map((m, i) => m.p99 / results.get('small')![i]!.p99);
  const p99Ratio = median(p99Ratios);
  console.log(`${`list p99 at ${tasks} ÷ at ${SMALL.toLocaleString('en')}, SQLite, uncached`.padEnd(56)} ${spread(p99Ratios).padEnd(17)} ${''.padEnd(17)} target <= 1.2: ${verdict(p99Ratio <= 1.2)}`);
  console.log(`${'peak RSS of the service (as deployed)'.padEnd(56)} ${`${rss.toFixed(0)} MB`.padEnd(17)} ${''.padEnd(17)} target < 200 MB: ${verdict(rss < 200)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
  process.exit(process.exitCode ?? 0);
}
