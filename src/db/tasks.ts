// Writes to task records. A record is written before the platform call and updated with the
// outcome, so no outcome can be lost in between without leaving a SUBMITTING record. Every status
// change writes a TaskEvent in the same transaction (see task-transitions.ts).
import { randomUUID } from 'node:crypto';
import type { CreateOutcome } from '../platform/outcome.js';
import type { Db } from './client.js';
import { directSqlite, sqliteDate, type DirectStatements } from './sqlite-direct.js';
import type { Task } from '../generated/prisma/client.js';
import type { WrittenTransition } from './task-transitions.js';

export interface NewTask {
  videoName: string;
  thumbnailUrl?: string | undefined;
  params: unknown;
  paramString: string;
  presetId?: string | undefined;
  presetVersion?: number | undefined;
  idempotencyKey?: string | undefined;
  requestHash?: string | undefined;
  /** After this (database time) a task still SUBMITTING counts as abandoned. */
  abandonAfter: Date;
}

/**
 * A task without its scene: the params and the param string are kilobytes each, and reading them
 * back after every write cost more than the write.
 */
export type TaskSummary = Omit<Task, 'params' | 'paramString'>;

const DATE_COLUMNS = ['completedAt', 'abandonAfter', 'createdAt', 'updatedAt', 'expiresAt'] as const;
const NUMBER_COLUMNS = ['progress', 'platformCode', 'presetVersion', 'durationSeconds'] as const;

/**
 * A Task row read with our own SQL, as Prisma reads it: dates SQLite keeps as text as Dates,
 * numbers read as BigInt as numbers. Changes the row in place; columns it lacks stay absent.
 */
export function asPrismaReadsTask<Row>(row: Record<string, unknown>): Row {
  for (const column of DATE_COLUMNS) if (typeof row[column] === 'string') row[column] = new Date(row[column] as string);
  for (const column of NUMBER_COLUMNS) if (typeof row[column] === 'bigint') row[column] = Number(row[column]);
  return row as Row;
}
const withoutScene = { params: true, paramString: true } as const;

/**
 * `now` is the database's time (see DatabaseClock). The new record, with its first event: two
 * inserts in one transaction (the id is chosen here, as Prisma's default would), not a nested
 * create, which reads both rows back with two more statements. On SQLite directly (sqlite-direct.ts)
 * when it can, else through Prisma.
 */
export async function recordSubmission(db: Db, ownerId: string, task: NewTask, now: Date): Promise<WrittenTransition> {
  const id = randomUUID();
  const direct = directSqlite(db);
  if (direct) return direct.transaction((sql) => insertSubmission(sql, id, ownerId, task, now));
  const [created, event] = await db.$transaction([
    db.task.create({
      omit: withoutScene,
      data: {
        id,
        ownerId,
        videoName: task.videoName,
        thumbnailUrl: task.thumbnailUrl ?? null,
        params: JSON.stringify(task.params),
        paramString: task.paramString,
        presetId: task.presetId ?? null,
        presetVersion: task.presetVersion ?? null,
        idempotencyKey: task.idempotencyKey ?? null,
        liveIdempotencyKey: task.idempotencyKey ?? null,
        requestHash: task.requestHash ?? null,
        status: 'SUBMITTING',
        abandonAfter: task.abandonAfter,
        createdAt: now,
      },
    }),
    db.taskEvent.create({ data: { taskId: id, at: now, toStatus: 'SUBMITTING', source: 'SUBMISSION', message: FIRST_EVENT_MESSAGE } }),
  ]);
  return { task: created, event };
}

const INSERT_TASK = `INSERT INTO "Task" ("id", "ownerId", "videoName", "thumbnailUrl", "params", "paramString", "status", "presetId", "presetVersion",
  "idempotencyKey", "liveIdempotencyKey", "requestHash", "abandonAfter", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTING', ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_FIRST_EVENT = `INSERT INTO "TaskEvent" ("taskId", "at", "toStatus", "source", "message") VALUES (?, ?, 'SUBMITTING', 'SUBMISSION', ?)`;
const FIRST_EVENT_MESSAGE = 'Recorded; calling the platform.';

/** The same two rows as the Prisma path writes, and the same values back (the row as Prisma would read it). */
function insertSubmission(sql: DirectStatements, id: string, ownerId: string, task: NewTask, now: Date): WrittenTransition {
  const updatedAt = new Date();
  const row: TaskSummary = {
    id,
    ownerId,
    videoName: task.videoName,
    thumbnailUrl: task.thumbnailUrl ?? null,
    status: 'SUBMITTING',
    platformTaskId: null,
    progress: null,
    resultUrl: null,
    durationSeconds: null,
    completedAt: null,
    platformCode: null,
    platformMessage: null,
    failureReason: null,
    presetId: task.presetId ?? null,
    presetVersion: task.presetVersion ?? null,
    idempotencyKey: task.idempotencyKey ?? null,
    liveIdempotencyKey: task.idempotencyKey ?? null,
    requestHash: task.requestHash ?? null,
    abandonAfter: task.abandonAfter,
    createdAt: now,
    updatedAt,
    expiresAt: null,
  };
  sql.run(
    INSERT_TASK,
    id,
    ownerId,
    row.videoName,
    row.thumbnailUrl,
    JSON.stringify(task.params),
    task.paramString,
    row.presetId,
    row.presetVersion,
    row.idempotencyKey,
    row.liveIdempotencyKey,
    row.requestHash,
    sqliteDate(task.abandonAfter),
    sqliteDate(now),
    sqliteDate(updatedAt),
  );
  const { lastInsertRowid } = sql.run(INSERT_FIRST_EVENT, id, sqliteDate(now), FIRST_EVENT_MESSAGE);
  const event = { id: Number(lastInsertRowid), taskId: id, at: now, fromStatus: null, toStatus: 'SUBMITTING', progress: null, source: 'SUBMISSION', message: FIRST_EVENT_MESSAGE, raw: null } as const;
  return { task: row, event };
}

export function findTaskSummary(db: Db, taskId: string): Promise<TaskSummary | null> {
  return db.task.findUnique({ where: { id: taskId }, omit: withoutScene });
}

/** The task that holds this idempotency key for the owner, if any. */
export function findTaskByIdempotencyKey(db: Db, ownerId: string, idempotencyKey: string): Promise<TaskSummary | null> {
  return db.task.findUnique({ where: { ownerId_liveIdempotencyKey: { ownerId, liveIdempotencyKey: idempotencyKey } }, omit: withoutScene });
}

/** The key stops answering for this task (the task keeps it in `idempotencyKey` for the record). */
export async function releaseIdempotencyKey(db: Db, taskId: string, idempotencyKey: string): Promise<void> {
  await db.task.updateMany({ where: { id: taskId, liveIdempotencyKey: idempotencyKey }, data: { liveIdempotencyKey: null } });
}

/** What a recorded task says became of its platform call. */
export function outcomeOfTask(task: TaskSummary): CreateOutcome | { kind: 'in-progress' } {
  switch (task.status) {
    case 'SUBMITTING':
      return { kind: 'in-progress' };
    case 'SUBMITTED':
    case 'PROCESSING':
    case 'SUCCEEDED':
    case 'FAILED':
      return { kind: 'created', platformTaskId: task.platformTaskId ?? '' };
    case 'REJECTED':
      return { kind: 'rejected', code: task.platformCode ?? 0, message: task.platformMessage ?? '' };
    case 'UNREACHABLE':
      return { kind: 'unreachable', reason: task.failureReason ?? '' };
    case 'UNKNOWN':
      return { kind: 'unknown', reason: task.failureReason ?? '' };
  }
}
