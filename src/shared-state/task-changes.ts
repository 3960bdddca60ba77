// Tells whoever follows a tenant's tasks that one of them changed: in this process at once, and
// in every other replica through one Redis channel. A notice only says that something changed
// (and what, for filtering); followers read the change itself from the database, so a notice
// that is lost, late or repeated never shows them a wrong state.
//
// Written on ioredis directly rather than @graphql-yoga/redis-event-target: that target publishes
// without handling the promise (a Redis outage would reject it unhandled, which stops a Node
// process) and subscribes without a way to know when the subscription holds.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../http/logger.js';
import type { TaskStatus } from '../takeover/task-state-machine.js';
import type { RedisConnection } from './redis-connection.js';

/** A change that was committed: which task, whose, where it stands now, and the event that recorded it. */
export interface TaskChange {
  taskId: string;
  ownerId: string;
  status: TaskStatus;
  presetId: string | null;
  eventId: number;
}

export type TaskChangeListener = (change: TaskChange) => void;

export interface TaskChangeChannel {
  /** Tells every listener of the change's owner, here and in the other replicas. Never rejects. */
  publish(change: TaskChange): Promise<void>;
  /** Calls `listener` for each change of `ownerId`'s tasks from now on; the returned function stops it. */
  listen(ownerId: string, listener: TaskChangeListener): () => void;
  /** Resolves once changes from other replicas arrive (at once in process). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

class Listeners {
  private readonly byOwner = new Map<string, Set<TaskChangeListener>>();

  add(ownerId: string, listener: TaskChangeListener): () => void {
    let set = this.byOwner.get(ownerId);
    if (!set) this.byOwner.set(ownerId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byOwner.get(ownerId) === set) this.byOwner.delete(ownerId);
    };
  }

  deliver(change: TaskChange): void {
    for (const listener of this.byOwner.get(change.ownerId) ?? []) listener(change);
  }
}

export function inProcessTaskChanges(): TaskChangeChannel {
  const listeners = new Listeners();
  return {
    publish: async (change) => listeners.deliver(change),
    listen: (ownerId, listener) => listeners.add(ownerId, listener),
    ready: async () => {},
    close: async () => {},
  };
}

/** What travels on the Redis channel: the change, and which process sent it (it has told its own listeners). */
interface Message {
  origin: string;
  change: TaskChange;
}

function readMessage(text: string): Message | undefined {
  try {
    const message = JSON.parse(text) as Partial<Message>;
    const change = message.change;
    if (typeof message.origin !== 'string' || typeof change?.taskId !== 'string' || typeof change.ownerId !== 'string' || typeof change.eventId !== 'number') return undefined;
    return message as Message;
  } catch {
    return undefined;
  }
}

export function redisTaskChanges(connection: RedisConnection, logger: Logger): TaskChangeChannel {
  const channel = `${connection.keyPrefix}task-changes`;
  const origin = randomUUID();
  const listeners = new Listeners();
  let closing = false;
  // A subscribed connection can do nothing else, hence its own. It waits for Redis rather than
  // failing (offline queue, no retry limit) and subscribes again by itself after a reconnection.
  const subscriber: Redis = connection.client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
  // Its outages are the shared connection's, which logs them.
  subscriber.on('error', () => {});
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    const message = readMessage(text);
    if (!message) return logger.warn({ channel }, 'ignored a malformed task change notice from Redis');
    if (message.origin !== origin) listeners.deliver(message.change);
  });
  const subscribed = subscriber.subscribe(channel).then(
    () => {},
    (error: Error) => {
      if (!closing) logger.error({ reason: error.message }, 'could not subscribe to task changes in Redis: live updates from other replicas do not arrive');
    },
  );
  return {
    async publish(change) {
      listeners.deliver(change);
      // While Redis is away the outage has been logged once; other replicas' followers miss these.
      if (!connection.up) return;
      try {
        await connection.client.publish(channel, JSON.stringify({ origin, change } satisfies Message));
      } catch (error) {
        logger.error({ reason: (error as Error).message, taskId: change.taskId }, 'could not publish a task change to Redis: other replicas miss it');
      }
    },
    listen: (ownerId, listener) => listeners.add(ownerId, listener),
    ready: () => subscribed,
    async close() {
      closing = true;
      subscriber.disconnect();
    },
  };
}
