// Every callback the platform posted, kept as received (bounded) with what became of it.
import type { Db } from './client.js';

export type CallbackResult = 'applied' | 'duplicate' | 'stale' | 'final' | 'conflict' | 'unmatched' | 'ambiguous' | 'unparseable';

export interface ReceivedCallback {
  body: string;
  truncated: boolean;
  platformTaskId?: string | undefined;
  taskId?: string | undefined;
  result: CallbackResult;
  receivedAt: Date;
}

export async function recordCallback(db: Db, callback: ReceivedCallback): Promise<number> {
  const { id } = await db.platformCallback.create({
    data: {
      body: callback.body,
      truncated: callback.truncated,
      platformTaskId: callback.platformTaskId ?? null,
      taskId: callback.taskId ?? null,
      result: callback.result,
      receivedAt: callback.receivedAt,
    },
    select: { id: true },
  });
  return id;
}

/** Callbacks kept as unmatched for this platform task id, in the order they arrived. */
export function findUnmatchedCallbacks(db: Db, platformTaskId: string): Promise<{ id: number; body: string }[]> {
  return db.platformCallback.findMany({ where: { platformTaskId, result: 'unmatched' }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], select: { id: true, body: true } });
}

/** Records what a replayed callback did; false when another replay already took it. */
export async function settleUnmatchedCallback(db: Db, id: number, result: CallbackResult, taskId: string | undefined): Promise<boolean> {
  const { count } = await db.platformCallback.updateMany({ where: { id, result: 'unmatched' }, data: { result, taskId: taskId ?? null } });
  return count === 1;
}
