// The poll schedule: which tasks are due to be asked about, claimed by one instance at a time.
// A claim is a conditional update (due and not claimed by anyone else now): of any number of
// instances trying, exactly one changes the row; it works the same on SQLite and PostgreSQL.
import type { Db } from './client.js';

export interface ClaimedPoll {
  taskId: string;
  attempts: number;
  ownerId: string;
  platformTaskId: string | null;
  createdAt: Date;
}

const claimable = (now: Date) => ({ nextPollAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }] });

/** Claims up to `limit` due polls until `claimUntil`; `now` is the database's clock. */
export async function claimDuePolls(db: Db, now: Date, claimUntil: Date, limit: number): Promise<ClaimedPoll[]> {
  const due = await db.taskPoll.findMany({
    where: claimable(now),
    orderBy: { nextPollAt: 'asc' },
    take: limit,
    select: { taskId: true, attempts: true, task: { select: { ownerId: true, platformTaskId: true, createdAt: true } } },
  });
  const claimed: ClaimedPoll[] = [];
  for (const poll of due) {
    const { count } = await db.taskPoll.updateMany({ where: { taskId: poll.taskId, ...claimable(now) }, data: { claimedUntil: claimUntil } });
    if (count === 1) claimed.push({ taskId: poll.taskId, attempts: poll.attempts, ...poll.task });
  }
  return claimed;
}

/** Sets the next query time and gives the claim up (a no-op when the poll was deleted meanwhile: the task finished). */
export async function reschedulePoll(db: Db, taskId: string, attempts: number, nextPollAt: Date): Promise<void> {
  await db.taskPoll.updateMany({ where: { taskId }, data: { attempts, nextPollAt, claimedUntil: null } });
}

/** Stops asking about a task. */
export async function stopPolling(db: Db, taskId: string): Promise<void> {
  await db.taskPoll.deleteMany({ where: { taskId } });
}
