// Fills a SQLite database with N tasks: migrated by the app itself, then rows inserted through
// one prepared statement in large transactions (Prisma's createMany manages ~5,000 rows/s with
// these kilobyte-sized rows; this does well over 50,000).
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/client.js';
import { RESULT_RETENTION_MS } from '../src/db/tasks.js';
import { DEFAULT_TENANT } from '../src/db/tenants.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { toParamString } from '../src/takeover/wire-format.js';
import { seedSceneParams } from '../test/fixtures/seed-scene.js';

const STATUSES = ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'REJECTED', 'UNREACHABLE', 'UNKNOWN'] as const;
// The format the Prisma SQLite adapter stores DateTime in.
const timestamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

export async function seedTasks(url: string, count: number, batch = 20_000): Promise<void> {
  const { db } = await openDatabase(url);
  await db.$disconnect();
  const sqlite = new Database(url.slice('file:'.length));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const params = takeoverParamsSchema.parse(seedSceneParams);
  const paramsJson = JSON.stringify(params);
  const paramString = toParamString(params);
  const insert = sqlite.prepare(
    `INSERT INTO Task (id, ownerId, videoName, params, paramString, status, platformTaskId, createdAt, updatedAt, expiresAt)
     VALUES (?, '${DEFAULT_TENANT}', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.now() - count * 1000;
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const created = start + n * 1000;
      const at = timestamp(created);
      insert.run(randomUUID(), `video ${n}`, paramsJson, paramString, STATUSES[n % STATUSES.length], String(n), at, at, timestamp(created + RESULT_RETENTION_MS));
    }
  });
  for (let from = 0; from < count; from += batch) insertBatch(from, Math.min(count, from + batch));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}
