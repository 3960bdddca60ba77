import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER, GET_TASK, LIST_TASKS } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedParam, seedSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the seed scene, entered as GraphQL input', () => {
  it('reaches the platform as exactly the seed JSON, and is recorded as SUBMITTED', async () => {
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'seed', params: seedSceneParams });
    const result = data.createTakeoverVideo;
    expect(result.__typename).toBe('CreateTakeoverVideoSuccess');

    const sent = t.simulator.tasks.at(-1)!;
    expect(sent.videoName).toBe('seed');
    expect(typeof sent.param).toBe('string');
    expect(JSON.parse(sent.param)).toStrictEqual(seedParam);

    expect(result.task.status).toBe('SUBMITTED');
    expect(result.task.platformTaskId).toBe(String(sent.id));
    expect(result.task.paramString).toBe(sent.param);
  });

  it('keeps the platform key spellings: hyphenated foreground-texts and appleMusle', async () => {
    await t.graphql(CREATE_TAKEOVER, { videoName: 'keys', params: seedSceneParams });
    const param = t.simulator.tasks.at(-1)!.param;
    expect(param).toContain('"foreground-texts":[');
    expect(param).toContain('"appleMusle":');
    expect(param).not.toContain('appleMuscle');
    expect(Object.keys(JSON.parse(param).effects.beautify)).toHaveLength(43);
  });
});

describe('a minimal scene', () => {
  it('is accepted and stored with every default visible', async () => {
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'minimal', params: minimalSceneParams });
    const task = data.createTakeoverVideo.task;
    expect(task.status).toBe('SUBMITTED');
    expect(task.params).toMatchObject({
      version: '0.0.13',
      bitRate: 8,
      frameRate: 25,
      watermark: { show: false, content: '' },
      digitalRole: { fileId: '12345', url: '', scale: 1, zPosition: 1, position: { x: 0, y: 0 } },
      ttsQuery: { content: '您好', ssml: false },
      audios: [],
      backgrounds: [],
    });
    const wire = JSON.parse(task.paramString);
    expect(wire).not.toHaveProperty('title');
    expect(wire).not.toHaveProperty('effects');
    expect(wire.digital_role).not.toHaveProperty('id');
    expect(wire.resolution).toEqual([1080, 1920]);
  });

  it('fills every beautify key left out with 0 when effects are given', async () => {
    const params = { ...minimalSceneParams, effects: { beautify: { whitenStrength: 0.5 } } };
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'fx', params });
    const beautify = JSON.parse(data.createTakeoverVideo.task.paramString).effects.beautify;
    expect(beautify.whitenStrength).toBe(0.5);
    expect(beautify.appleMusle).toBe(0);
    expect(Object.keys(beautify)).toHaveLength(43);
  });
});

describe('queries', () => {
  it('lists tasks newest first and finds one by id', async () => {
    const { data } = await t.graphql(LIST_TASKS, { first: 2 });
    const names = data.tasks.edges.map((edge: any) => edge.node.videoName);
    expect(names).toEqual(['fx', 'minimal']);
    expect(data.tasks.pageInfo.hasNextPage).toBe(true);

    const next = await t.graphql(LIST_TASKS, { first: 10, after: data.tasks.pageInfo.endCursor });
    expect(next.data.tasks.edges.map((edge: any) => edge.node.videoName)).toEqual(['keys', 'seed']);

    const id = data.tasks.edges[0].node.id;
    const one = await t.graphql(GET_TASK, { id });
    expect(one.data.task).toMatchObject({ id, videoName: 'fx', status: 'SUBMITTED' });
  });
});
