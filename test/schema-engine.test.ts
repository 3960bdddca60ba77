// Exercises src/db/schema-engine.ts, our only use of Prisma's internal WASM schema engine.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { applyMigrations, diffMigrationsToSchema, readMigrations } from '../src/db/schema-engine.js';
import { withScratchPostgresDatabase } from '../src/db/postgres-scratch.js';
import { derivePostgresSchema } from '../scripts/postgres-schema.mjs';
import { TEST_POSTGRES_URL } from './helpers/database.js';

const MIGRATIONS = path.resolve('prisma/migrations');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'schema-engine-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('WASM schema engine', () => {
  it('applies every committed migration once, recorded in _prisma_migrations', async () => {
    const file = path.join(dir, 'apply.db');
    const names = (await readMigrations(MIGRATIONS)).migrationDirectories.map((m) => m.path);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(new PrismaBetterSqlite3({ url: file }), MIGRATIONS)).toEqual(names);
    expect(await applyMigrations(new PrismaBetterSqlite3({ url: file }), MIGRATIONS)).toEqual([]);

    const sqlite = new Database(file, { readonly: true });
    const applied = sqlite.prepare('SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name').all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r: any) => r.name);
    sqlite.close();
    expect(applied.map((row) => row.migration_name)).toEqual(names);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
    expect(tables).toEqual(expect.arrayContaining(['Task', 'Preset', 'PresetVersion']));
  });

  it('finds the committed migrations in step with prisma/schema.prisma', async () => {
    const schema = await readFile('prisma/schema.prisma', 'utf8');
    const sql = await diffMigrationsToSchema(new PrismaBetterSqlite3({ url: path.join(dir, 'diff.db') }), MIGRATIONS, schema);
    expect(sql).toMatch(/empty migration/i);
  });

  it('keeps prisma/postgresql/schema.prisma derived from prisma/schema.prisma', async () => {
    const derived = derivePostgresSchema(await readFile('prisma/schema.prisma', 'utf8'));
    expect(await readFile('prisma/postgresql/schema.prisma', 'utf8')).toBe(derived);
  });

  it('writes the SQL for a schema change', async () => {
    const schema = `${await readFile('prisma/schema.prisma', 'utf8')}\nmodel Probe {\n  id Int @id\n}\n`;
    const sql = await diffMigrationsToSchema(new PrismaBetterSqlite3({ url: path.join(dir, 'change.db') }), MIGRATIONS, schema);
    expect(sql).toMatch(/CREATE TABLE "Probe"/);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('WASM schema engine on PostgreSQL', () => {
  it('applies the PostgreSQL migrations once, and they match the derived schema', async () => {
    const dir = path.resolve('prisma/postgresql/migrations');
    const names = (await readMigrations(dir)).migrationDirectories.map((m) => m.path);
    await withScratchPostgresDatabase(TEST_POSTGRES_URL!, async (url) => {
      expect(await applyMigrations(new PrismaPg({ connectionString: url }), dir)).toEqual(names);
      expect(await applyMigrations(new PrismaPg({ connectionString: url }), dir)).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1');
      const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      await client.end();
      expect(rows.map((row) => row.migration_name)).toEqual(names);
      expect(tables.rows.map((row) => row.tablename)).toEqual(expect.arrayContaining(['Task', 'Preset', 'PresetTag', 'PresetVersion']));
    });
    const snapshot = await readFile(path.join(dir, 'schema-at-latest-migration.prisma'), 'utf8');
    const current = await readFile('prisma/postgresql/schema.prisma', 'utf8');
    expect(current).toBe(snapshot);
  });
});
