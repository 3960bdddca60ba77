import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCipher } from '../src/auth/credential-cipher.js';
import { setTenantPlatformAccount } from '../src/db/tenants.js';
import { CREATE_PRESET, CREATE_TAKEOVER, DELETE_PRESET, DUPLICATE_PRESET, GET_PRESET, GET_TASK, LIST_PRESETS, LIST_TASKS, NODE, RESOLVE_PRESET, UPDATE_PRESET } from './helpers/operations.js';
import { startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
let otherKey: string;
let presetId: string;
let taskId: string;
beforeAll(async () => {
  t = await startTestApp({ simulator: { moreAccounts: [{ appId: 'acme-account', appKey: 'acme-secret-app-key' }] } });
  otherKey = await t.newTenant('tenant-b');
  presetId = (await t.graphql(CREATE_PRESET, { input: { name: 'Mine', videoName: 'v', params: minimalSceneParams } })).data.createPreset.preset.id;
  taskId = (await t.graphql(CREATE_TAKEOVER, { videoName: 'mine', params: minimalSceneParams })).data.createTakeoverVideo.task.id;
});
afterAll(() => t.close());

const asOther = (query: string, variables?: Record<string, unknown>) => t.graphql(query, variables, otherKey);

describe('API keys', () => {
  it('refuses requests without a key, with a malformed key, or with an unknown key', async () => {
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer tk_abcdefgh_${'x'.repeat(32)}`]) {
      const response = await t.app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(401);
      expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('stores only a hash and a prefix of each key', async () => {
    const rows = await t.db.apiKey.findMany();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(rows)).not.toContain(t.apiKey);
    expect(rows.every((row) => row.hash.length === 64 && t.apiKey.includes(row.prefix) !== otherKey.includes(row.prefix))).toBe(true);
  });

  it('are created, listed and revoked by the admin CLI, and revocation takes effect at once', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { env });
    const created = await cli('create', 'cli-tenant', 'laptop');
    const key = /(tk_\S+)/.exec(created.stdout)![1]!;
    const prefix = key.split('_')[1]!;
    expect((await t.graphql('{ tasks(first: 1) { edges { cursor } } }', {}, key)).data.tasks.edges).toEqual([]);

    const listed = (await cli('list', 'cli-tenant')).stdout;
    expect(listed).toContain(prefix);
    expect(listed).toContain('laptop');
    expect(listed).not.toContain(key);

    await cli('revoke', prefix);
    const refused = await t.graphql('{ __typename }', {}, key);
    expect(refused.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await cli('list', 'cli-tenant')).stdout).toMatch(/revoked/);
  });
});

describe('tenant isolation: not-found and not-yours look the same', () => {
  const unknownPreset = 'UHJlc2V0OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA=='; // Preset:0000…
  const unknownTask = 'VGFzazowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=';

  it('lists', async () => {
    expect((await asOther(LIST_PRESETS, {})).data.presets.edges).toEqual([]);
    expect((await asOther(LIST_TASKS, { first: 10 })).data.tasks.edges).toEqual([]);
    expect((await t.graphql(LIST_TASKS, { first: 10 })).data.tasks.edges).toHaveLength(1);
  });

  it('node(id:), task(id:) and preset(id:)', async () => {
    for (const [id, query, field] of [[presetId, GET_PRESET, 'preset'], [taskId, GET_TASK, 'task'], [presetId, NODE, 'node'], [taskId, NODE, 'node']] as const) {
      expect((await asOther(query, { id })).data[field]).toBeNull();
      expect((await t.graphql(query, { id })).data[field]).not.toBeNull();
    }
    expect((await asOther(GET_PRESET, { id: unknownPreset })).data.preset).toBeNull();
    expect((await asOther(GET_TASK, { id: unknownTask })).data.task).toBeNull();
  });

  it('update, duplicate and delete', async () => {
    for (const id of [presetId, unknownPreset]) {
      expect((await asOther(UPDATE_PRESET, { id, input: { name: 'stolen' } })).data.updatePreset.__typename).toBe('NotFoundError');
      expect((await asOther(DUPLICATE_PRESET, { id, name: 'copy' })).data.duplicatePreset.__typename).toBe('NotFoundError');
      expect((await asOther(DELETE_PRESET, { id })).data.deletePreset.__typename).toBe('NotFoundError');
    }
    expect((await t.graphql(GET_PRESET, { id: presetId })).data.preset).toMatchObject({ name: 'Mine', version: 1 });
  });

  it('preset references in resolvePreset and createTakeoverVideo', async () => {
    const calls = t.simulator.calls.create;
    for (const id of [presetId, unknownPreset]) {
      expect((await asOther(RESOLVE_PRESET, { preset: { id } })).data.resolvePreset.issues).toEqual([{ path: 'preset.id', message: 'no preset with this id' }]);
      expect((await asOther(CREATE_TAKEOVER, { preset: { id } })).data.createTakeoverVideo.issues).toEqual([
        { path: 'preset.id', message: 'no preset with this id' },
      ]);
    }
    expect(t.simulator.calls.create).toBe(calls);
  });

  it('the same preset name may exist once per tenant', async () => {
    const other = await asOther(CREATE_PRESET, { input: { name: 'Mine', params: minimalSceneParams } });
    expect(other.data.createPreset.__typename).toBe('CreatePresetSuccess');
  });
});

describe("tenants' own platform accounts", () => {
  it('sends a tenant’s tasks to its own account, stored encrypted; others use the global one', async () => {
    const cipher = new CredentialCipher(TEST_ENCRYPTION_KEY);
    await setTenantPlatformAccount(t.db, 'acme', 'acme-account', cipher.encrypt('acme-secret-app-key'));
    const acmeKey = await t.newTenant('acme');
    const stored = await t.db.tenant.findUniqueOrThrow({ where: { id: 'acme' } });
    expect(stored.platformAppKeyEncrypted).not.toContain('acme-secret-app-key');

    await t.graphql(CREATE_TAKEOVER, { videoName: 'by acme', params: minimalSceneParams }, acmeKey);
    await asOther(CREATE_TAKEOVER, { videoName: 'by b', params: minimalSceneParams });
    const byName = Object.fromEntries(t.simulator.tasks.map((task) => [task.videoName, task.appId]));
    expect(byName['by acme']).toBe('acme-account');
    expect(byName['by b']).toBe('test-app');
    expect(JSON.stringify(t.logs)).not.toContain('acme-secret-app-key');
  });
});
