// `tasks` pages read by the list's own statement (src/db/task-page.ts) answer exactly what the
// same pages read through Prisma answer, field for field, in both directions, with every filter
// it takes, on both databases; one statement per page; a query that asks for more (relations, the
// scene, a text search) goes through Prisma.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET } from './helpers/operations.js';
import { startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let otherKey: string;
let presetId: string;
let otherPresetId: string;
const statements: string[] = [];
const base = Date.UTC(2026, 0, 1);
const minute = 60_000;
const STATUSES = ['SUBMITTING', 'SUBMITTED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'REJECTED', 'UNREACHABLE', 'UNKNOWN'] as const;

const FIELDS = /* GraphQL */ `
  __typename id videoName thumbnailUrl status platformTaskId platformCode platformMessage progress resultUrl durationSeconds
  completedAt failureReason abandonAfter idempotencyKey presetVersion createdAt updatedAt expiresAt expired previewUrl
`;
const page = (extra: string) => /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilterInput) {
    tasks(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      edges { cursor node { ...Columns ${extra} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
  fragment Columns on Task { ${FIELDS} }
`;
/** Answered by the list's own statement. */
const DIRECT = page('');
/** The same fields and `events`, which only Prisma's selection loads. */
const THROUGH_PRISMA = page('events { toStatus }');

// A preview link's expiry (and so its signature) is the time it was made.
const comparable = (tasks: any) => ({
  ...tasks,
  edges: tasks.edges.map(({ cursor, node: { events, previewUrl, ...node } }: any) => ({ cursor, node: { ...node, previewUrl: previewUrl.split('&expires=')[0] } })),
});
const withEvents = (tasks: any) => (tasks.edges.forEach((edge: any) => expect(edge.node.events).toBeInstanceOf(Array)), tasks);

async function bothWays(variables: Record<string, unknown>, key?: string) {
  statements.length = 0;
  const direct = await t.graphql(DIRECT, variables, key);
  const directStatements = statements.filter((sql) => /FROM\s+"?(main"?\.)?"?Task"?\s/i.test(sql) && /^\s*SELECT/i.test(sql));
  const prisma = await t.graphql(THROUGH_PRISMA, variables, key);
  expect(direct.errors).toBeUndefined();
  expect(prisma.errors).toBeUndefined();
  expect(comparable(direct.data.tasks)).toEqual(comparable(withEvents(prisma.data.tasks)));
  return { tasks: direct.data.tasks, directStatements };
}

beforeAll(async () => {
  t = await startTestApp({ database: { onQuery: (sql) => void statements.push(sql) } });
  otherKey = await t.newTenant('tenant-b');
  presetId = (await t.graphql(CREATE_PRESET, { input: { name: 'p', params: minimalSceneParams } })).data.createPreset.preset.id;
  otherPresetId = (await t.graphql(CREATE_PRESET, { input: { name: 'q', params: minimalSceneParams } }, otherKey)).data.createPreset.preset.id;
  const presetRow = await t.db.preset.findFirstOrThrow({ where: { ownerId: TEST_TENANT } });
  // Every column in use somewhere, nulls elsewhere; times with no, one, two and three digits of
  // milliseconds; three tasks share one instant; the other tenant's tasks interleave.
  await t.db.task.createMany({
    data: Array.from({ length: 24 }, (_, i) => {
      const at = base + (i >= 20 ? 20 : i) * minute;
      const status = STATUSES[i % STATUSES.length]!;
      const done = status === 'SUCCEEDED' || status === 'FAILED';
      return {
        ownerId: i % 6 === 5 ? 'tenant-b' : TEST_TENANT,
        videoName: `t${i}`,
        thumbnailUrl: i % 3 === 0 ? `https://example.com/${i}.png` : null,
        params: '{}',
        paramString: '{}',
        status,
        platformTaskId: status === 'SUBMITTING' ? null : String(9_007_199_254_740_993n + BigInt(i)),
        platformCode: status === 'FAILED' || status === 'REJECTED' ? 3000 + i : null,
        platformMessage: status === 'FAILED' ? `failed ${i}` : null,
        progress: status === 'PROCESSING' ? i : status === 'SUCCEEDED' ? 100 : null,
        resultUrl: status === 'SUCCEEDED' ? `https://example.com/${i}.mp4` : null,
        durationSeconds: status === 'SUCCEEDED' ? i + 0.25 : null,
        completedAt: done ? new Date(at + 30_123) : null,
        // One finished video has expired: resultUrl null, expired true.
        expiresAt: done ? new Date(Date.now() + (i < 8 ? -1000 : 7 * 86_400_000)) : null,
        failureReason: status === 'UNKNOWN' ? 'no answer' : null,
        abandonAfter: i % 2 ? new Date(at + 45_100) : null,
        presetId: i % 4 === 0 && i % 6 !== 5 ? presetRow.id : null,
        presetVersion: i % 4 === 0 && i % 6 !== 5 ? 1 : null,
        idempotencyKey: i % 5 === 0 ? `key-${i}` : null,
        createdAt: new Date(at),
        updatedAt: new Date(at + 1_050),
      };
    }),
  });
});
afterAll(() => t.close());

