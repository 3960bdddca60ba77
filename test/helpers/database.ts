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
  if (TEST_POSTGRES_URL) {
    const url = await createScratchPostgresDatabase(TEST_POSTGRES_URL, 'takeover_test');
    const database = await openDatabase(url, options);
    return {
      ...database,
      url,
      async close() {
        await database.db.$disconnect();
        await dropScratchPostgresDatabase(TEST_POSTGRES_URL, url);
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'takeover-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  const database = await openDatabase(url, options);
  return {
    ...database,
    url,
    async close() {
      await database.db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
