// A fresh database per test file: a SQLite file by default, or a scratch PostgreSQL database when
// TEST_POSTGRES_URL names a server (CI sets it; see vitest.config.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../../src/db/client.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../../src/db/postgres-scratch.js';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;

export interface TestDatabase extends Database {
  url: string;
  close(): Promise<void>;
}

export async function openTestDatabase(options: OpenDatabaseOptions = {}): Promise<TestDatabase> {
  const postgresUrl = TEST_POSTGRES_URL;
  const dir = postgresUrl ? undefined : await mkdtemp(path.join(tmpdir(), 'takeover-test-'));
  const url = postgresUrl ? await createScratchPostgresDatabase(postgresUrl, 'takeover_test') : `file:${path.join(dir!, 'test.db')}`;
  const database = await openDatabase(url, options);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      if (postgresUrl) await dropScratchPostgresDatabase(postgresUrl, url);
      else await rm(dir!, { recursive: true, force: true });
    },
  };
}