describe('a page of tasks read by its own statement', () => {
  it('answers every field as Prisma does, walking the list forwards and backwards, one statement per page', async () => {
    const forwards: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { tasks, directStatements } = await bothWays({ first: 4, after });
      expect(directStatements).toHaveLength(1);
      expect(directStatements[0]).toMatch(/^SELECT "id", "videoName", "thumbnailUrl"/);
      forwards.push(...tasks.edges.map((edge: any) => edge.node.videoName));
      if (!tasks.pageInfo.hasNextPage) break;
      after = tasks.pageInfo.endCursor;
    }
    expect(forwards).toHaveLength(20);
    expect(forwards.every((name) => Number(name.slice(1)) % 6 !== 5)).toBe(true);
    const backwards: string[] = [];
    let before: string | undefined;
    for (;;) {
      const { tasks } = await bothWays({ last: 3, before });
      backwards.unshift(...tasks.edges.map((edge: any) => edge.node.videoName));
      if (!tasks.pageInfo.hasPreviousPage) break;
      before = tasks.pageInfo.startCursor;
    }
    expect(backwards).toEqual(forwards);
  });

  it('the expired result and the large platform ids read back as stored', async () => {
    const { tasks } = await bothWays({ first: 50 });
    const nodes = tasks.edges.map((edge: any) => edge.node);
    expect(nodes.find((n: any) => n.videoName === 't3')).toMatchObject({ status: 'SUCCEEDED', resultUrl: null, expired: true, durationSeconds: 3.25 });
    expect(nodes.find((n: any) => n.videoName === 't19')).toMatchObject({ status: 'SUCCEEDED', resultUrl: 'https://example.com/19.mp4', expired: false, durationSeconds: 19.25 });
    expect(nodes.find((n: any) => n.videoName === 't1')).toMatchObject({ platformTaskId: '9007199254740994', abandonAfter: new Date(base + minute + 45_100).toISOString() });
  });

  it('takes every filter but the text search, as Prisma does', async () => {
    const filters = [
      { status: ['SUCCEEDED', 'FAILED'] },
      { status: [] },
      { presetId },
      { presetId: otherPresetId },
      { presetId: 'not-a-preset-id' },
      { createdAfter: new Date(base + 4 * minute).toISOString(), createdBefore: new Date(base + 12 * minute).toISOString() },
      { status: ['PROCESSING'], createdBefore: new Date(base + 20 * minute).toISOString() },
    ];
    const counts = [];
    for (const filter of filters) {
      const { tasks, directStatements } = await bothWays({ first: 50, filter });
      expect(directStatements).toHaveLength(1);
      counts.push(tasks.edges.length);
      const { tasks: last } = await bothWays({ last: 2, filter });
      expect(last.edges.map((e: any) => e.cursor)).toEqual(tasks.edges.slice(-2).map((e: any) => e.cursor));
    }
    expect(counts).toEqual([5, 20, 6, 0, 0, 6, 3]);
  });

  it('reads only the columns the fields asked for need (and the keyset)', async () => {
    statements.length = 0;
    const { data } = await t.graphql('{ tasks(first: 3) { edges { node { id status expired } } } }');
    expect(data.tasks.edges).toHaveLength(3);
    expect(statements.filter((sql) => /FROM "Task"/.test(sql))).toEqual([expect.stringMatching(/^SELECT "id", "status", "createdAt", "expiresAt" FROM "Task" WHERE/)]);
  });

  it("another tenant's page holds only its own tasks", async () => {
    const { tasks } = await bothWays({ first: 50 }, otherKey);
    expect(tasks.edges.map((edge: any) => edge.node.videoName)).toEqual(['t23', 't17', 't11', 't5']);
  });

  it('a text search, a relation or the scene goes through Prisma', async () => {
    for (const [query, variables] of [
      [DIRECT, { first: 5, filter: { search: 't1' } }],
      [THROUGH_PRISMA, { first: 5 }],
      [page('paramString'), { first: 5 }],
    ] as const) {
      statements.length = 0;
      const { data, errors } = await t.graphql(query, variables);
      expect(errors).toBeUndefined();
      expect(data.tasks.edges.length).toBeGreaterThan(0);
      expect(statements.some((sql) => /^SELECT "id", "videoName"/.test(sql))).toBe(false);
    }
  });
});
