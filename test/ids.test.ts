// Ids that name nothing of the caller's: unknown, malformed, another tenant's. Every lookup answers
// null, with no error and no log line (issue #9, item 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET, CREATE_TAKEOVER, GET_PRESET, GET_TASK } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let otherKey: string;
let presetId: string;
let taskId: string;
let othersPresetId: string;
beforeAll(async () => {
  t = await startTestApp();
  otherKey = await t.newTenant('tenant-b');
  presetId = (await t.graphql(CREATE_PRESET, { input: { name: 'Mine', params: minimalSceneParams } })).data.createPreset.preset.id;
  taskId = (await t.graphql(CREATE_TAKEOVER, { videoName: 'mine', params: minimalSceneParams })).data.createTakeoverVideo.task.id;
  othersPresetId = (await t.graphql(CREATE_PRESET, { input: { name: 'Theirs', params: minimalSceneParams } }, otherKey)).data.createPreset.preset.id;
});
afterAll(() => t.close());

const globalId = (text: string) => Buffer.from(text).toString('base64');
const nobodys = {
  'unknown task': globalId('Task:00000000-0000-0000-0000-000000000000'),
  'unknown preset': globalId('Preset:7d1c0a6e-0000-4000-8000-000000000000'),
  'not base64 at all': 'garbage',
  empty: '',
  'unknown type': globalId('User:00000000-0000-0000-0000-000000000000'),
  'not a uuid': globalId("Task:' OR 1=1 --"),
  'no type': globalId('00000000-0000-0000-0000-000000000000'),
};

const NODE = /* GraphQL */ `query ($id: ID!) { node(id: $id) { __typename id } }`;
const NODES = /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Task { videoName } ... on Preset { name } } }`;

const errorLogs = () => t.logs.filter((line) => Number(line.level) >= 50);

describe('ids that name nothing of yours', () => {
  it('node(id:) answers null for unknown, malformed and not-yours ids, without an error or a log line', async () => {
    const ids = { ...nobodys, "another tenant's preset": othersPresetId };
    for (const [what, id] of Object.entries(ids)) {
      const response = await t.graphql(NODE, { id });
      expect(response, what).toEqual({ data: { node: null } });
    }
    expect(errorLogs()).toEqual([]);
  });

  it('nodes(ids:) answers null in the place of each, and finds the rest in order', async () => {
    const ids = [nobodys['unknown task'], taskId, othersPresetId, nobodys['not base64 at all'], presetId, taskId];
    const response = await t.graphql(NODES, { ids });
    expect(response.errors).toBeUndefined();
    expect(response.data.nodes).toEqual([
      null,
      { __typename: 'Task', id: taskId, videoName: 'mine' },
      null,
      null,
      { __typename: 'Preset', id: presetId, name: 'Mine' },
      { __typename: 'Task', id: taskId, videoName: 'mine' },
    ]);
    expect(errorLogs()).toEqual([]);
  });

  it('task(id:) and preset(id:) answer null the same way', async () => {
    for (const id of [...Object.values(nobodys), othersPresetId]) {
      expect(await t.graphql(GET_TASK, { id })).toEqual({ data: { task: null } });
      expect(await t.graphql(GET_PRESET, { id })).toEqual({ data: { preset: null } });
    }
    expect((await t.graphql(GET_TASK, { id: presetId })).data.task).toBeNull();
    expect((await t.graphql(GET_PRESET, { id: taskId })).data.preset).toBeNull();
    expect(errorLogs()).toEqual([]);
  });

  it('tasks(filter: { presetId }) with a malformed or not-yours preset id is an empty list', async () => {
    const TASKS = 'query ($presetId: ID) { tasks(first: 5, filter: { presetId: $presetId }) { totalCount edges { node { id } } } }';
    for (const presetId of [nobodys['not base64 at all'], nobodys['unknown preset'], othersPresetId, taskId]) {
      expect(await t.graphql(TASKS, { presetId })).toEqual({ data: { tasks: { totalCount: 0, edges: [] } } });
    }
  });

  it('a flood of unknown ids writes no log line', async () => {
    const before = t.logs.length;
    await Promise.all(Array.from({ length: 50 }, (_, i) => t.graphql(NODE, { id: globalId(`Task:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`) })));
    expect(t.logs.slice(before).filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('ids that break the text rule or the length bound are refused as bad input, not looked up', async () => {
    const cases = [
      [NODE, { id: 'a\u0000b' }, 'id'],
      [NODE, { id: 'x'.repeat(201) }, 'id'],
      [NODES, { ids: [taskId, 'a\u0000b'] }, 'ids[1]'],
      [NODES, { ids: Array.from({ length: 101 }, () => taskId) }, 'ids'],
      [GET_TASK, { id: '\u0007' }, 'id'],
      [GET_PRESET, { id: '\uD800' }, 'id'],
    ] as const;
    for (const [query, variables, path] of cases) {
      const response = await t.graphql(query, variables);
      expect(response.errors?.[0]?.extensions, JSON.stringify(variables).slice(0, 80)).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ path, message: expect.any(String) }],
      });
    }
    expect(errorLogs()).toEqual([]);
  });

  it('answers the same malformed id the same documented way everywhere, written inline too (no "Invalid global ID")', async () => {
    const inline = await t.graphql('{ task(id: "garbage") { id } preset(id: "garbage") { id } node(id: "garbage") { id } nodes(ids: ["garbage"]) { id } }');
    expect(inline).toEqual({ data: { task: null, preset: null, node: null, nodes: [null] } });
    const deleted = await t.graphql('mutation { deletePreset(id: "garbage") { __typename } }');
    expect(deleted).toEqual({ data: { deletePreset: { __typename: 'NotFoundError' } } });
    const submitted = await t.graphql(CREATE_TAKEOVER, { videoName: 'x', preset: { id: 'garbage' } });
    expect(submitted.data.createTakeoverVideo).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'preset.id', message: 'no preset with this id' }] });
    const unknown = await t.graphql(CREATE_TAKEOVER, { videoName: 'x', preset: { id: nobodys['unknown preset'] } });
    expect(unknown.data.createTakeoverVideo.issues).toEqual(submitted.data.createTakeoverVideo.issues);
  });
});
