// Per-request CPU cost inside the process (no HTTP, no load generator): where the time goes.
//   npx tsx bench/in-process.ts [hello|list|list-miss|mutation] [count]   (PROFILE=file.cpuprofile to profile)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { TaskLifecycle } from '../src/lifecycle/task-lifecycle.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createApiKey, DEFAULT_TENANT } from '../src/db/tenants.js';
import { createLogger } from '../src/http/logger.js';
import { SoftSugarClient } from '../src/platform/client.js';
import { PlatformDirectory } from '../src/platform/platform-directory.js';
import { PlatformSimulator } from '../src/platform/simulator.js';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';
import { CREATE, LIST, LIST_WITH_BOUND } from './operations.js';
import { seedTasks } from './seed.js';

const which = process.argv[2] ?? 'list';
const count = Number(process.argv[3] ?? 3000);
// "list-miss": the list with a filter bound that differs on every request, so the cache never hits.
let requestNumber = 0;
const bodies: Record<string, () => unknown> = {
  hello: () => ({ query: '{ __typename }' }),
  list: () => ({ query: LIST }),
  'list-miss': () => ({ query: LIST_WITH_BOUND, variables: { before: new Date(4e12 + requestNumber++).toISOString() } }),
  mutation: () => ({ query: CREATE, variables: { params: seedSceneParams } }),
};
const bodyOf = bodies[which];
if (!bodyOf) throw new Error(`usage: in-process.ts [${Object.keys(bodies).join('|')}] [count]`);
const dir = await mkdtemp(path.join(tmpdir(), 'inproc-'));
const url = `file:${path.join(dir, 'db.db')}`;
await seedTasks(url, 10_000);
const database = await openDatabase(url);
const credentials = { appId: 'a', appKey: 'k' };
const simulator = await PlatformSimulator.start(credentials);
const client = new SoftSugarClient({ ...credentials, baseUrl: simulator.url, timeoutMs: 5000 });
const platforms = new PlatformDirectory(database.db, client, { baseUrl: simulator.url, timeoutMs: 5000 });
const logger = createLogger('warn', new Writable({ write: (_c, _e, done) => done() }));
const app = createApp({
  database,
  platforms,
  logger,
  lifecycle: new TaskLifecycle(database.db, database.provider, { clock: () => database.clock.now() }),
  // Production settings, as the HTTP benchmark runs the service; the rate limit would be what is measured.
  options: loadConfig({ ...process.env, GRAPHIQL: 'false', INTROSPECTION: 'false', RATE_LIMIT_PER_MINUTE: '1000000000' }),
});
const { key } = await createApiKey(database.db, DEFAULT_TENANT);
const once = async () => {
  const res = await app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(bodyOf()) });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(text.slice(0, 300));
};
for (let i = 0; i < 300; i++) await once();
const profiler = process.env.PROFILE ? new (await import('node:inspector/promises')).Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const cpu = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < count; i++) await once();
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
console.log(`${which}: ${(wall / count).toFixed(3)} ms wall, ${((used.user + used.system) / 1000 / count).toFixed(3)} ms CPU per request (simulator in-process)`);
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
}
await simulator.close();
await database.close();
await rm(dir, { recursive: true, force: true });
process.exit(0);
