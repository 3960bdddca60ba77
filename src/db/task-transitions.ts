// Writing a task's status change: the task row, its event and its poll schedule in one
// transaction, guarded so that a change decided on a stale read is refused rather than applied.
import type { Prisma, TaskEvent, TaskEventSource } from '../generated/prisma/client.js';
import { IN_FLIGHT_ON_PLATFORM, isTerminal, type TaskChanges, type TaskState } from '../takeover/task-state-machine.js';
import type { Db, DbProvider } from './client.js';
import type { TaskSummary } from './tasks.js';

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
}

export interface TransitionWrite {
  from: LifecycleRow;
  changes: TaskChanges;
  event: NewTaskEvent;
  /** When to first ask the platform about a task it has just taken on. */
  firstPollAt: Date;
  /** More writes that must commit with the change (the webhook outbox). */
  during?: ((tx: Tx, written: WrittenTransition) => Promise<void>) | undefined;
}

const isRecordNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2025';

/**
 * Applies `changes` if the task still is as `from` says; undefined (nothing written) when another
 * writer changed it first, so the caller can decide again on a fresh read.
 */
export async function writeTransition(db: Db, write: TransitionWrite): Promise<WrittenTransition | undefined> {
  const { from, changes, event } = write;
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
      const result = { task, event: written };
      await write.during?.(tx, result);
      return result;
    });
  } catch (error) {
    if (isRecordNotFound(error)) return undefined;
    throw error;
  }
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
