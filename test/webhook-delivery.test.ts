// Webhook delivery: a task's status change writes its outbox rows in its own transaction; the
// worker signs (Standard Webhooks) and POSTs them to a real receiver, retries with backoff,
// records every attempt, carries on across a restart, shares the work with another instance
// without sending anything twice, gives up after its horizon, and prunes old deliveries.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCipher } from '../src/auth/credential-cipher.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { claimDueDeliveries } from '../src/db/webhook-deliveries.js';
import { WebhookSecrets } from '../src/delivery/webhook-secret.js';
import { WebhookWorker, type WebhookWorkerOptions } from '../src/delivery/webhook-worker.js';
import { createLogger } from '../src/http/logger.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from './helpers/test-app.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real HTTP receiver on a free port; `answer` decides each response's status. */
class Receiver {
  readonly received: Received[] = [];
  answer: (request: { headers: IncomingHttpHeaders; body: string; index: number }) => number = () => 200;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const status = this.answer({ headers: req.headers, body, index: this.received.length });
        this.received.push({ headers: req.headers, body, answered: status });
        if (status >= 300 && status < 400) res.setHeader('location', `${this.url}/elsewhere`);
        res.writeHead(status).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Receipts answered 2xx, per webhook-id. */
  deliveredIds(): string[] {
    return this.received.filter((r) => r.answered < 300).map((r) => String(r.headers['webhook-id']));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const FAST_RETRY = { firstDelayMs: 40, factor: 2, maxDelayMs: 200, giveUpAfterMs: 60_000 };
const secrets = new WebhookSecrets(new CredentialCipher(TEST_ENCRYPTION_KEY));

let t: TestApp;
const workers: WebhookWorker[] = [];
const receivers: Receiver[] = [];
const databases: Database[] = [];

function startWorker(options: Partial<WebhookWorkerOptions> & { database?: Database } = {}, start = true): WebhookWorker {
  const database = options.database ?? t.database;
  const worker = new WebhookWorker({
    db: database.db,
    clock: () => database.clock.now(),
    secrets,
    logger: createLogger('silent'),
    allowPrivate: true,
    timeoutMs: 2_000,
    pollIntervalMs: 20,
    retentionMs: 30 * 86_400_000,
    retry: FAST_RETRY,
    ...options,
  });
  workers.push(worker);
  if (start) worker.start();
  return worker;
}

async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start();
  receivers.push(r);
  return r;
}

beforeAll(async () => {
  t = await startTestApp({ options: { credentialsEncryptionKey: TEST_ENCRYPTION_KEY, webhooks: { allowPrivate: true } } });
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  // Each test starts with no endpoints (and so no deliveries).
  await t.db.webhookEndpoint.deleteMany({});
});
afterAll(async () => {
  for (const database of databases) await database.close();
  await t.close();
});

const CREATE_ENDPOINT = /* GraphQL */ `
  mutation ($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { __typename ... on CreateWebhookEndpointSuccess { secret endpoint { id } } }
  }
`;

async function endpoint(url: string, eventTypes: string[], key?: string): Promise<{ id: string; secret: string }> {
  const { data } = await t.graphql(CREATE_ENDPOINT, { input: { url, eventTypes } }, key);
  expect(data.createWebhookEndpoint.__typename).toBe('CreateWebhookEndpointSuccess');
  return { id: data.createWebhookEndpoint.endpoint.id, secret: data.createWebhookEndpoint.secret };
}

/** A task the (simulated) platform accepted: SUBMITTED. */
async function submittedTask(name = 'hooked'): Promise<{ globalId: string; id: string; platformTaskId: string }> {
  const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: name, params: minimalSceneParams });
  const { task, platformTaskId } = data.createTakeoverVideo;
  return { globalId: task.id, id: decodeGlobalID(task.id).id, platformTaskId };
}

async function until<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const DELIVERIES = /* GraphQL */ `
  query ($taskId: ID, $endpointId: ID) {
    webhookDeliveries(taskId: $taskId, endpointId: $endpointId) {
      totalCount
      edges { node { eventType status attemptCount deliveredAt nextAttemptAt payload attempts { at statusCode error durationMs } endpoint { id } } }
    }
  }
`;

