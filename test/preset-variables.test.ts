// A form built from a preset's `variables` never breaks (issue #12): a value for a variable the
// preset declares is accepted even when overrides removed every use of it (an UNUSED_VARIABLE
// warning says so); a value for a name the preset never declared is still refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET, CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let presetId: string;
beforeAll(async () => {
  t = await startTestApp();
  const params = { ...minimalSceneParams, ttsQuery: { content: 'Hello {{who}}' }, title: { text: 'Sale: {{what}}', fontFamily: 'Noto' } };
  const created = await t.graphql(CREATE_PRESET, { input: { name: 'Form', videoName: 'For {{who}}', params } });
  presetId = created.data.createPreset.preset.id;
});
afterAll(() => t.close());

const CHECK = /* GraphQL */ `
  query ($preset: PresetReferenceInput!) {
    checkScene(preset: $preset) { videoName issues { path message } warnings { code path message } params { title { text } } }
  }
`;
const DECLARED = /* GraphQL */ `query ($id: ID!) { preset(id: $id) { variables } }`;

describe('preset variables', () => {
  it('accepts a value for every declared variable after an override removed its use, with a warning', async () => {
    const { data } = await t.graphql(DECLARED, { id: presetId });
    expect(data.preset.variables).toEqual(['what', 'who']);
    const variables = data.preset.variables.map((name: string) => ({ name, value: `the ${name}` }));
    const preset = { id: presetId, variables, overrides: { title: null } };

    const check = (await t.graphql(CHECK, { preset })).data.checkScene;
    expect(check.issues).toEqual([]);
    expect(check.params.title).toBeNull();
    expect(check.videoName).toBe('For the who');
    expect(check.warnings).toContainEqual({ code: 'UNUSED_VARIABLE', path: 'variables.what', message: expect.stringContaining('{{what}}') });
    expect(check.warnings.filter((w: { code: string }) => w.code === 'UNUSED_VARIABLE')).toHaveLength(1);

    const submitted = await t.graphql(CREATE_TAKEOVER, { preset });
    expect(submitted.data.createTakeoverVideo.__typename).not.toBe('ValidationError');
  });

  it('still refuses a value for a variable the preset never declared, and a missing value', async () => {
    const unknown = { id: presetId, variables: [{ name: 'who', value: 'x' }, { name: 'what', value: 'y' }, { name: 'nobody', value: 'z' }] };
    expect((await t.graphql(CHECK, { preset: unknown })).data.checkScene.issues).toEqual([
      { path: 'variables.nobody', message: expect.stringContaining('does not use the variable {{nobody}}') },
    ]);
    const missing = { id: presetId, variables: [{ name: 'who', value: 'x' }] };
    expect((await t.graphql(CHECK, { preset: missing })).data.checkScene.issues).toEqual([
      { path: 'variables.what', message: expect.stringContaining('no value given') },
    ]);
  });
});
