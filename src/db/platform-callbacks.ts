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
