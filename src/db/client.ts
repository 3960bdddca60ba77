// Prisma client creation, the driver adapter chosen by the database URL, and migration at
// start-up. The only file that knows which databases we support.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations } from './schema-engine.js';

export type Db = PrismaClient;

const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

function sqliteFile(url: string): string | undefined {
  return url.startsWith('file:') ? url.slice('file:'.length) : undefined;
}

function adapterFor(url: string) {
  const file = sqliteFile(url);
  if (file === undefined) {
    throw new Error('unsupported DATABASE_URL: use file:<path> for SQLite');
  }
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaBetterSqlite3({ url: file });
}

/** A connected client on a database with every committed migration applied. */
export async function openDatabase(url: string): Promise<Db> {
  const adapter = adapterFor(url);
  await applyMigrations(adapter, MIGRATIONS_DIR);
  return new PrismaClient({ adapter });
}
