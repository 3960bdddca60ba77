// Live subscriptions to tasks. A follower listens for change notices before it reads anything,
// then reads the changes themselves from the database: events after the last one it sent, in the
// order they were recorded. So a change that committed before the first read is in that read (its
// late notice finds nothing newer), and one that commits after it is announced to a listener
// already in place. Notices only wake a follower; they are never sent as they are.
import { Repeater } from 'graphql-yoga';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { readEventsAfter, readTaskHead } from '../db/task-updates.js';
import type { TaskChange, TaskChangeChannel } from '../shared-state/task-changes.js';
import { isTerminal, type TaskStatus } from '../takeover/task-state-machine.js';
import { releasing, SubscriptionSlots } from './subscription-slots.js';

/** What a subscriber is sent: a task, and the event that brought it where it is (null when it has none). */
export interface TaskUpdate {
  taskId: string;
  eventId: number | null;
}

export interface TaskFilter {
  /** Changes to any of these statuses; every change when not given. */
  statuses?: readonly TaskStatus[] | undefined;
  /** Tasks made from this preset (a database id); `null` matches nothing (a malformed id). */
  presetId?: string | null | undefined;
}

/** Tasks whose first change this follower saw: how many it remembers where it left off. */
const REMEMBERED_TASKS = 1_000;

/** Resolves the next time `wake` is called (or at once if it was called since the last `next`). */
class Alarm {
  private rung = false;
  private resolve: (() => void) | undefined;

  wake = (): void => {
    this.rung = true;
    this.resolve?.();
  };

  next(): Promise<void> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => (this.resolve = resolve)).then(() => {
      this.rung = false;
      this.resolve = undefined;
    });
  }
}

export class TaskFollowers {
  readonly slots: SubscriptionSlots;

  constructor(
    private readonly db: Db,
    private readonly channel: TaskChangeChannel,
    perTenant: number,
    /** Ends every subscription (and any started later) when aborted: the process is stopping. */
    private readonly closing?: AbortSignal,
  ) {
    this.slots = new SubscriptionSlots(perTenant);
  }

  /** Adds the number of open subscriptions to an app's Prometheus registry. */
  registerMetrics(registry: Registry): void {
    const { slots } = this;
    new Gauge({
      name: 'takeover_live_subscriptions',
      help: 'Live subscriptions (taskUpdated, taskEvents) open in this process',
      registers: [registry],
      collect() {
        this.set(slots.total());
      },
    });
  }

  /** Runs `follow` until it returns, its subscriber leaves, or the process stops. */
  private repeater<T>(follow: (push: (value: T) => Promise<unknown>, stopped: () => boolean, stop: Promise<unknown>) => Promise<void>): Repeater<T> {
    const { closing } = this;
    return new Repeater<T>(async (push, stop) => {
      if (closing?.aborted) return stop();
      let stopped = false;
      void stop.then(() => (stopped = true));
      const end = () => stop();
      closing?.addEventListener('abort', end);
      try {
        await follow(push, () => stopped, stop);
      } finally {
        closing?.removeEventListener('abort', end);
        stop();
      }
    });
  }

  /**
   * The task as it is now, then each of its changes in order, ending after a final status. A
   * single null, then the end, when `ownerId` has no such task (`taskId` undefined: a malformed id).
   * Throws TooManySubscriptionsError when the tenant already holds its limit.
   */
  followTask(ownerId: string, taskId: string | undefined): AsyncIterableIterator<TaskUpdate | null> {
    if (taskId === undefined) return (async function* () { yield null; })();
    const release = this.slots.take(ownerId);
    const { db, channel } = this;
    return releasing(
      this.repeater<TaskUpdate | null>(async (push, stopped, stop) => {
        const alarm = new Alarm();
        const unlisten = channel.listen(ownerId, (change) => change.taskId === taskId && alarm.wake());
        try {
          const head = await readTaskHead(db, ownerId, taskId);
          if (!head) return void (await push(null));
          await push({ taskId, eventId: head.event?.id ?? null });
          if (isTerminal(head.status)) return;
          let after = head.event?.id ?? 0;
          while (!stopped()) {
            await Promise.race([alarm.next(), stop]);
            if (stopped()) return;
            for (const event of await readEventsAfter(db, ownerId, taskId, after)) {
              after = event.id;
              await push({ taskId, eventId: event.id });
              if (isTerminal(event.toStatus)) return;
            }
          }
        } finally {
          unlisten();
        }
      }),
      release,
    );
  }

  /** Every change of `ownerId`'s tasks that matches `filter`, from now on, each task's in order. */
  followTasks(ownerId: string, filter: TaskFilter): AsyncIterableIterator<TaskUpdate> {
    const release = this.slots.take(ownerId);
    const { db, channel } = this;
    const matchesTask = (change: TaskChange) => filter.presetId === undefined || (filter.presetId !== null && change.presetId === filter.presetId);
    const matchesStatus = (status: TaskStatus) => !filter.statuses?.length || filter.statuses.includes(status);
    return releasing(
      this.repeater<TaskUpdate>(async (push, stopped, stop) => {
        const alarm = new Alarm();
        /** Tasks with news, and the first event announced for each. */
        const waiting = new Map<string, number>();
        /** The last event sent (or skipped) per task, oldest task first. */
        const sent = new Map<string, number>();
        const unlisten = channel.listen(ownerId, (change) => {
          if (!matchesTask(change)) return;
          if (!waiting.has(change.taskId)) waiting.set(change.taskId, change.eventId);
          alarm.wake();
        });
        try {
          while (!stopped()) {
            await Promise.race([alarm.next(), stop]);
            if (stopped()) return;
            const batch = [...waiting];
            waiting.clear();
            for (const [taskId, firstAnnounced] of batch) {
              const after = sent.get(taskId) ?? firstAnnounced - 1;
              for (const event of await readEventsAfter(db, ownerId, taskId, after)) {
                sent.delete(taskId);
                sent.set(taskId, event.id);
                if (matchesStatus(event.toStatus)) await push({ taskId, eventId: event.id });
              }
              if (sent.size > REMEMBERED_TASKS) sent.delete(sent.keys().next().value!);
            }
          }
        } finally {
          unlisten();
        }
      }),
      release,
    );
  }
}
