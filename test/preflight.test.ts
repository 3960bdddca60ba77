import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const CHECK = /* GraphQL */ `
  query Check($params: TakeoverParamsInput, $preset: PresetReferenceInput, $videoName: String) {
    checkScene(params: $params, preset: $preset, videoName: $videoName) { issues { path message } warnings { path code message } paramString }
  }
`;

const check = async (params: unknown) => {
  const { data, errors } = await t.graphql(CHECK, { params, videoName: 'checked' });
  expect(errors).toBeUndefined();
  return data.checkScene;
};

const seed = seedSceneParams;
const text = seed.foregroundTexts[0]!;
const layer = seed.foregrounds[0]!;

const cases: { code: string; path: string; params: unknown }[] = [
  { code: 'OFF_CANVAS', path: 'params.foregrounds[0].rect', params: { ...seed, foregrounds: [{ ...layer, rect: { x: 2000, y: 0, width: 100, height: 100 } }] } },
  { code: 'OFF_CANVAS', path: 'params.backgrounds[1].rect', params: { ...seed, backgrounds: [seed.backgrounds[0], { ...seed.backgrounds[0], rect: { x: 0, y: -500, width: 100, height: 100 } }] } },
  { code: 'OFF_CANVAS', path: 'params.foregroundTexts[0].position', params: { ...seed, foregroundTexts: [{ ...text, position: { x: 100, y: 5000 } }] } },
  { code: 'OFF_CANVAS', path: 'params.digitalRole.position', params: { ...seed, digitalRole: { ...seed.digitalRole, position: { x: -2000, y: 0 } } } },
  { code: 'OFF_CANVAS', path: 'params.title.position', params: { ...seed, title: { ...seed.title, position: { x: 540, y: 3000 } } } },
  { code: 'SAME_Z_OVERLAP', path: 'params.foregrounds[0].zPosition', params: { ...seed, foregrounds: [{ ...layer, zPosition: 1 }] } },
  { code: 'TEXT_TOO_WIDE', path: 'params.foregroundTexts[0].text', params: { ...seed, foregroundTexts: [{ ...text, text: '这是一个非常长的前景文字', fontSize: 120 }] } },
  { code: 'BACKGROUND_GAPS', path: 'params.backgrounds', params: { ...seed, backgrounds: [{ ...seed.backgrounds[0], rect: { x: 0, y: 0, width: 1080, height: 960 } }] } },
  { code: 'ODD_RESOLUTION', path: 'params.resolution', params: { ...minimalSceneParams, resolution: { width: 1081, height: 1920 } } },
  { code: 'EMPTY_WATERMARK', path: 'params.watermark.content', params: { ...minimalSceneParams, watermark: { show: true, content: ' ' } } },
  { code: 'SSML_NOT_FLAGGED', path: 'params.ttsQuery.ssml', params: { ...minimalSceneParams, ttsQuery: { content: '<speak>hello</speak>', ssml: false } } },
];

describe('pre-flight warnings', () => {
  it('the platform example scene has none', async () => {
    expect((await check(seed)).warnings).toEqual([]);
  });

  it.each(cases)('$code at $path', async ({ code, path, params }) => {
    const result = await check(params);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toContainEqual({ path, code, message: expect.any(String) });
  });

  it('reports validation errors as data, with the same paths as a submission, and submits nothing', async () => {
    const result = await check({ ...seed, frameRate: 0 });
    expect(result.issues).toEqual([{ path: 'params.frameRate', message: expect.any(String) }]);
    expect(result.paramString).toBeNull();
    expect(t.simulator.calls.create).toBe(0);
  });

  it('asks for exactly one of params and preset', async () => {
    const neither = (await t.graphql(CHECK, {})).data.checkScene;
    expect(neither.issues).toEqual([{ path: 'params', message: expect.stringMatching(/^give either params or a preset/) }]);
    // A malformed id is an id no preset has.
    const badId = (await t.graphql(CHECK, { preset: { id: 'nope' } })).data.checkScene;
    expect(badId.issues).toEqual([{ path: 'preset.id', message: 'no preset with this id' }]);
  });

  it('checks a preset with variables, and reports its problems', async () => {
    const { id } = (await t.graphql(CREATE_PRESET, {
      input: { name: 'checked', params: { ...minimalSceneParams, ttsQuery: { content: 'Hi {{name}}' }, resolution: { width: 721, height: 1280 } } },
    })).data.createPreset.preset;
    const ok = (await t.graphql(CHECK, { preset: { id, variables: [{ name: 'name', value: 'Ann' }] }, videoName: 'for {{name}}' })).data.checkScene;
    expect(JSON.parse(ok.paramString).tts_query.content).toBe('Hi Ann');
    expect(ok.warnings.map((w: { code: string }) => w.code)).toEqual(['ODD_RESOLUTION']);
    const missing = (await t.graphql(CHECK, { preset: { id }, videoName: 'v' })).data.checkScene;
    expect(missing.issues).toEqual([{ path: 'variables.name', message: expect.any(String) }]);
  });

  it('createTakeoverVideo returns the warnings with the task and still submits', async () => {
    const mutation = /* GraphQL */ `
      mutation ($params: TakeoverParamsInput) {
        createTakeoverVideo(videoName: "warned", params: $params) {
          __typename ... on CreateTakeoverVideoSuccess { task { status warnings { code path } } }
        }
      }
    `;
    const { data } = await t.graphql(mutation, { params: { ...minimalSceneParams, watermark: { show: true } } });
    expect(data.createTakeoverVideo).toEqual({
      __typename: 'CreateTakeoverVideoSuccess',
      task: { status: 'SUBMITTED', warnings: [{ code: 'EMPTY_WATERMARK', path: 'params.watermark.content' }] },
    });
  });
});
