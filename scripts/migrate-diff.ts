// Writes a new migration from the difference between the committed migrations and
// prisma/schema.prisma, offline (WASM schema engine). Usage: npm run migrate:diff -- <name>
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { diffMigrationsToSchema } from '../src/db/schema-engine.js';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) throw new Error('usage: npm run migrate:diff -- <migration_name>');

const migrationsDir = path.resolve('prisma/migrations');
const schema = await readFile('prisma/schema.prisma', 'utf8');
const scratch = await mkdtemp(path.join(tmpdir(), 'migrate-diff-'));
try {
  const adapter = new PrismaBetterSqlite3({ url: path.join(scratch, 'scratch.db') });
  const sql = await diffMigrationsToSchema(adapter, migrationsDir, schema);
  if (!sql.trim() || sql.includes('This is an empty migration')) {
    console.log('No changes: the migrations already match prisma/schema.prisma.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    await writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "sqlite"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
