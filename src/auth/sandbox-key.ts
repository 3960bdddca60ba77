// The sandbox's API key (tenant "default"), stable across restarts so GraphiQL tabs and local
// frontends keep working. The database keeps only its hash, as for every key; the key itself is
// kept in a file only its owner can read (beside the SQLite database by default).
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { createApiKey, DEFAULT_TENANT, findApiKeyByHash, recordApiKey, revokeLabelledKeys } from '../db/tenants.js';
import { parseApiKey } from './api-key.js';

export const SANDBOX_LABEL = 'sandbox';

export interface SandboxKey {
  key: string;
  /** Why this key: kept from the file, or newly minted. */
  origin: 'kept' | 'new';
}

async function readKeyFile(file: string): Promise<string | undefined> {
  const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (content === undefined) return undefined;
  // Someone widened the permissions: the key is a credential, narrow them again.
  if ((await stat(file)).mode & 0o077) await chmod(file, 0o600);
  return content.trim();
}

async function writeKeyFile(file: string, key: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${key}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** Revokes the sandbox's previous keys and mints a new one, kept in `file` when there is one. */
export async function rotateSandboxKey(db: Db, file: string | undefined): Promise<string> {
  await revokeLabelledKeys(db, DEFAULT_TENANT, SANDBOX_LABEL);
  const { key } = await createApiKey(db, DEFAULT_TENANT, SANDBOX_LABEL);
  if (file) await writeKeyFile(file, key);
  return key;
}

/**
 * The key kept in `file` while this database still accepts it as the sandbox's. A key the database
 * has never seen (a fresh database beside an old key file) is recorded again; a revoked one, or one
 * that is not the sandbox's, is replaced.
 */
export async function sandboxKey(db: Db, file: string | undefined): Promise<SandboxKey> {
  const kept = file ? parseApiKey((await readKeyFile(file)) ?? '') : undefined;
  if (kept) {
    const found = await findApiKeyByHash(db, kept.hash);
    if (found && !found.revokedAt && found.tenantId === DEFAULT_TENANT && found.label === SANDBOX_LABEL) {
      return { key: kept.key, origin: 'kept' };
    }
    if (!found) {
      // Another process starting on the same database and file may have recorded it first.
      await recordApiKey(db, DEFAULT_TENANT, kept, SANDBOX_LABEL).catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
      });
      return { key: kept.key, origin: 'kept' };
    }
  }
  return { key: await rotateSandboxKey(db, file), origin: 'new' };
}