describe('webhook delivery', () => {
  it('a status change is delivered once, signed, after the receiver failed three times', async () => {
    const r = await receiver();
    r.answer = ({ index }) => (index < 3 ? 500 : 204);
    const { id: endpointId, secret } = await endpoint(`${r.url}/hook`, ['TASK_SUCCEEDED']);
    const task = await submittedTask();
    await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId, progress: 40 }, 'STATUS_QUERY');
    const result = await t.lifecycle.report(task.id, { kind: 'succeeded', platformTaskId: task.platformTaskId, resultUrl: 'https://cdn.example/v.mp4' }, 'CALLBACK');
    expect(result?.applied).toBe(true);
    // Only the subscribed event is in the outbox, written with the change (no worker yet).
    expect(await t.db.webhookDelivery.count({ where: { taskId: task.id } })).toBe(1);

    startWorker();
    await until(() => r.deliveredIds().length === 1 && t.db.webhookDelivery.findFirst({ where: { taskId: task.id, status: 'DELIVERED' } }));
    expect(r.received.map((x) => x.answered)).toEqual([500, 500, 500, 204]);
    // Every attempt carries the same webhook-id; each is signed with the endpoint's secret.
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(1);
    const last = r.received[3]!;
    const verified = new Webhook(secret).verify(last.body, last.headers as Record<string, string>) as Record<string, any>;
    expect(verified).toMatchObject({
      type: 'task.succeeded',
      data: { id: task.globalId, status: 'SUCCEEDED', previousStatus: 'PROCESSING', platformTaskId: task.platformTaskId, resultUrl: 'https://cdn.example/v.mp4', progress: 100, failure: null, videoName: 'hooked' },
    });
    expect(Date.parse(verified.data.expiresAt)).toBeGreaterThan(Date.now());
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(last.body, last.headers as Record<string, string>)).toThrow();
    expect(last.headers['content-type']).toBe('application/json');

    const { data } = await t.graphql(DELIVERIES, { taskId: task.globalId });
    expect(data.webhookDeliveries.totalCount).toBe(1);
    const delivery = data.webhookDeliveries.edges[0].node;
    expect(delivery).toMatchObject({ eventType: 'TASK_SUCCEEDED', status: 'DELIVERED', attemptCount: 4, nextAttemptAt: null, endpoint: { id: endpointId } });
    expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 204]);
    expect(delivery.attempts[0].error).toBe('HTTP 500');
    expect(delivery.attempts[3].error).toBeNull();
    expect(JSON.parse(delivery.payload)).toEqual(verified);
    expect((await t.graphql(DELIVERIES, { endpointId })).data.webhookDeliveries.totalCount).toBe(1);
    expect((await t.graphql(DELIVERIES, { endpointId, taskId: task.globalId })).data.webhookDeliveries.totalCount).toBe(1);
    const stranger = await t.newTenant(`stranger-${Date.now()}`);
    expect((await t.graphql(DELIVERIES, { taskId: task.globalId }, stranger)).data.webhookDeliveries.totalCount).toBe(0);
    expect((await t.graphql(DELIVERIES, { endpointId }, stranger)).data.webhookDeliveries.totalCount).toBe(0);
    expect((await t.graphql(DELIVERIES, {})).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // Nothing more arrives later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.received).toHaveLength(4);
  });

  it('sends task.processing once, not for each progress report; other types by their own subscription', async () => {
    const r = await receiver();
    await endpoint(`${r.url}/all`, ['TASK_SUBMITTED', 'TASK_PROCESSING', 'TASK_FAILED']);
    startWorker();
    const task = await submittedTask('progressing');
    for (const progress of [10, 50, 90]) {
      await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId, progress }, 'CALLBACK');
    }
    await t.lifecycle.report(task.id, { kind: 'failed', platformTaskId: task.platformTaskId, code: 3001, message: 'render error' }, 'CALLBACK');
    await until(() => r.received.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const bodies = r.received.map((x) => JSON.parse(x.body));
    expect(bodies.map((b) => b.type)).toEqual(['task.submitted', 'task.processing', 'task.failed']);
    expect(bodies[1].data.progress).toBe(10);
    expect(bodies[2].data.failure).toEqual({ code: 3001, message: 'render error' });
    // Distinct events, distinct ids.
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(3);
  });

  it('writes the outbox in the transition\'s transaction: a change that fails to commit leaves no delivery', async () => {
    const r = await receiver();
    await endpoint(`${r.url}/tx`, ['TASK_PROCESSING']);
    const task = await submittedTask('rolled back');
    let breakNext = true;
    t.lifecycle.listen({
      outboxFor() {
        if (breakNext) throw new Error('the database went away mid-transaction');
        return undefined;
      },
    });
    await expect(t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK')).rejects.toThrow(/went away/);
    breakNext = false;
    expect(await t.db.webhookDelivery.count({ where: { taskId: task.id } })).toBe(0);
    expect((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('SUBMITTED');
    // The same change, committed, has its delivery.
    await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
    expect(await t.db.webhookDelivery.count({ where: { taskId: task.id } })).toBe(1);
  });

  it('survives a restart mid-retry: a new instance on the same database delivers it, once', async () => {
    const r = await receiver();
    r.answer = ({ index }) => (index < 2 ? 503 : 200);
    await endpoint(`${r.url}/restart`, ['TASK_PROCESSING']);
    const task = await submittedTask('restarted');
    const first = startWorker({ retry: { ...FAST_RETRY, firstDelayMs: 1_000 } });
    await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
    await until(() => r.received.length === 1);
    await first.stop();

    // Another process: its own connection to the same database.
    const second = await openDatabase(t.database.url);
    databases.push(second);
    startWorker({ database: second });
    await until(() => r.deliveredIds().length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.received.map((x) => x.answered)).toEqual([503, 503, 200]);
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { taskId: task.id }, include: { attemptLog: true } });
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 3, claimedUntil: null });
    expect(delivery.attemptLog).toHaveLength(3);
  });

  it('a claim left by a stopped instance holds until it expires; then another instance takes the delivery', async () => {
    const r = await receiver();
    await endpoint(`${r.url}/claimed`, ['TASK_PROCESSING']);
    const task = await submittedTask('claimed');
    await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
    // An instance claimed it and stopped before sending.
    const claimedUntil = new Date(t.database.clock.now().getTime() + 2_000);
    await t.db.webhookDelivery.updateMany({ where: { taskId: task.id }, data: { claimedUntil } });
    startWorker();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received).toHaveLength(0);
    await until(() => r.received.length === 1);
  });

  it('two instances on one database deliver each event exactly once, sharing the work', async () => {
    const r = await receiver();
    await endpoint(`${r.url}/replicas`, ['TASK_PROCESSING', 'TASK_SUCCEEDED']);
    const other = await openDatabase(t.database.url);
    databases.push(other);
    // Which instance sent what, from each one's own log.
    const sentBy = [new Set<string>(), new Set<string>()];
    const logTo = (sent: Set<string>) =>
      createLogger(
        'debug',
        new Writable({
          write(chunk, _encoding, done) {
            for (const line of String(chunk).split('\n').filter(Boolean)) {
              const entry = JSON.parse(line) as { deliveryId?: string };
              if (entry.deliveryId) sent.add(entry.deliveryId);
            }
            done();
          },
        }),
      );
    startWorker({ batchSize: 2, logger: logTo(sentBy[0]!) });
    startWorker({ database: other, batchSize: 2, logger: logTo(sentBy[1]!) });
    const tasks = [];
    for (let n = 0; n < 8; n += 1) tasks.push(await submittedTask(`replica ${n}`));
    await Promise.all(
      tasks.map(async (task) => {
        await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
        await t.lifecycle.report(task.id, { kind: 'succeeded', platformTaskId: task.platformTaskId, resultUrl: 'https://cdn.example/r.mp4' }, 'CALLBACK');
      }),
    );
    await until(() => r.received.length >= 16);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = r.received.map((x) => String(x.headers['webhook-id']));
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(16);
    expect(await t.db.webhookDelivery.count({ where: { status: 'DELIVERED' } })).toBe(16);
    expect(await t.db.webhookAttempt.count()).toBe(16);
    expect(sentBy[0]!.size + sentBy[1]!.size).toBe(16);
    expect([...sentBy[0]!].filter((id) => sentBy[1]!.has(id))).toEqual([]);
  });

  it('claims are exclusive: two instances claiming the same due deliveries at once split them', async () => {
    const r = await receiver();
    await endpoint(`${r.url}/claims`, ['TASK_PROCESSING']);
    for (let n = 0; n < 6; n += 1) {
      const task = await submittedTask(`claim ${n}`);
      await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
    }
    const other = await openDatabase(t.database.url);
    databases.push(other);
    const now = t.database.clock.now();
    const claimEnd = new Date(now.getTime() + 60_000);
    const [a, b] = await Promise.all([claimDueDeliveries(t.db, now, claimEnd, 10), claimDueDeliveries(other.db, now, claimEnd, 10)]);
    expect(a.length + b.length).toBe(6);
    expect(new Set([...a, ...b]).size).toBe(6);
    // Claimed: nobody else gets them until the claim expires.
    expect(await claimDueDeliveries(t.db, now, claimEnd, 10)).toEqual([]);
    expect(await claimDueDeliveries(t.db, new Date(claimEnd.getTime() + 1), new Date(claimEnd.getTime() + 60_000), 10)).toHaveLength(6);
  });

  it('gives up (FAILED) once the next try would fall past the horizon; does not follow redirects', async () => {
    const r = await receiver();
    r.answer = () => 302;
    await endpoint(`${r.url}/moved`, ['TASK_PROCESSING']);
    const task = await submittedTask('given up');
    startWorker({ retry: { ...FAST_RETRY, giveUpAfterMs: 1_500 } });
    await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
    const failed = await until(() => t.db.webhookDelivery.findFirst({ where: { taskId: task.id, status: 'FAILED' }, include: { attemptLog: true } }));
    expect(failed.attemptLog.length).toBeGreaterThanOrEqual(2);
    expect(failed.attemptLog.every((a) => a.statusCode === 302 && /redirects are not followed/.test(a.error ?? ''))).toBe(true);
    // Only the endpoint itself was asked; never the redirect target.
    expect(r.received.length).toBe(failed.attemptLog.length);
  });

  it('records timeouts and refused connections as failed attempts', async () => {
    const r = await receiver();
    r.answer = () => 200;
    const slow = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      await endpoint(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`, ['TASK_PROCESSING']);
      const task = await submittedTask('slow');
      startWorker({ timeoutMs: 200, retry: { ...FAST_RETRY, firstDelayMs: 10_000 } });
      await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
      const attempt = await until(() => t.db.webhookAttempt.findFirst({ where: { delivery: { taskId: task.id } } }));
      expect(attempt).toMatchObject({ statusCode: null, error: 'timeout' });
      expect(attempt.durationMs).toBeGreaterThanOrEqual(150);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('checks the address again when sending: a private host is refused without WEBHOOK_ALLOW_PRIVATE', async () => {
    const r = await receiver();
    // Registered while private hosts were allowed; the worker no longer allows them.
    await endpoint(`${r.url}/private`, ['TASK_PROCESSING']);
    const rebinding = await endpoint(`http://rebinding.test:${new URL(r.url).port}/private`, ['TASK_PROCESSING']);
    const task = await submittedTask('private');
    startWorker({ allowPrivate: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }], retry: { ...FAST_RETRY, firstDelayMs: 10_000 } });
    await t.lifecycle.report(task.id, { kind: 'processing', platformTaskId: task.platformTaskId }, 'CALLBACK');
    const attempts = await until(async () => {
      const rows = await t.db.webhookAttempt.findMany({ where: { delivery: { taskId: task.id } }, include: { delivery: true } });
      return rows.length === 2 && rows;
    });
    expect(r.received).toHaveLength(0);
    for (const attempt of attempts) expect(attempt.error).toMatch(/private/);
    expect(attempts.some((a) => a.delivery.endpointId === decodeGlobalID(rebinding.id).id)).toBe(true);
  });

  it('prunes finished deliveries older than the retention period, with their attempts', async () => {
    const r = await receiver();
    const { id } = await endpoint(`${r.url}/prune`, ['TASK_PROCESSING']);
    const endpointId = decodeGlobalID(id).id;
    const now = t.database.clock.now();
    const day = 86_400_000;
    const row = (eventId: number, status: 'DELIVERED' | 'FAILED' | 'PENDING', ageDays: number) => ({
      endpointId,
      ownerId: 'tenant-a',
      taskId: '00000000-0000-4000-8000-000000000000',
      eventId,
      eventType: 'task.processing',
      payload: '{}',
      status,
      createdAt: new Date(now.getTime() - ageDays * day),
      nextAttemptAt: new Date(now.getTime() + day),
    });
    await t.db.webhookDelivery.createMany({ data: [row(900_001, 'DELIVERED', 31), row(900_002, 'FAILED', 31), row(900_003, 'PENDING', 31), row(900_004, 'DELIVERED', 29)] });
    const old = await t.db.webhookDelivery.findFirstOrThrow({ where: { eventId: 900_001 } });
    await t.db.webhookAttempt.create({ data: { deliveryId: old.id, at: old.createdAt, statusCode: 200, durationMs: 5 } });
    // Not started: its loop would prune on its first round, racing this call.
    const worker = startWorker({ retentionMs: 30 * day }, false);
    expect(await worker.prune()).toBe(2);
    const left = await t.db.webhookDelivery.findMany({ where: { endpointId }, select: { eventId: true } });
    expect(left.map((d) => d.eventId).sort()).toEqual([900_003, 900_004]);
    expect(await t.db.webhookAttempt.count({ where: { deliveryId: old.id } })).toBe(0);
  });
});
