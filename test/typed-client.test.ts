// The client workflow with the generated typed documents: a schema change that breaks these
// operations breaks `tsc` (run by `npm test`) and this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckSceneDocument,
  CreatePresetDocument,
  CreateTakeoverVideoDocument,
  CreateTakeoverVideoFromPresetDocument,
  DeletePresetDocument,
  DuplicatePresetDocument,
  PresetDocument,
  PresetsDocument,
  TaskDocument,
  TasksDocument,
  UpdatePresetDocument,
  type TakeoverParamsInput,
} from '../client/generated/graphql.js';
import { execute } from './helpers/typed-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { seedSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// The seed fixture, checked against the generated input type.
const seedParams: TakeoverParamsInput = { ...seedSceneParams, videoFormat: 'MP4' };

describe('typed client workflow', () => {
  it('creates from params, from a preset, and reads everything back', async () => {
    const created = await execute(t, CreateTakeoverVideoDocument, { videoName: 'typed', params: seedParams, idempotencyKey: 'typed-1' });
    if (created.createTakeoverVideo.__typename !== 'CreateTakeoverVideoSuccess') throw new Error(created.createTakeoverVideo.__typename);
    const status: 'SUBMITTING' | 'SUBMITTED' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REJECTED' | 'UNREACHABLE' | 'UNKNOWN' = created.createTakeoverVideo.task.status;
    expect(status).toBe('SUBMITTED');

    const preset = await execute(t, CreatePresetDocument, {
      input: { name: 'Typed', tags: ['t'], videoName: 'For {{who}}', params: { ...seedParams, ttsQuery: { content: 'Hello {{who}}' } } },
    });
    if (preset.createPreset.__typename !== 'CreatePresetSuccess') throw new Error(preset.createPreset.__typename);
    const { id, variables } = preset.createPreset.preset;
    expect(variables).toEqual(['who']);

    const updated = await execute(t, UpdatePresetDocument, { id, expectedVersion: 1, input: { description: 'typed' } });
    expect(updated.updatePreset.__typename === 'UpdatePresetSuccess' && updated.updatePreset.preset.version).toBe(2);
    const copy = await execute(t, DuplicatePresetDocument, { id, name: 'Typed copy' });
    expect(copy.duplicatePreset.__typename).toBe('DuplicatePresetSuccess');

    const check = await execute(t, CheckSceneDocument, { preset: { id, variables: [{ name: 'who', value: 'Bo' }] }, frame: 0 });
    expect(check.checkScene.issues).toEqual([]);
    expect(check.checkScene.previewSvg).toMatch(/^<svg /);

    const fromPreset = await execute(t, CreateTakeoverVideoFromPresetDocument, { preset: { id, variables: [{ name: 'who', value: 'Bo' }] } });
    if (fromPreset.createTakeoverVideo.__typename !== 'CreateTakeoverVideoSuccess') throw new Error(fromPreset.createTakeoverVideo.__typename);
    expect(fromPreset.createTakeoverVideo.task.presetVersion).toBe(2);

    const tasks = await execute(t, TasksDocument, { first: 10, filter: { status: ['SUBMITTED'] } });
    expect(tasks.tasks.totalCount).toBe(2);
    expect(tasks.tasks.edges.map((edge) => edge.node.preset?.name ?? null)).toEqual(['Typed', null]);

    const task = await execute(t, TaskDocument, { id: fromPreset.createTakeoverVideo.task.id });
    expect(task.task?.params.ttsQuery?.content).toBe('Hello Bo');
    expect(task.task?.previewUrl).toMatch(/^http:\/\/test\/preview\/task\//);

    const listed = await execute(t, PresetsDocument, { tag: 't' });
    expect(listed.presets.edges.map((edge) => edge.node.name).sort()).toEqual(['Typed', 'Typed copy']);
    const one = await execute(t, PresetDocument, { id });
    expect(one.preset?.versions.map((v) => v.version)).toEqual([2, 1]);

    const deleted = await execute(t, DeletePresetDocument, { id });
    expect(deleted.deletePreset.__typename === 'DeletePresetSuccess' && deleted.deletePreset.deletedId).toBe(id);
  });
});
