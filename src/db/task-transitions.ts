// Writing a task's status change: the task row, its event and its poll schedule in one
// transaction, guarded so that a change decided on a stale read is refused rather than applied.
import type { Prisma, TaskEvent, TaskEventSource } from '../generated/prisma/client.js';
import { IN_FLIGHT_ON_PLATFORM, isTerminal, type TaskChanges, type TaskState } from '../takeover/task-state-machine.js';
import type { Db, DbProvider } from './client.js';
import { directSqlite, sqliteDate, type DirectStatements } from './sqlite-direct.js';
import { asPrismaReadsTask, type TaskSummary } from './tasks.js';
import { writeOutbox, writeOutboxDirectly, type OutboxEvent } from './webhooks.js';

export type Tx = Prisma.TransactionClient;
export type { TaskEvent, TaskEventSource };

/** What a transition is decided on. */
export interface LifecycleRow extends TaskState {
  id: string;
  ownerId: string;
}
const lifecycleColumns = { id: true, ownerId: true, status: true, platformTaskId: true, progress: true } as const;
const withoutScene = { params: true, paramString: true } as const;

export function readLifecycleRow(db: Db, taskId: string): Promise<LifecycleRow | null> {
  return db.task.findUnique({ where: { id: taskId }, select: lifecycleColumns });
}

/** The tasks the platform knows under this id (more than one only if two platform accounts reuse an id). */
export function findLifecycleRowsByPlatformTaskId(db: Db, platformTaskId: string): Promise<LifecycleRow[]> {
  return db.task.findMany({ where: { platformTaskId }, select: lifecycleColumns, take: 2 });
}

export interface NewTaskEvent {
  at: Date;
  source: TaskEventSource;
  message: string;
  raw?: string | null | undefined;
}

export interface WrittenTransition {
  task: TaskSummary;
  event: TaskEvent;
  /** How many webhook deliveries were written with it. */
  deliveries?: number;
}

export interface TransitionWrite {
  from: LifecycleRow;
  changes: TaskChanges;
  event: NewTaskEvent;
  /** When to first ask the platform about a task it has just taken on. */
  firstPollAt: Date;
  /**
   * The webhook outbox rows that must commit with the change, decided on the change as written
   * (inside its transaction: a throw rolls the change back).
   */
  outbox?: ((written: WrittenTransition) => OutboxEvent[]) | undefined;
}

const isRecordNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2025';

/**
 * Applies `changes` if the task still is as `from` says; undefined (nothing written) when another
 * writer changed it first, so the caller can decide again on a fresh read.
 */
export async function writeTransition(db: Db, write: TransitionWrite): Promise<WrittenTransition | undefined> {
  const { from, changes, event } = write;
  const direct = directSqlite(db);
  if (direct) {
    return direct.transaction((sql) => {
      const written = writeDirectly(sql, write);
      if (written) written.deliveries = (write.outbox?.(written) ?? []).reduce((count, event) => count + writeOutboxDirectly(sql, event), 0);
      return written;
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const task = await tx.task.update({
        where: { id: from.id, status: from.status, platformTaskId: from.platformTaskId, progress: from.progress },
        data: changes,
        omit: withoutScene,
      });
      const written = await tx.taskEvent.create({
        data: {
          taskId: from.id,
          at: event.at,
          fromStatus: from.status,
          toStatus: changes.status,
          progress: task.progress,
          source: event.source,
          message: event.message,
          raw: event.raw ?? null,
        },
      });
      const wasInFlight = IN_FLIGHT_ON_PLATFORM.includes(from.status);
      if (!wasInFlight && IN_FLIGHT_ON_PLATFORM.includes(changes.status)) {
        await tx.taskPoll.create({ data: { taskId: from.id, nextPollAt: write.firstPollAt } });
      } else if (wasInFlight && isTerminal(changes.status)) {
        await tx.taskPoll.deleteMany({ where: { taskId: from.id } });
      }
      const result: WrittenTransition = { task, event: written, deliveries: 0 };
      for (const outboxEvent of write.outbox?.(result) ?? []) result.deliveries! += await writeOutbox(tx, outboxEvent);
      return result;
    });
  } catch (error) {
    if (isRecordNotFound(error)) return undefined;
    throw error;
  }
}

