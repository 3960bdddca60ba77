// Searches match their text literally and case-insensitively, on SQLite and PostgreSQL: "%", "_"
// and "\" are characters, not wildcards (issue #9, item 13). Bounded, and refused with a path when
// they break the text rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET, LIST_PRESETS } from './helpers/operations.js';
import { startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
const names = ['100% real', '1000 real', 'a_b', 'axb', 'back\\slash', 'backslash', 'Launch', 'plain'];
beforeAll(async () => {
  t = await startTestApp();
  await t.db.task.createMany({
    data: names.map((videoName, i) => ({
      ownerId: TEST_TENANT,
      videoName,
      params: '{}',
      paramString: '{}',
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      expiresAt: new Date(Date.UTC(2026, 0, 8 + i)),
    })),
  });
  for (const name of names) await t.graphql(CREATE_PRESET, { input: { name, params: minimalSceneParams } });
});
afterAll(() => t.close());

const TASKS = /* GraphQL */ `query ($search: String) { tasks(first: 100, filter: { search: $search }) { totalCount edges { node { videoName } } } }`;

async function searchTasks(search: string) {
  const { data, errors } = await t.graphql(TASKS, { search });
  expect(errors).toBeUndefined();
  expect(data.tasks.totalCount).toBe(data.tasks.edges.length);
  return data.tasks.edges.map((e: any) => e.node.videoName).sort();
}

async function searchPresets(search: string) {
  const { data, errors } = await t.graphql(LIST_PRESETS, { first: 100, search });
  expect(errors).toBeUndefined();
  return data.presets.edges.map((e: any) => e.node.name).sort();
}

const cases: [string, string[]][] = [
  ['%', ['100% real']],
  ['0%', ['100% real']],
  ['_', ['a_b']],
  ['a_b', ['a_b']],
  ['\\', ['back\\slash']],
  ['k\\s', ['back\\slash']],
  ['LAUNCH', ['Launch']],
  ['real', ['100% real', '1000 real']],
  ['%%', []],
];

describe('search', () => {
  it.each(cases)('tasks(filter: { search: %j }) matches %j literally', async (search, expected) => {
    expect(await searchTasks(search)).toEqual(expected);
  });

  it.each(cases)('presets(search: %j) matches %j literally', async (search, expected) => {
    expect(await searchPresets(search)).toEqual(expected);
  });

  it('ignores the case of every letter on PostgreSQL, of ASCII letters on SQLite', async () => {
    await t.db.task.create({ data: { ownerId: TEST_TENANT, videoName: 'Äpfel', params: '{}', paramString: '{}', expiresAt: new Date() } });
    expect(await searchTasks('PFEL')).toEqual(['Äpfel']);
    expect(await searchTasks('äpfel')).toEqual(t.database.provider === 'postgresql' ? ['Äpfel'] : []);
    await t.db.task.deleteMany({ where: { videoName: 'Äpfel' } });
  });

  it('an empty search filters nothing out', async () => {
    expect(await searchTasks('')).toHaveLength(names.length);
  });

  it('is bounded, and a longer search is refused as bad input instead of breaking the database', async () => {
    for (const search of ['x'.repeat(256), 'x'.repeat(60_000)]) {
      for (const [query, variables] of [[TASKS, { search }], [LIST_PRESETS, { search }]] as const) {
        const { data, errors } = await t.graphql(query, variables);
        expect(data).toBeNull();
        expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: expect.stringMatching(/search$/) }] });
      }
    }
    expect(await searchTasks('x'.repeat(255))).toEqual([]);
  });

  it('refuses control characters in a search or a tag filter, with the path', async () => {
    const refused = [
      [TASKS, { search: 'a\u0000' }, 'filter.search'],
      [LIST_PRESETS, { search: 'a\u0000' }, 'search'],
      [LIST_PRESETS, { tag: 'sales\u0000' }, 'tag'],
      [LIST_PRESETS, { tag: 'x'.repeat(33) }, 'tag'],
    ] as const;
    for (const [query, variables, path] of refused) {
      const { errors } = await t.graphql(query, variables);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path }] });
    }
    expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
