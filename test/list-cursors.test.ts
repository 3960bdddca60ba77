// List cursors carry their keyset position, belong to one tenant's list, and never make the
// service look a row up: another tenant's cursor is refused, nothing of the other tenant leaks
// into a page, and none of the caller's rows is skipped (issue #9, item 17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/http/logger.js';
import { CREATE_PRESET } from './helpers/operations.js';
import { DEFAULT_OPTIONS, startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let otherKey: string;
const statements: string[] = [];
const base = Date.UTC(2026, 0, 1);
const minute = 60_000;

const TASKS = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String) {
    tasks(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { videoName } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;
const PRESETS = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String) {
    presets(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { name } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

const task = (ownerId: string, videoName: string, at: number) => ({
  ownerId,
  videoName,
  params: '{}',
  paramString: '{}',
  createdAt: new Date(at),
  expiresAt: new Date(at + 7 * 86_400_000),
});

beforeAll(async () => {
  t = await startTestApp({ database: { onQuery: (sql) => void statements.push(sql) } });
  otherKey = await t.newTenant('tenant-b');
  // A and B submit in turns, a minute apart; three of B's share one instant.
  await t.db.task.createMany({
    data: [
      ...Array.from({ length: 10 }, (_, i) => task(TEST_TENANT, `a${i}`, base + 2 * i * minute)),
      ...Array.from({ length: 10 }, (_, i) => task('tenant-b', `b${i}`, base + (2 * i + 1) * minute)),
      ...['b-tie-1', 'b-tie-2', 'b-tie-3'].map((name) => task('tenant-b', name, base + 100 * minute)),
    ],
  });
  for (const name of ['a-one', 'a-two']) await t.graphql(CREATE_PRESET, { input: { name, params: minimalSceneParams } });
  for (const name of ['b-one', 'b-two', 'b-three']) await t.graphql(CREATE_PRESET, { input: { name, params: minimalSceneParams } }, otherKey);
});
afterAll(() => t.close());

const names = (connection: any) => connection.edges.map((edge: any) => edge.node.videoName ?? edge.node.name);
const asB = (query: string, variables: Record<string, unknown>) => t.graphql(query, variables, otherKey);
// Newest first, rows of the same instant by id (in the database's own order).
const bTasksNewestFirst = async () =>
  (await t.db.task.findMany({ where: { ownerId: 'tenant-b' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })).map((row) => row.videoName);

function expectRefusedCursor(response: { data?: any; errors?: any[] }, path = 'after') {
  expect(response.data).toBeNull();
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path, message: expect.stringMatching(/not a cursor of this/) }] });
}

