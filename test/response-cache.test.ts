// The response cache: a repeated query is answered without touching the data, and every write,
// by whichever process, is visible on the next read. Runs on SQLite and on PostgreSQL, where the
// data version is raised by triggers in each database's own migration.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseCacheSettings } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { TaskLifecycle } from '../src/lifecycle/task-lifecycle.js';
import { revokeApiKey } from '../src/db/tenants.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { toParamString } from '../src/takeover/wire-format.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_PRESET, CREATE_TAKEOVER, DELETE_PRESET, GET_PRESET, LIST_TASKS, UPDATE_PRESET } from './helpers/operations.js';
import { startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';

const TASKS_WITH_PRESETS = /* GraphQL */ `
  query TasksWithPresets { tasks(first: 50) { totalCount edges { node { videoName status preset { name version } } } } }
`;

let t: TestApp;
let statements = 0;
/** A second connection to the same database: another instance of the service, or the admin CLI. */
let other: Database;

/** Runs a query and reports how many SQL statements answering it took. */
async function counted(query: string, variables?: Record<string, unknown>, key?: string) {
  const before = statements;
  const response = await t.graphql(query, variables, key);
  return { response, statements: statements - before };
}

const videoNames = (response: any): string[] => response.data.tasks.edges.map((edge: any) => edge.node.videoName);

function insertTaskFromOutside(db: Database['db'], videoName: string, status: 'SUBMITTED' | 'SUBMITTING' = 'SUBMITTED') {
  const params = takeoverParamsSchema.parse(minimalSceneParams);
  return db.task.create({
    data: {
      ownerId: TEST_TENANT,
      videoName,
      params: JSON.stringify(params),
      paramString: toParamString(params),
      status,
      abandonAfter: new Date(Date.now() - 60_000),
      createdAt: new Date(Date.now() - 3_600_000),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

beforeAll(async () => {
  t = await startTestApp({ database: { onQuery: () => void (statements += 1) } });
  other = await openDatabase(t.database.url);
});
afterAll(async () => {
  await other.close();
  await t.close();
});

describe('response cache', () => {
  it('answers a repeated query with one statement: the API key lookup', async () => {
    await t.graphql(CREATE_TAKEOVER, { videoName: 'first', params: minimalSceneParams });
    const first = await counted(TASKS_WITH_PRESETS);
    const again = await counted(TASKS_WITH_PRESETS);
    expect(first.statements).toBeGreaterThan(1);
    expect(again.statements).toBe(1);
    expect(again.response).toEqual(first.response);
  });

  it('shows a submission made through the API on the next read', async () => {
    const before = videoNames(await t.graphql(TASKS_WITH_PRESETS));
    const created = await t.graphql(CREATE_TAKEOVER, { videoName: 'second', params: minimalSceneParams });
    expect(created.data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
    const after = videoNames(await t.graphql(TASKS_WITH_PRESETS));
    expect(after).toEqual(['second', ...before]);
  });

  it('shows a write by another process on the next read: insert, update, delete, crash recovery', async () => {
    const read = async () => videoNames(await t.graphql(TASKS_WITH_PRESETS));
    await read();
    const inserted = await insertTaskFromOutside(other.db, 'from another instance');
    expect(await read()).toContain('from another instance');

    await other.db.task.update({ where: { id: inserted.id }, data: { videoName: 'renamed elsewhere' } });
    expect(await read()).toContain('renamed elsewhere');

    await other.db.task.delete({ where: { id: inserted.id } });
    expect(await read()).not.toContain('renamed elsewhere');

    await insertTaskFromOutside(other.db, 'abandoned', 'SUBMITTING');
    const statusOf = async () =>
      (await t.graphql(TASKS_WITH_PRESETS)).data.tasks.edges.find((edge: any) => edge.node.videoName === 'abandoned').node.status;
    expect(await statusOf()).toBe('SUBMITTING');
    expect(await new TaskLifecycle(other.db, other.provider, { clock: () => other.clock.now() }).recoverAbandoned()).toBe(1);
    expect(await statusOf()).toBe('UNKNOWN');
  });

  it('shows preset updates and deletions, also where tasks refer to the preset', async () => {
    const created = await t.graphql(CREATE_PRESET, { input: { name: 'Cached', params: minimalSceneParams } });
    const presetId = created.data.createPreset.preset.id;
    await t.graphql(CREATE_TAKEOVER, { videoName: 'from preset', preset: { id: presetId } });
    const presetOfTask = async () =>
      (await t.graphql(TASKS_WITH_PRESETS)).data.tasks.edges.find((edge: any) => edge.node.videoName === 'from preset').node.preset;

    expect(await presetOfTask()).toEqual({ name: 'Cached', version: 1 });
    expect((await t.graphql(GET_PRESET, { id: presetId })).data.preset.name).toBe('Cached');

    const updated = await t.graphql(UPDATE_PRESET, { id: presetId, input: { name: 'Cached, renamed' } });
    expect(updated.data.updatePreset.__typename).toBe('UpdatePresetSuccess');
    expect(await presetOfTask()).toEqual({ name: 'Cached, renamed', version: 2 });
    expect((await t.graphql(GET_PRESET, { id: presetId })).data.preset.name).toBe('Cached, renamed');

    await t.graphql(DELETE_PRESET, { id: presetId });
    expect(await presetOfTask()).toBeNull();
    expect((await t.graphql(GET_PRESET, { id: presetId })).data.preset).toBeNull();
  });

  it('keeps tenants apart: the same query by another tenant is answered from its own data', async () => {
    const mine = await t.graphql(LIST_TASKS, { first: 5 });
    expect(mine.data.tasks.edges.length).toBeGreaterThan(0);
    const otherKey = await t.newTenant('tenant-cache-b');
    const theirs = await counted(LIST_TASKS, { first: 5 }, otherKey);
    expect(theirs.response.data.tasks.edges).toEqual([]);
    expect(theirs.statements).toBeGreaterThan(1);
  });

  it('refuses a revoked key even for a query whose result is cached', async () => {
    const key = await t.newTenant(TEST_TENANT);
    expect((await t.graphql(LIST_TASKS, { first: 3 }, key)).data.tasks.edges.length).toBeGreaterThan(0);
    await revokeApiKey(other.db, key.split('_')[1]!);
    const refused = await t.graphql(LIST_TASKS, { first: 3 }, key);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('never answers a mutation from the cache', async () => {
    // A mutation that writes nothing leaves the data version as it was, so only skipping the
    // cache for mutations makes the repeat look the preset up again.
    const gone = await t.graphql(CREATE_PRESET, { input: { name: 'Gone', params: minimalSceneParams } });
    const presetId = gone.data.createPreset.preset.id;
    await t.graphql(DELETE_PRESET, { id: presetId });
    const variables = { videoName: 'from a deleted preset', preset: { id: presetId } };
    const first = await counted(CREATE_TAKEOVER, variables);
    const again = await counted(CREATE_TAKEOVER, variables);
    expect(first.response.data.createTakeoverVideo.issues[0].path).toBe('preset.id');
    expect(again.response).toEqual(first.response);
    expect(again.statements).toBe(first.statements);
    expect(again.statements).toBeGreaterThan(1);
  });
});

describe('response cache settings', () => {
  let small: TestApp;
  let smallStatements = 0;
  afterEach(() => small?.close());

  const startWith = async (responseCache: ResponseCacheSettings) => {
    small = await startTestApp({ database: { onQuery: () => void (smallStatements += 1) }, options: { responseCache } });
  };
  const countedOn = async (query: string) => {
    const before = smallStatements;
    await small.graphql(query);
    return smallStatements - before;
  };

  it('RESPONSE_CACHE_TTL_MS=0 turns it off', async () => {
    await startWith({ ttlMs: 0, maxBytes: 1_000_000 });
    await countedOn(TASKS_WITH_PRESETS);
    expect(await countedOn(TASKS_WITH_PRESETS)).toBeGreaterThan(1);
  });

  it('a result older than the TTL is read again', async () => {
    await startWith({ ttlMs: 100, maxBytes: 1_000_000 });
    await countedOn(TASKS_WITH_PRESETS);
    expect(await countedOn(TASKS_WITH_PRESETS)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await countedOn(TASKS_WITH_PRESETS)).toBeGreaterThan(1);
  });

  it('does not keep a result larger than a tenth of its budget', async () => {
    await startWith({ ttlMs: 60_000, maxBytes: 1_000 });
    await small.graphql(CREATE_TAKEOVER, { videoName: 'a name long enough to make this result over a hundred bytes', params: minimalSceneParams });
    await countedOn(TASKS_WITH_PRESETS);
    expect(await countedOn(TASKS_WITH_PRESETS)).toBeGreaterThan(1);
  });
});
