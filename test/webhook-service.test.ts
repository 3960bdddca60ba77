// The service as a process (main.ts): the outbox and the worker are wired, a new event is sent at
// once (not at the next poll), and SIGTERM stops the worker cleanly.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalSceneParams } from './fixtures/seed-scene.js';
import { startService } from './helpers/service-process.js';
import { prepareServiceFixture, type ServiceFixture } from './helpers/service-fixture.js';
import { TEST_ENCRYPTION_KEY } from './helpers/test-app.js';

let fixture: ServiceFixture;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  fixture = await prepareServiceFixture('hooks', 0);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await fixture.cleanup();
});

describe('webhooks in the running service', () => {
  it('sends a status change at once, signed, and stops cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    // A poll interval longer than the test: only the wake-up on write can send it in time.
    const service = await startService({ ...fixture.env, WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_POLL_INTERVAL_MS: '60000', CREDENTIALS_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY });
    const graphql = async (query: string, variables: object) => {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.apiKey}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: any };
    };
    const { data } = await graphql(
      'mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: [TASK_SUBMITTED] }) { ... on CreateWebhookEndpointSuccess { secret } } }',
      { url: receiverUrl },
    );
    const secret = data.createWebhookEndpoint.secret as string;
    const submitted = await graphql(
      'mutation ($p: TakeoverParamsInput) { createTakeoverVideo(videoName: "via service", params: $p) { ... on CreateTakeoverVideoSuccess { task { id } } } }',
      { p: minimalSceneParams },
    );
    const taskId = submitted.data.createTakeoverVideo.task.id as string;

    const deadline = Date.now() + 15_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toHaveLength(1);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>);
    expect(event).toMatchObject({ type: 'task.submitted', data: { id: taskId, status: 'SUBMITTED', previousStatus: 'SUBMITTING' } });

    service.child.kill('SIGTERM');
    expect(await service.exited()).toBe(0);
    expect(service.output()).not.toContain(secret);
  });
});