/** The columns a change may set (TaskChanges), and how each is stored. */
const CHANGEABLE = {
  status: 'text',
  platformTaskId: 'text',
  progress: 'int',
  resultUrl: 'text',
  durationSeconds: 'float',
  completedAt: 'date',
  expiresAt: 'date',
  platformCode: 'int',
  platformMessage: 'text',
  failureReason: 'text',
} as const;
const SUMMARY_COLUMNS = [
  'id', 'ownerId', 'videoName', 'thumbnailUrl', 'status', 'platformTaskId', 'progress', 'resultUrl', 'durationSeconds', 'completedAt', 'platformCode',
  'platformMessage', 'failureReason', 'presetId', 'presetVersion', 'idempotencyKey', 'liveIdempotencyKey', 'requestHash', 'abandonAfter', 'createdAt',
  'updatedAt', 'expiresAt',
].map((column) => `"${column}"`).join(', ');

const stored = (value: unknown) => (value instanceof Date ? sqliteDate(value) : value ?? null);
const matches = (column: string, value: unknown) => (value === null ? `"${column}" IS NULL` : `"${column}" = ?`);

/** writeTransition's statements, on SQLite directly (see sqlite-direct.ts); undefined when the row changed. */
function writeDirectly(sql: DirectStatements, { from, changes, event, firstPollAt }: TransitionWrite): WrittenTransition | undefined {
  const set = Object.keys(changes).filter((column): column is keyof typeof CHANGEABLE => column in CHANGEABLE && changes[column as keyof TaskChanges] !== undefined);
  const guard: [string, unknown][] = [['status', from.status], ['platformTaskId', from.platformTaskId], ['progress', from.progress]];
  const row = sql.get<Record<string, unknown>>(
    `UPDATE "Task" SET ${set.map((column) => `"${column}" = ?`).join(', ')}, "updatedAt" = ? WHERE "id" = ? AND ${guard.map(([column, value]) => matches(column, value)).join(' AND ')} RETURNING ${SUMMARY_COLUMNS}`,
    ...set.map((column) => stored(changes[column])),
    sqliteDate(new Date()),
    from.id,
    ...guard.filter(([, value]) => value !== null).map(([, value]) => value),
  );
  if (!row) return undefined;
  const task = asPrismaReadsTask<TaskSummary>(row);
  const { lastInsertRowid } = sql.run(
    `INSERT INTO "TaskEvent" ("taskId", "at", "fromStatus", "toStatus", "progress", "source", "message", "raw") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    from.id,
    sqliteDate(event.at),
    from.status,
    changes.status,
    task.progress,
    event.source,
    event.message,
    event.raw ?? null,
  );
  const wasInFlight = IN_FLIGHT_ON_PLATFORM.includes(from.status);
  if (!wasInFlight && IN_FLIGHT_ON_PLATFORM.includes(changes.status)) {
    sql.run(`INSERT INTO "TaskPoll" ("taskId", "nextPollAt", "attempts") VALUES (?, ?, 0)`, from.id, sqliteDate(firstPollAt));
  } else if (wasInFlight && isTerminal(changes.status)) {
    sql.run(`DELETE FROM "TaskPoll" WHERE "taskId" = ?`, from.id);
  }
  const written: TaskEvent = {
    id: Number(lastInsertRowid),
    taskId: from.id,
    at: event.at,
    fromStatus: from.status,
    toStatus: changes.status,
    progress: task.progress,
    source: event.source,
    message: event.message,
    raw: event.raw ?? null,
  };
  return { task, event: written };
}

// Both compare with the database's own clock, in the format Prisma writes dates in.
const ABANDONED: Record<DbProvider, string> = {
  sqlite: `SELECT "id" FROM "Task" WHERE "status" = 'SUBMITTING' AND julianday("abandonAfter") <= julianday('now')`,
  postgresql: `SELECT "id" FROM "Task" WHERE "status" = 'SUBMITTING' AND "abandonAfter" <= (now() AT TIME ZONE 'UTC')`,
};

/** Tasks still SUBMITTING after the deadline their instance stored with them, on the database's clock. */
export async function findAbandonedSubmissions(db: Db, provider: DbProvider): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(ABANDONED[provider]);
  return rows.map((row) => row.id);
}
