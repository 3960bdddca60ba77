import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET } from './helpers/operations.js';
import { startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { toParamString } from '../src/takeover/wire-format.js';

let t: TestApp;
let statements = 0;
let presetGlobalId: string;
let presetId: string;
const base = Date.parse('2026-01-01T00:00:00Z');
const day = 86_400_000;

const TASKS = /* GraphQL */ `
  query Tasks($first: Int, $after: String, $filter: TaskFilterInput) {
    tasks(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id videoName status createdAt expired presetVersion preset { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const statuses = ['SUBMITTED', 'REJECTED', 'UNREACHABLE', 'UNKNOWN'] as const;

beforeAll(async () => {
  t = await startTestApp({ database: { onQuery: () => void (statements += 1) } });
  const created = await t.graphql(CREATE_PRESET, { input: { name: 'History', params: minimalSceneParams } });
  presetGlobalId = created.data.createPreset.preset.id;
  presetId = (await t.db.preset.findFirstOrThrow({ where: { name: 'History' } })).id;
  const params = takeoverParamsSchema.parse(minimalSceneParams);
  // 60 tasks, one a day; every third made from the preset.
  await t.db.task.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      ownerId: TEST_TENANT,
      videoName: `clip ${String(i).padStart(2, '0')}${i % 10 === 0 ? ' Launch' : ''}`,
      params: JSON.stringify(params),
      paramString: toParamString(params),
      status: statuses[i % 4]!,
      presetId: i % 3 === 0 ? presetId : null,
      presetVersion: i % 3 === 0 ? 1 : null,
      createdAt: new Date(base + i * day),
      expiresAt: new Date(base + i * day + 7 * day),
    })),
  });
});
afterAll(() => t.close());

const names = (connection: any) => connection.edges.map((edge: any) => edge.node.videoName);

describe('tasks connection', () => {
  it('pages newest first with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await t.graphql(TASKS, { first: 25, after });
      seen.push(...names(data.tasks));
      if (!data.tasks.pageInfo.hasNextPage) break;
      after = data.tasks.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(60);
    expect(seen[0]).toBe('clip 59');
    expect(seen.at(-1)).toBe('clip 00 Launch');
    expect(new Set(seen).size).toBe(60);
  });

  it('keeps its order under concurrent inserts: no duplicates, nothing skipped', async () => {
    const first = (await t.graphql(TASKS, { first: 10 })).data.tasks;
    // New submissions arrive between page requests.
    const params = takeoverParamsSchema.parse(minimalSceneParams);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.db.task.create({
          data: { ownerId: TEST_TENANT, videoName: `late ${i}`, params: '{}', paramString: toParamString(params), expiresAt: new Date(base + 100 * day), createdAt: new Date(base + 100 * day + i) },
        }),
      ),
    );
    try {
      const second = (await t.graphql(TASKS, { first: 10, after: first.pageInfo.endCursor })).data.tasks;
      expect(names(first).at(-1)).toBe('clip 50 Launch');
      expect(names(second)).toEqual(Array.from({ length: 10 }, (_, i) => `clip ${49 - i}${i === 9 ? ' Launch' : ''}`));
      // The new ones appear at the top of a fresh first page.
      expect(names((await t.graphql(TASKS, { first: 5 })).data.tasks)).toEqual(['late 4', 'late 3', 'late 2', 'late 1', 'late 0']);
    } finally {
      await t.db.task.deleteMany({ where: { videoName: { startsWith: 'late' } } });
    }
  });

  it('filters by several statuses', async () => {
    const { data } = await t.graphql(TASKS, { first: 100, filter: { status: ['REJECTED', 'UNKNOWN'] } });
    expect(data.tasks.totalCount).toBe(30);
    expect(new Set(data.tasks.edges.map((e: any) => e.node.status))).toEqual(new Set(['REJECTED', 'UNKNOWN']));
  });

  it('filters by preset', async () => {
    const { data } = await t.graphql(TASKS, { first: 100, filter: { presetId: presetGlobalId } });
    expect(data.tasks.totalCount).toBe(20);
    expect(data.tasks.edges.every((e: any) => e.node.preset?.id === presetGlobalId && e.node.presetVersion === 1)).toBe(true);
  });

  it('filters by creation time, from inclusive to exclusive', async () => {
    const filter = { createdAfter: new Date(base + 10 * day).toISOString(), createdBefore: new Date(base + 13 * day).toISOString() };
    const { data } = await t.graphql(TASKS, { first: 100, filter });
    expect(names(data.tasks)).toEqual(['clip 12', 'clip 11', 'clip 10 Launch']);
  });

  it('searches the video name, case-insensitively, combined with other filters', async () => {
    const { data } = await t.graphql(TASKS, { first: 100, filter: { search: 'launch' } });
    expect(names(data.tasks)).toEqual(['clip 50 Launch', 'clip 40 Launch', 'clip 30 Launch', 'clip 20 Launch', 'clip 10 Launch', 'clip 00 Launch']);
    const combined = await t.graphql(TASKS, { first: 100, filter: { search: 'LAUNCH', status: ['SUBMITTED'] } });
    expect(names(combined.data.tasks)).toEqual(['clip 40 Launch', 'clip 20 Launch', 'clip 00 Launch']);
  });

  it('says whether a result has expired (7 days after submission)', async () => {
    const { data } = await t.graphql(TASKS, { first: 1 });
    expect(data.tasks.edges[0].node.expired).toBe(true);
    const fresh = await t.db.task.create({
      data: { ownerId: TEST_TENANT, videoName: 'fresh', params: '{}', paramString: '{}', expiresAt: new Date(Date.now() + day) },
    });
    const { data: latest } = await t.graphql(TASKS, { first: 1, filter: { search: 'fresh' } });
    expect(latest.tasks.edges[0].node.expired).toBe(false);
    await t.db.task.delete({ where: { id: fresh.id } });
  });

  it('answers a page of tasks with their presets in a constant number of statements (no N+1)', async () => {
    const count = async (first: number) => {
      statements = 0;
      const { data, errors } = await t.graphql(TASKS, { first });
      expect(errors).toBeUndefined();
      expect(data.tasks.edges).toHaveLength(first);
      expect(data.tasks.edges.filter((e: any) => e.node.preset).length).toBeGreaterThan(0);
      return statements;
    };
    const small = await count(5);
    const page = await count(50);
    console.log(`statements for a page of 5: ${small}, of 50: ${page}`);
    expect(small).toBeGreaterThan(0);
    expect(page).toBe(small);
    // API key lookup, the page, its presets, the count.
    expect(page).toBeLessThanOrEqual(4);
  });
});
