// Every rule holds on the request as resolved, whichever path built it, and checkScene reports
// exactly what createTakeoverVideo refuses (issue #9, item 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET, CREATE_TAKEOVER, RESOLVE_PRESET } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let welcome: string;
let nameless: string;
beforeAll(async () => {
  t = await startTestApp();
  const params = { ...minimalSceneParams, ttsQuery: { content: 'Hello {{customer}}' } };
  welcome = (await t.graphql(CREATE_PRESET, { input: { name: 'Welcome', videoName: 'Welcome {{customer}}', params } })).data.createPreset.preset.id;
  nameless = (await t.graphql(CREATE_PRESET, { input: { name: 'Nameless', params: minimalSceneParams } })).data.createPreset.preset.id;
});
afterAll(() => t.close());

const CHECK = /* GraphQL */ `
  query Check($videoName: String, $thumbnailUrl: String, $params: TakeoverParamsInput, $preset: PresetReferenceInput) {
    checkScene(videoName: $videoName, thumbnailUrl: $thumbnailUrl, params: $params, preset: $preset) { videoName issues { path message } }
  }
`;

const customer = (value: string) => [{ name: 'customer', value }];

describe('rules on the resolved request', () => {
  it("a preset's video name template filled in past 255 characters is refused, and nothing is sent", async () => {
    const preset = { id: welcome, variables: customer('x'.repeat(9_000)) };
    const created = (await t.graphql(CREATE_TAKEOVER, { preset })).data.createTakeoverVideo;
    expect(created).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'videoName', message: expect.stringMatching(/<=255/) }] });
    expect((await t.graphql(RESOLVE_PRESET, { preset })).data.resolvePreset.issues).toEqual(created.issues);
    expect((await t.graphql(CHECK, { preset })).data.checkScene.issues).toEqual(created.issues);
    expect(t.simulator.calls.create).toBe(0);
    expect(await t.db.task.count()).toBe(0);
  });

  it('checkScene reports a 900,000-character video name', async () => {
    const { data } = await t.graphql(CHECK, { videoName: 'x'.repeat(900_000), params: minimalSceneParams });
    expect(data.checkScene.issues).toEqual([{ path: 'videoName', message: expect.stringMatching(/<=255/) }]);
  });

  // Functions: the presets' ids exist once beforeAll has run.
  const inputs: [string, () => Record<string, unknown>][] = [
    ['a valid scene', () => ({ videoName: 'ok', params: minimalSceneParams })],
    ['a valid preset submission', () => ({ preset: { id: welcome, variables: customer('Ada') } })],
    ['no video name', () => ({ params: minimalSceneParams })],
    ['a blank video name', () => ({ videoName: '   ', params: minimalSceneParams })],
    ['a 256-character video name', () => ({ videoName: 'x'.repeat(256), params: minimalSceneParams })],
    ['a NUL in the video name', () => ({ videoName: 'a\u0000b', params: minimalSceneParams })],
    ['a bad thumbnail', () => ({ videoName: 'v', thumbnailUrl: 'javascript:alert(1)', params: minimalSceneParams })],
    ['a thumbnail with a NUL', () => ({ videoName: 'v', thumbnailUrl: 'https://x/\u0000', params: minimalSceneParams })],
    ['a broken scene', () => ({ videoName: 'x'.repeat(300), params: { ...seedSceneParams, frameRate: 0, title: { ...seedSceneParams.title, text: '' } } })],
    ['both params and preset', () => ({ videoName: 'v', params: minimalSceneParams, preset: { id: welcome } })],
    ['neither params nor preset', () => ({ videoName: 'v' })],
    ['an unknown preset', () => ({ preset: { id: Buffer.from('Preset:00000000-0000-0000-0000-000000000000').toString('base64') } })],
    ['a malformed preset id', () => ({ preset: { id: 'nope' } })],
    ['a missing preset version', () => ({ preset: { id: welcome, version: 7, variables: customer('Ada') } })],
    ['a missing variable', () => ({ preset: { id: welcome } })],
    ['an unknown variable', () => ({ preset: { id: welcome, variables: [...customer('Ada'), { name: 'other', value: 'x' }] } })],
    ['a variable that makes the name blank', () => ({ preset: { id: welcome, variables: customer('   ') }, videoName: '{{customer}}' })],
    ['a line break in the resolved name', () => ({ preset: { id: welcome, variables: customer('A\nB') } })],
    ['a line break in a value filled into the script only', () => ({ preset: { id: welcome, variables: customer('A\nB') }, videoName: 'fixed' })],
    ['a NUL in a variable', () => ({ preset: { id: welcome, variables: customer('A\u0000') } })],
    ['a template given with the request that resolves too long', () => ({ preset: { id: welcome, variables: customer('y'.repeat(250)) }, videoName: 'Dear {{customer}}' })],
    ['overrides that break a rule', () => ({ preset: { id: welcome, variables: customer('Ada'), overrides: { frameRate: 0, digitalRole: null } } })],
    ['a preset without a name template and no name', () => ({ preset: { id: nameless } })],
    ['a preset without a name template, named', () => ({ preset: { id: nameless }, videoName: 'named' })],
    ['a script too long once filled in', () => ({ preset: { id: welcome, variables: customer('z'.repeat(9_995)) } })],
  ];

  it.each(inputs)('%s: checkScene reports exactly what createTakeoverVideo refuses', async (_what, input) => {
    const args = input();
    const checked = await t.graphql(CHECK, args);
    expect(checked.errors, JSON.stringify(checked.errors)).toBeUndefined();
    const { issues } = checked.data.checkScene;
    const calls = t.simulator.calls.create;
    const created = await t.graphql(CREATE_TAKEOVER, args);
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const result = created.data.createTakeoverVideo;
    if (issues.length === 0) {
      expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
      expect(result.task.videoName).toBe(checked.data.checkScene.videoName);
      expect(t.simulator.calls.create).toBe(calls + 1);
    } else {
      expect(result).toMatchObject({ __typename: 'ValidationError', issues });
      expect(t.simulator.calls.create).toBe(calls);
    }
  });
});
