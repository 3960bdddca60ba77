// Shared by the tests of where task status comes from: a poller for a test app, and waiting.
import { StatusPoller } from '../../src/lifecycle/status-poller.js';
import type { TaskLifecycle } from '../../src/lifecycle/task-lifecycle.js';
import { createLogger } from '../../src/http/logger.js';
import type { Database } from '../../src/db/client.js';
import type { PlatformResolver } from '../../src/submission/submit-takeover.js';

export const CALLBACK_SECRET = 'test-callback-secret-0123456789';

export const TASK_STATUS = /* GraphQL */ `
  query ($id: ID!) {
    task(id: $id) {
      id status progress platformTaskId platformCode platformMessage resultUrl expiresAt expired completedAt durationSeconds failureReason
      events { fromStatus toStatus source progress message }
    }
  }
`;

export const RECONCILE = /* GraphQL */ `
  mutation ($input: ReconcileTaskInput!) {
    reconcileTask(input: $input) {
      __typename
      ... on ReconcileTaskSuccess { task { id status platformTaskId failureReason events { toStatus source } } }
      ... on ValidationError { message issues { path message } }
      ... on NotFoundError { message }
      ... on TaskNotUnknownError { message status }
    }
  }
`;

export function testPoller(database: Database, lifecycle: TaskLifecycle, platforms: PlatformResolver, options: { firstDelayMs?: number; concurrencyPerAccount?: number } = {}) {
  return new StatusPoller(database.db, lifecycle, platforms, createLogger('silent'), {
    intervalMs: 25,
    firstDelayMs: options.firstDelayMs ?? 50,
    maxDelayMs: 400,
    concurrencyPerAccount: options.concurrencyPerAccount ?? 4,
    claimMs: 10_000,
    clock: () => database.clock.now(),
  });
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
