import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_PRESET, CREATE_TAKEOVER, DELETE_PRESET, DUPLICATE_PRESET, GET_PRESET, LIST_PRESETS, NODE, RESOLVE_PRESET, UPDATE_PRESET,
} from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const templateScene = {
  ...seedSceneParams,
  ttsQuery: { content: '{{greeting}}, {{customer}}!', ssml: false },
  title: { ...seedSceneParams.title, text: 'Offer for {{customer}}' },
  watermark: { show: true, content: '{{brand}}' },
};

async function createPreset(input: Record<string, unknown>) {
  const { data, errors } = await t.graphql(CREATE_PRESET, { input });
  expect(errors).toBeUndefined();
  return data.createPreset;
}

describe('preset CRUD', () => {
  it('creates a preset with derived variables, tags and version 1', async () => {
    const result = await createPreset({
      name: 'Welcome',
      description: 'the standard greeting',
      tags: ['sales', 'greeting', 'sales'],
      videoName: 'Welcome {{customer}}',
      params: templateScene,
    });
    expect(result.__typename).toBe('CreatePresetSuccess');
    expect(result.preset).toMatchObject({
      name: 'Welcome',
      version: 1,
      tags: ['greeting', 'sales'],
      variables: ['brand', 'customer', 'greeting'],
      params: { resolution: { width: 1080, height: 1920 }, ttsQuery: { content: '{{greeting}}, {{customer}}!' } },
    });
  });

  it('rejects a preset that would not validate, with the same paths as a submission, and saves nothing', async () => {
    const before = await t.db.preset.count();
    const result = await createPreset({
      name: 'Broken',
      params: { ...minimalSceneParams, foregroundTexts: [{ text: 'x', fontFamily: 'f', rgba: [1, 2] }] },
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues).toEqual([{ path: 'input.params.foregroundTexts[0].rgba', message: expect.stringMatching(/exactly 4/) }]);
    expect(await t.db.preset.count()).toBe(before);
  });

  it('refuses a second preset with the same name', async () => {
    const result = await createPreset({ name: 'Welcome', params: minimalSceneParams });
    expect(result).toMatchObject({ __typename: 'PresetNameTakenError', message: expect.stringMatching(/already exists/) });
  });

  it('rejects bad tags and empty names', async () => {
    const result = await createPreset({ name: ' ', tags: ['ok', 'no"quotes'], params: minimalSceneParams });
    expect(result.issues.map((i: any) => i.path).sort()).toEqual(['input.name', 'input.tags[1]']);
  });

  it('updates as a new version and keeps every previous version', async () => {
    const { data } = await t.graphql(LIST_PRESETS, { search: 'welcome' });
    const id = data.presets.edges[0].node.id;

    const renamed = await t.graphql(UPDATE_PRESET, { id, input: { name: 'Welcome v2', description: 'changed' } });
    expect(renamed.data.updatePreset.preset).toMatchObject({ name: 'Welcome v2', description: 'changed', version: 2 });

    const changed = await t.graphql(UPDATE_PRESET, {
      id,
      expectedVersion: 2,
      input: { tags: ['vip'], params: { ...templateScene, ttsQuery: { content: 'Hello {{customer}}' } } },
    });
    expect(changed.data.updatePreset.preset).toMatchObject({ version: 3, tags: ['vip'], variables: ['brand', 'customer'] });

    const stale = await t.graphql(UPDATE_PRESET, { id, expectedVersion: 2, input: { description: 'lost update' } });
    expect(stale.data.updatePreset).toMatchObject({ __typename: 'PresetVersionConflictError', currentVersion: 3 });

    const invalid = await t.graphql(UPDATE_PRESET, { id, input: { params: { ...templateScene, frameRate: 0 } } });
    expect(invalid.data.updatePreset.issues).toEqual([{ path: 'input.params.frameRate', message: expect.any(String) }]);

    const { data: read } = await t.graphql(GET_PRESET, { id });
    expect(read.preset.version).toBe(3);
    expect(read.preset.versions.map((v: any) => [v.version, v.name, v.tags])).toEqual([
      [3, 'Welcome v2', ['vip']],
      [2, 'Welcome v2', ['greeting', 'sales']],
      [1, 'Welcome', ['greeting', 'sales']],
    ]);
    expect(read.preset.versions[2].params.ttsQuery.content).toBe('{{greeting}}, {{customer}}!');
    expect(read.preset.versions[2].variables).toEqual(['brand', 'customer', 'greeting']);
  });

  it('duplicates a preset under a new name as version 1', async () => {
    const { id } = (await createPreset({ name: 'Original', tags: ['a'], params: minimalSceneParams })).preset;
    const copy = (await t.graphql(DUPLICATE_PRESET, { id, name: 'Copy' })).data.duplicatePreset;
    expect(copy.preset).toMatchObject({ name: 'Copy', version: 1, tags: ['a'] });
    expect(copy.preset.id).not.toBe(id);
    const clash = (await t.graphql(DUPLICATE_PRESET, { id, name: 'Original' })).data.duplicatePreset;
    expect(clash.__typename).toBe('PresetNameTakenError');
  });

  it('deletes a preset; deleting again or updating it is NotFound', async () => {
    const { id } = (await createPreset({ name: 'Doomed', tags: ['x'], params: minimalSceneParams })).preset;
    expect(await t.db.presetVersion.count({ where: { presetId: decodeGlobalID(id).id } })).toBe(1);
    expect((await t.graphql(DELETE_PRESET, { id })).data.deletePreset).toEqual({ __typename: 'DeletePresetSuccess', deletedId: id });
    expect((await t.graphql(DELETE_PRESET, { id })).data.deletePreset.__typename).toBe('NotFoundError');
    expect((await t.graphql(UPDATE_PRESET, { id, input: { name: 'x' } })).data.updatePreset.__typename).toBe('NotFoundError');
    expect((await t.graphql(GET_PRESET, { id })).data.preset).toBeNull();
    expect(await t.db.presetVersion.count({ where: { presetId: decodeGlobalID(id).id } })).toBe(0);
    expect(await t.db.presetTag.count({ where: { presetId: decodeGlobalID(id).id } })).toBe(0);
  });

  it('answers a malformed id as an id no preset has', async () => {
    const taskId = Buffer.from('Task:00000000-0000-0000-0000-000000000000').toString('base64');
    for (const id of ['not-a-global-id', taskId, Buffer.from('Preset:not-a-uuid').toString('base64')]) {
      expect((await t.graphql(DELETE_PRESET, { id })).data.deletePreset.__typename).toBe('NotFoundError');
      expect((await t.graphql(UPDATE_PRESET, { id, input: { name: 'x' } })).data.updatePreset.__typename).toBe('NotFoundError');
      expect((await t.graphql(DUPLICATE_PRESET, { id, name: 'x' })).data.duplicatePreset.__typename).toBe('NotFoundError');
    }
  });
});

describe('preset list', () => {
  it('pages newest first, searches by name (case-insensitive) and filters by tag', async () => {
    const names = ['Alpha Promo', 'Beta promo', 'Gamma'];
    for (const [i, name] of names.entries()) {
      await createPreset({ name, tags: i < 2 ? ['promo'] : ['other'], params: minimalSceneParams });
    }
    const promo = (await t.graphql(LIST_PRESETS, { search: 'PROMO' })).data.presets;
    expect(promo.edges.map((e: any) => e.node.name)).toEqual(['Beta promo', 'Alpha Promo']);
    expect(promo.totalCount).toBe(2);

    const tagged = (await t.graphql(LIST_PRESETS, { tag: 'other' })).data.presets;
    expect(tagged.edges.map((e: any) => e.node.name)).toEqual(['Gamma']);

    const first = (await t.graphql(LIST_PRESETS, { first: 2 })).data.presets;
    expect(first.edges.map((e: any) => e.node.name)).toEqual(['Gamma', 'Beta promo']);
    const rest = (await t.graphql(LIST_PRESETS, { first: 50, after: first.pageInfo.endCursor })).data.presets;
    expect(rest.edges[0].node.name).toBe('Alpha Promo');
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(first.totalCount);
  });

  it('finds presets and tasks through node(id:)', async () => {
    const preset = (await createPreset({ name: 'Node', params: minimalSceneParams })).preset;
    expect((await t.graphql(NODE, { id: preset.id })).data.node).toEqual({ __typename: 'Preset', id: preset.id, name: 'Node' });
    const task = (await t.graphql(CREATE_TAKEOVER, { videoName: 'node task', params: minimalSceneParams })).data.createTakeoverVideo.task;
    expect((await t.graphql(NODE, { id: task.id })).data.node).toEqual({ __typename: 'Task', id: task.id, videoName: 'node task' });
  });
});

describe('submitting from a preset', () => {
  let presetId: string;
  beforeAll(async () => {
    presetId = (await createPreset({ name: 'Campaign', videoName: 'Campaign for {{customer}}', params: templateScene })).preset.id;
  });

  const variables = [
    { name: 'greeting', value: 'Hello' },
    { name: 'customer', value: 'Ada' },
    { name: 'brand', value: 'ACME' },
  ];

  it('fills variables, records the preset version and the resolved params it sent', async () => {
    const { data } = await t.graphql(CREATE_TAKEOVER, { preset: { id: presetId, variables } });
    const result = data.createTakeoverVideo;
    expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(result.task).toMatchObject({
      videoName: 'Campaign for Ada',
      presetVersion: 1,
      preset: { id: presetId, version: 1 },
      params: { ttsQuery: { content: 'Hello, Ada!' }, title: { text: 'Offer for Ada' }, watermark: { content: 'ACME' } },
    });
    const sent = JSON.parse(t.simulator.tasks.at(-1)!.param);
    expect(sent.tts_query.content).toBe('Hello, Ada!');
    expect(sent.title.text).toBe('Offer for Ada');
    expect(result.task.paramString).toBe(t.simulator.tasks.at(-1)!.param);
  });

  it('deep-merges overrides: objects merge, lists replace, null removes', async () => {
    const overrides = {
      title: { fontSize: 80 },
      backgrounds: [{ fileId: 'bg-2', rect: { x: 0, y: 0, width: 720, height: 1280 } }],
      resolution: { width: 720, height: 1280 },
      watermark: null,
    };
    const { data } = await t.graphql(RESOLVE_PRESET, {
      preset: { id: presetId, variables: variables.filter((v) => v.name !== 'brand'), overrides },
    });
    const dryRun = data.resolvePreset;
    expect(dryRun.issues).toEqual([]);
    expect(dryRun.params.title.text).toBe('Offer for Ada');
    expect(dryRun.params.backgrounds).toEqual([{ fileId: 'bg-2' }]);
    expect(dryRun.params.resolution).toEqual({ width: 720, height: 1280 });
    expect(dryRun.params.watermark).toEqual({ content: '' });
    const wire = JSON.parse(dryRun.paramString);
    expect(wire.title.font_size).toBe(80);
    expect(wire.title.font_family).toBe('Noto Sans S Chinese Black');
    expect(wire.watermark).toEqual({ show: false, content: '' });
  });

  it('reports missing and unknown variables with paths, before anything is sent', async () => {
    const calls = t.simulator.calls.create;
    const tasks = await t.db.task.count();
    const { data } = await t.graphql(CREATE_TAKEOVER, {
      preset: { id: presetId, variables: [{ name: 'greeting', value: 'Hi' }, { name: 'nickname', value: 'x' }] },
    });
    const issues = data.createTakeoverVideo.issues;
    expect(issues.map((i: any) => i.path).sort()).toEqual(['variables.brand', 'variables.customer', 'variables.nickname']);
    expect(issues.find((i: any) => i.path === 'variables.nickname').message).toMatch(/does not use/);
    expect(t.simulator.calls.create).toBe(calls);
    expect(await t.db.task.count()).toBe(tasks);
  });

  it('reports overrides that break validation, with the path in the merged scene', async () => {
    const { data } = await t.graphql(RESOLVE_PRESET, {
      preset: { id: presetId, variables, overrides: { foregroundTexts: [{ text: 'x', fontFamily: 'f', opacity: 3 }], digitalRole: null } },
    });
    expect(data.resolvePreset.params).toBeNull();
    expect(data.resolvePreset.issues.map((i: any) => i.path).sort()).toEqual(['params.digitalRole', 'params.foregroundTexts[0].opacity']);
  });

  it('reports values that make the final scene invalid (length after substitution)', async () => {
    const long = variables.map((v) => (v.name === 'customer' ? { ...v, value: 'x'.repeat(600) } : v));
    const { data } = await t.graphql(RESOLVE_PRESET, { preset: { id: presetId, variables: long } });
    expect(data.resolvePreset.issues.map((i: any) => i.path)).toContain('params.title.text');
  });

  it('escapes variable values inside SSML', async () => {
    const ssml = (await createPreset({
      name: 'SSML',
      videoName: 'ssml',
      params: { ...minimalSceneParams, ttsQuery: { content: '<speak>Hi {{who}}</speak>', ssml: true } },
    })).preset;
    const { data } = await t.graphql(RESOLVE_PRESET, { preset: { id: ssml.id, variables: [{ name: 'who', value: 'Tom & <Jerry>' }] } });
    expect(data.resolvePreset.issues).toEqual([]);
    expect(data.resolvePreset.params.ttsQuery.content).toBe('<speak>Hi Tom &amp; &lt;Jerry&gt;</speak>');
  });

  it('submits an older version when asked, and says so on the task', async () => {
    await t.graphql(UPDATE_PRESET, { id: presetId, input: { params: { ...templateScene, title: { ...templateScene.title, text: 'New {{customer}}' } } } });
    const v1 = (await t.graphql(CREATE_TAKEOVER, { preset: { id: presetId, version: 1, variables } })).data.createTakeoverVideo.task;
    const v2 = (await t.graphql(CREATE_TAKEOVER, { preset: { id: presetId, variables } })).data.createTakeoverVideo.task;
    expect([v1.presetVersion, v1.params.title.text]).toEqual([1, 'Offer for Ada']);
    expect([v2.presetVersion, v2.params.title.text]).toEqual([2, 'New Ada']);
    const missing = (await t.graphql(CREATE_TAKEOVER, { preset: { id: presetId, version: 9, variables } })).data.createTakeoverVideo;
    expect(missing.issues).toEqual([{ path: 'preset.version', message: 'this preset has no version 9' }]);
  });

  it('requires exactly one of params and preset, and a video name from somewhere', async () => {
    const both = (await t.graphql(CREATE_TAKEOVER, { videoName: 'x', params: minimalSceneParams, preset: { id: presetId } })).data.createTakeoverVideo;
    expect(both.issues[0]).toMatchObject({ path: 'params', message: expect.stringMatching(/either params or a preset/) });
    const neither = (await t.graphql(CREATE_TAKEOVER, { videoName: 'x' })).data.createTakeoverVideo;
    expect(neither.issues[0].path).toBe('params');
    const noName = (await createPreset({ name: 'Nameless', params: minimalSceneParams })).preset;
    const unnamed = (await t.graphql(CREATE_TAKEOVER, { preset: { id: noName.id } })).data.createTakeoverVideo;
    expect(unnamed.issues).toEqual([{ path: 'videoName', message: expect.stringMatching(/no video name template/) }]);
    const named = (await t.graphql(CREATE_TAKEOVER, { videoName: 'given', preset: { id: noName.id } })).data.createTakeoverVideo;
    expect(named.task.videoName).toBe('given');
  });

  it('a deleted preset leaves its tasks with their version, and cannot be submitted', async () => {
    const p = (await createPreset({ name: 'Ephemeral', videoName: 'e', params: minimalSceneParams })).preset;
    const task = (await t.graphql(CREATE_TAKEOVER, { preset: { id: p.id } })).data.createTakeoverVideo.task;
    await t.graphql(DELETE_PRESET, { id: p.id });
    const after = await t.db.task.findFirstOrThrow({ where: { videoName: 'e' } });
    expect([after.presetId, after.presetVersion]).toEqual([null, 1]);
    expect(task.preset.id).toBe(p.id);
    const again = (await t.graphql(CREATE_TAKEOVER, { preset: { id: p.id } })).data.createTakeoverVideo;
    expect(again.issues).toEqual([{ path: 'preset.id', message: 'no preset with this id' }]);
  });
});
