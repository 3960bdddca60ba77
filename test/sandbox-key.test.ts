// The sandbox key file: what start-up does with whatever it finds there.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../src/auth/api-key.js';
import { sandboxKey } from '../src/auth/sandbox-key.js';
import { createApiKey, findApiKeyByHash } from '../src/db/tenants.js';
import { openTestDatabase, type TestDatabase } from './helpers/database.js';

let database: TestDatabase;
let dir: string;
let file: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'sandbox-key-'));
  file = path.join(dir, 'sandbox-key');
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the sandbox key file', () => {
  it('is created with a new key, mode 0600, and that key is kept while it is live', async () => {
    const first = await sandboxKey(database.db, file);
    expect(first.origin).toBe('new');
    expect((await readFile(file, 'utf8')).trim()).toBe(first.key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await sandboxKey(database.db, file)).toEqual({ key: first.key, origin: 'kept' });
  });

  it('gets its permissions narrowed again when someone widened them', async () => {
    await chmod(file, 0o644);
    await sandboxKey(database.db, file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('holding garbage, or another tenant’s key, is replaced; the other key stays as it was', async () => {
    await writeFile(file, 'not a key\n');
    expect((await sandboxKey(database.db, file)).origin).toBe('new');

    const { key: other } = await createApiKey(database.db, 'acme', 'ci');
    await writeFile(file, `${other}\n`);
    const replaced = await sandboxKey(database.db, file);
    expect(replaced.origin).toBe('new');
    expect(replaced.key).not.toBe(other);
    expect(await findApiKeyByHash(database.db, hashApiKey(other))).toMatchObject({ tenantId: 'acme', revokedAt: null });
  });
});
