// Fills a database with N tasks of the default tenant, all carrying the seed scene: migrated by
// the app itself, then rows written in bulk rather than through Prisma (its createMany manages
// ~5,000 rows/s with these kilobyte-sized rows).
//   SQLite: one prepared statement in large transactions.
//   PostgreSQL: INSERT … SELECT over generate_series, with the data-version trigger off meanwhile
//   (it would raise the tenant's version once per row; the version is raised once at the end).
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { RESULT_RETENTION_MS } from '../src/takeover/task-state-machine.js';
import { DEFAULT_TENANT } from '../src/db/tenants.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { toParamString } from '../src/takeover/wire-format.js';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';

const STATUSES = ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'REJECTED', 'UNREACHABLE', 'UNKNOWN'] as const;
// The format the Prisma SQLite adapter stores DateTime in.
export const sqliteTimestamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

function seedScene() {
  const params = takeoverParamsSchema.parse(seedSceneParams);
  return { paramsJson: JSON.stringify(params), paramString: toParamString(params) };
}

/** Task n is created n seconds after the first, the last one about now: newest first is n descending. */
export async function seedTasks(url: string, count: number, batch = 20_000): Promise<void> {
  const { db } = await openDatabase(url);
  await db.$disconnect();
  if (url.startsWith('file:')) seedSqlite(url.slice('file:'.length), count, batch);
  else await seedPostgres(url, count);
}

function seedSqlite(file: string, count: number, batch: number): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const { paramsJson, paramString } = seedScene();
  const insert = sqlite.prepare(
    `INSERT INTO Task (id, ownerId, videoName, params, paramString, status, platformTaskId, createdAt, updatedAt, expiresAt)
     VALUES (?, '${DEFAULT_TENANT}', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.now() - count * 1000;
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const created = start + n * 1000;
      const at = sqliteTimestamp(created);
      insert.run(randomUUID(), `video ${n}`, paramsJson, paramString, STATUSES[n % STATUSES.length], String(n), at, at, sqliteTimestamp(created + RESULT_RETENTION_MS));
    }
  });
  for (let from = 0; from < count; from += batch) insertBatch(from, Math.min(count, from + batch));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

async function seedPostgres(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { paramsJson, paramString } = seedScene();
    await client.query('SET synchronous_commit = off');
    await client.query('BEGIN');
    await client.query(`INSERT INTO "Tenant" ("id") VALUES ($1) ON CONFLICT DO NOTHING`, [DEFAULT_TENANT]);
    await client.query('ALTER TABLE "Task" DISABLE TRIGGER "Task_raises_data_version"');
    await client.query(
      `INSERT INTO "Task" ("id", "ownerId", "videoName", "params", "paramString", "status", "platformTaskId", "createdAt", "updatedAt", "expiresAt")
       SELECT gen_random_uuid()::text, $1, 'video ' || n, $2, $3, ($4::"TaskStatus"[])[n % $5 + 1], n::text, at, at, at + $6 * interval '1 millisecond'
       FROM generate_series(0, $7 - 1) AS n, LATERAL (SELECT to_timestamp(($8::bigint + n * 1000) / 1000.0) AT TIME ZONE 'UTC' AS at) AS t`,
      [DEFAULT_TENANT, paramsJson, paramString, STATUSES, STATUSES.length, RESULT_RETENTION_MS, count, Date.now() - count * 1000],
    );
    await client.query('ALTER TABLE "Task" ENABLE TRIGGER "Task_raises_data_version"');
    await client.query(`UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = $1`, [DEFAULT_TENANT]);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE "Task"');
  } finally {
    await client.end();
  }
}
