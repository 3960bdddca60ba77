// Live subscriptions in tests: a graphql-sse client over real HTTP, read one message at a time
// with a deadline; and the later life of a task, driven through the app's lifecycle (until the
// platform simulator renders and reports by itself: then `driveToSuccess` is what it does).
import { createClient, type Client, type ExecutionResult } from 'graphql-sse';
import type { TaskLifecycle } from '../../src/lifecycle/task-lifecycle.js';

export const TASK_UPDATED = /* GraphQL */ `
  subscription TaskUpdated($id: ID!) {
    taskUpdated(id: $id) { task { id status progress resultUrl } event { fromStatus toStatus progress source } }
  }
`;

export const TASK_EVENTS = /* GraphQL */ `
  subscription TaskEvents($filter: TaskEventsFilterInput) {
    taskEvents(filter: $filter) { task { id videoName status } event { toStatus progress } }
  }
`;

export type Message = ExecutionResult<any, unknown>;

export interface Subscription {
  /** The next message, or 'done' when the server ended the subscription; fails after `ms`. */
  next(ms?: number): Promise<Message | 'done'>;
  /** Messages until the end. */
  rest(ms?: number): Promise<Message[]>;
  /** Whether nothing arrives within `ms`. */
  quiet(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

const clients: Client[] = [];

export function sseClient(baseUrl: string, apiKey: string): Client {
  const client = createClient({ url: `${baseUrl}/graphql`, headers: { Authorization: `Bearer ${apiKey}` }, retryAttempts: 0 });
  clients.push(client);
  return client;
}

export function disposeClients(): void {
  for (const client of clients.splice(0)) client.dispose();
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription {
  const iterator = client.iterate<any>({ query, variables });
  let pending: Promise<IteratorResult<Message>> | undefined;
  const step = () => (pending ??= iterator.next());
  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms).unref())]);
  const subscription: Subscription = {
    async next(ms = 5_000) {
      const result = await within(step(), ms, 'message');
      pending = undefined;
      return result.done ? 'done' : result.value;
    },
    async rest(ms = 5_000) {
      const all: Message[] = [];
      for (let message = await subscription.next(ms); message !== 'done'; message = await subscription.next(ms)) all.push(message);
      return all;
    },
    async quiet(ms) {
      const outcome = await Promise.race([step().then(() => 'message'), new Promise((resolve) => setTimeout(() => resolve('quiet'), ms))]);
      return outcome === 'quiet';
    },
    async close() {
      await iterator.return?.();
    },
  };
  return subscription;
}

/** The platform's later reports about a SUBMITTED task: rendering (30 %, 60 %), then done. */
export async function driveToSuccess(lifecycle: TaskLifecycle, taskId: string, platformTaskId: string): Promise<void> {
  await lifecycle.report(taskId, { kind: 'processing', platformTaskId, progress: 30 }, 'STATUS_QUERY');
  await lifecycle.report(taskId, { kind: 'processing', platformTaskId, progress: 60 }, 'STATUS_QUERY');
  await lifecycle.report(taskId, { kind: 'succeeded', platformTaskId, resultUrl: `https://cdn.example.com/videos/${platformTaskId}.mp4`, durationSeconds: 12 }, 'CALLBACK');
}