describe('list cursors', () => {
  it("another tenant's task cursor is refused, and reveals nothing of that tenant", async () => {
    const aPage = (await t.graphql(TASKS, { first: 3 })).data.tasks;
    expect(names(aPage)).toEqual(['a9', 'a8', 'a7']);
    for (const cursor of [aPage.pageInfo.endCursor, aPage.edges[0].cursor]) {
      expectRefusedCursor(await asB(TASKS, { first: 5, after: cursor }));
      expectRefusedCursor(await asB(TASKS, { last: 5, before: cursor }), 'before');
    }
  });

  it("another tenant's preset cursor is refused too, and a cursor of one list is refused by the other", async () => {
    const aPresets = (await t.graphql(PRESETS, { first: 1 })).data.presets;
    expectRefusedCursor(await asB(PRESETS, { first: 5, after: aPresets.pageInfo.endCursor }));
    const aTasks = (await t.graphql(TASKS, { first: 1 })).data.tasks;
    expectRefusedCursor(await t.graphql(PRESETS, { first: 5, after: aTasks.pageInfo.endCursor }));
    expectRefusedCursor(await t.graphql(TASKS, { first: 5, after: aPresets.pageInfo.endCursor }));
  });

  it('malformed cursors are refused as bad input, without an error log line', async () => {
    const refused = ['', 'garbage', 'R1BDOlM6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw', Buffer.from('v1:tasks:xxxxxxxxxxxxxxxx:1:00000000-0000-0000-0000-000000000000').toString('base64url'), 'x'.repeat(5000)];
    for (const after of refused) {
      const response = await t.graphql(TASKS, { first: 1, after });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code, after.slice(0, 40)).toBe('BAD_USER_INPUT');
    }
    expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });

  it("pages through the caller's own rows, newest first, none skipped and none repeated, ties included", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await asB(TASKS, { first: 2, after })).data.tasks;
      seen.push(...names(page));
      expect(page.totalCount).toBe(13);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(await bTasksNewestFirst());
    expect(seen.slice(3)).toEqual(['b9', 'b8', 'b7', 'b6', 'b5', 'b4', 'b3', 'b2', 'b1', 'b0']);
  });

  it('pages backwards with last/before, and says which way more rows lie', async () => {
    const oldest = (await asB(TASKS, { last: 4 })).data.tasks;
    expect(names(oldest)).toEqual(['b3', 'b2', 'b1', 'b0']);
    expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await asB(TASKS, { last: 4, before: oldest.pageInfo.startCursor })).data.tasks;
    expect(names(before)).toEqual(['b7', 'b6', 'b5', 'b4']);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const top = (await asB(TASKS, { last: 10, before: before.pageInfo.startCursor })).data.tasks;
    expect(names(top)).toEqual((await bTasksNewestFirst()).slice(0, 5));
    expect(top.pageInfo.hasPreviousPage).toBe(false);
    const presets = (await asB(PRESETS, { last: 2 })).data.presets;
    expect(names(presets)).toEqual(['b-two', 'b-one']);
  });

  it('a cursor only positions: it still works after its row is deleted', async () => {
    const doomed = await t.db.task.create({ data: task('tenant-b', 'doomed', base + 50 * minute) });
    try {
      const page = (await asB(TASKS, { first: 4 })).data.tasks;
      expect(names(page).at(-1)).toBe('doomed');
      await t.db.task.delete({ where: { id: doomed.id } });
      const next = (await asB(TASKS, { first: 3, after: page.pageInfo.endCursor })).data.tasks;
      expect(names(next)).toEqual(['b9', 'b8', 'b7']);
    } finally {
      await t.db.task.deleteMany({ where: { videoName: 'doomed' } });
    }
  });

  it("reads a page in one statement that holds the caller's owner id, with or without a cursor", async () => {
    const first = (await asB(TASKS, { first: 2 })).data.tasks;
    const pageStatements = async (variables: Record<string, unknown>) => {
      statements.length = 0;
      const { errors } = await t.graphql('query ($after: String) { tasks(first: 2, after: $after) { edges { node { videoName } } } }', variables, otherKey);
      expect(errors).toBeUndefined();
      return statements.filter((sql) => /FROM\s+\S*Task/i.test(sql));
    };
    for (const variables of [{}, { after: first.pageInfo.endCursor }]) {
      const reads = await pageStatements(variables);
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatch(/ownerId/);
      expect(reads[0]!.match(/SELECT/gi)).toHaveLength(1);
    }
  });

  it('pages hold 20 rows unless first or last says otherwise; more than 100 is refused, not cut down', async () => {
    const key = await t.newTenant('tenant-c');
    await t.db.task.createMany({ data: Array.from({ length: 120 }, (_, i) => task('tenant-c', `c${i}`, base + i * minute)) });
    const count = async (variables: Record<string, unknown>) => (await t.graphql(TASKS, variables, key)).data.tasks.edges.length;
    expect([await count({}), await count({ first: 100 }), await count({ last: 100 }), await count({ first: 0 })]).toEqual([20, 100, 100, 0]);
    for (const variables of [{ first: 101 }, { last: 1000 }, { first: -1 }]) {
      const refused = await t.graphql(TASKS, variables, key);
      expect(refused.data?.tasks ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: Object.keys(variables)[0] }] });
    }
  });

  it('cursors stay valid across restarts and replicas (no per-process secret)', async () => {
    const page = (await asB(TASKS, { first: 3 })).data.tasks;
    const replica = createApp({ database: t.database, platforms: t.platforms, logger: createLogger('silent'), lifecycle: t.lifecycle, options: DEFAULT_OPTIONS });
    const response = await replica.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${otherKey}` },
      body: JSON.stringify({ query: TASKS, variables: { first: 3, after: page.pageInfo.endCursor } }),
    });
    expect(names((await response.json()).data.tasks)).toEqual(['b9', 'b8', 'b7']);
  });
});
