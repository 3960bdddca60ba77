// Writes a new migration, for SQLite and for PostgreSQL, from the difference between the committed
// migrations and prisma/schema.prisma. Offline, through the WASM schema engine.
// Usage: npm run migrate:diff -- <name>
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { diffMigrationsToSchema, diffSchemas } from '../src/db/schema-engine.js';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) throw new Error('usage: npm run migrate:diff -- <migration_name>');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

async function write(dir: string, provider: string, sql: string) {
  if (!sql.trim() || /empty migration/i.test(sql)) {
    console.log(`${provider}: no changes`);
    return false;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, 'migration.sql'), sql);
  await writeFile(path.join(dir, 'migration_lock.toml'), `provider = "${provider}"\n`);
  console.log(`${provider}: wrote ${path.relative(process.cwd(), target)}/migration.sql`);
  return true;
}

const scratch = await mkdtemp(path.join(tmpdir(), 'migrate-diff-'));
try {
  const sqliteSql = await diffMigrationsToSchema(
    new PrismaBetterSqlite3({ url: path.join(scratch, 'scratch.db') }),
    path.resolve('prisma/migrations'),
    await readFile('prisma/schema.prisma', 'utf8'),
  );
  await write(path.resolve('prisma/migrations'), 'sqlite', sqliteSql);
} finally {
  await rm(scratch, { recursive: true, force: true });
}

// PostgreSQL: diffed from the schema as of its latest migration (kept beside the migrations),
// since the engine cannot describe a live PostgreSQL database through the adapter.
const postgresDir = path.resolve('prisma/postgresql/migrations');
const snapshotPath = path.join(postgresDir, 'schema-at-latest-migration.prisma');
const postgresSchema = await readFile('prisma/postgresql/schema.prisma', 'utf8');
const previous = await readFile(snapshotPath, 'utf8').catch(() => undefined);
const postgresSql = await diffSchemas(
  new PrismaPg({ connectionString: process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' }),
  previous,
  postgresSchema,
);
if (await write(postgresDir, 'postgresql', postgresSql)) await writeFile(snapshotPath, postgresSchema);
