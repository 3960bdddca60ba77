// Prisma client creation, the driver adapter chosen by the database URL, and migration at
// start-up. The only file that knows which databases we support.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { SqlMigrationAwareDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { DatabaseClock } from './clock.js';
import { applyMigrations, readMigrations } from './schema-engine.js';
import { withSqliteLikeEscape } from './sqlite-like-escape.js';
import { withKeptStatements, type KeptStatements } from './sqlite-statement-cache.js';
import { registerDirectSqlite } from './sqlite-direct.js';
import { statementNames } from './postgres-statement-names.js';
import { registerDirectPostgres, withPostgresPool } from './postgres-direct.js';

/**
 * Both generated clients have the same models and API; the SQLite one's type stands for both.
 * The only difference callers see is `provider`, for the few queries that differ (case-insensitive search).
 */
export type Db = PrismaClient;
export type DbProvider = 'sqlite' | 'postgresql';

// src/db/ when run from source, dist/src/db/ when built: the prisma/ folder is above either.
function prismaDir(sub: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'prisma', 'schema.prisma'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('prisma/ not found above the service code');
    dir = parent;
  }
  return path.join(dir, 'prisma', sub);
}

export function providerOf(url: string): DbProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error('unsupported DATABASE_URL: use file:<path> for SQLite or postgresql://… for PostgreSQL');
}

export interface OpenDatabaseOptions {
  /** Called for every SQL statement (tests count them to catch N+1 queries). */
  onQuery?: (sql: string) => void;
  /** SQLite only: how long a write waits for another connection's lock before it fails (5 s). */
  sqliteBusyTimeoutMs?: number;
  /** This process's clock (tests move it); the database clock is measured against it. */
  processNow?: () => number;
}

/**
 * Runs the schema engine only when a committed migration is not yet recorded as applied: the
 * engine is slow to load, holds on to its memory, and takes locks a running service would meet.
 */
async function migrateIfNeeded(db: Db, adapter: SqlMigrationAwareDriverAdapterFactory, migrationsDir: string) {
  if ((await unappliedMigrations(db, migrationsDir)).length) await applyMigrations(adapter, migrationsDir);
}

async function unappliedMigrations(db: Db, migrationsDir: string): Promise<string[]> {
  const committed = (await readMigrations(migrationsDir)).migrationDirectories.map((m) => m.path);
  const applied = await db
    .$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    .catch(() => []);
  const done = new Set(applied.map((row) => row.migration_name));
  return committed.filter((name) => !done.has(name));
}

/** Committed migrations the database has not applied (for readiness checks). */
export function pendingMigrations({ db, provider }: Database): Promise<string[]> {
  return unappliedMigrations(db, prismaDir(provider === 'sqlite' ? 'migrations' : 'postgresql/migrations'));
}

/** A connected client on a database with every committed migration applied. */
export interface Database {
  db: Db;
  provider: DbProvider;
  /**
   * SQLite files only: the first row of a read-only statement (`?` placeholders), run on a
   * connection of its own without Prisma's per-query cost (the statement is prepared once). For
   * the one query every request makes; it sees every committed write, whichever process made it.
   */
  readFirstRow?: <Row>(sql: string, ...params: unknown[]) => Row | undefined;
  /** The database's clock; `sync()` it now and then (recovery does). */
  clock: DatabaseClock;
  /** Closes the client and any connection of its own. */
  close(): Promise<void>;
}

function sqliteReader(file: string, onQuery: ((sql: string) => void) | undefined) {
  let connection: BetterSqlite3.Database | undefined;
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    readFirstRow<Row>(sql: string, ...params: unknown[]): Row | undefined {
      connection ??= new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
      onQuery?.(sql);
      return statement.get(...params) as Row | undefined;
    },
    close: () => connection?.close(),
  };
}

export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  let db: Db;
  let reader: ReturnType<typeof sqliteReader> | undefined;
  if (provider === 'sqlite') {
    const file = url.slice('file:'.length);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Each database's client and adapter load only where that database is used (the other one's
    // code would stay in memory for nothing).
    const [{ PrismaBetterSqlite3 }, { PrismaClient }] = await Promise.all([import('@prisma/adapter-better-sqlite3'), import('../generated/prisma/client.js')]);
    const adapter = new PrismaBetterSqlite3({ url: file, ...(options.sqliteBusyTimeoutMs !== undefined && { timeout: options.sqliteBusyTimeoutMs }) });
    let statements: KeptStatements | undefined;
    db = new PrismaClient({ adapter: withSqliteLikeEscape(withKeptStatements(adapter, (opened) => (statements = opened))), log });
    registerDirectSqlite(db, () => statements, options.onQuery);
    await migrateIfNeeded(db, adapter, prismaDir('migrations'));
    // WAL lets readers run while a submission writes; NORMAL sync is safe with WAL.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    // A second connection to ":memory:" would be another, empty database.
    if (file !== ':memory:') reader = sqliteReader(file, options.onQuery);
  } else {
    const [{ PrismaPg }, { PrismaClient: PostgresPrismaClient }, { default: pg }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('../generated/prisma-postgres/client.js'),
      import('pg'),
    ]);
    const adapter = new PrismaPg({ connectionString: url, max: 10 }, { statementNameGenerator: statementNames() as (query: SqlQuery) => string });
    let pool: import('pg').Pool | undefined;
    db = new PostgresPrismaClient({ adapter: withPostgresPool(adapter, (opened) => (pool = opened)), log }) as unknown as Db;
    registerDirectPostgres(db, () => pool, pg.types, options.onQuery);
    await migrateIfNeeded(db, adapter, prismaDir('postgresql/migrations'));
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (db as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query));
  }
  const clock = new DatabaseClock(db, provider, options.processNow);
  await clock.sync();
  return {
    db,
    provider,
    clock,
    ...(reader && { readFirstRow: reader.readFirstRow }),
    async close() {
      reader?.close();
      await db.$disconnect();
    },
  };
}
