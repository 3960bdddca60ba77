// Webhook endpoints through GraphQL: created with a secret shown once (stored encrypted), listed,
// rotated, deleted; tenants see only their own; URLs of private hosts refused (IPv4, IPv6, mapped
// forms, names resolving to them) unless WEBHOOK_ALLOW_PRIVATE.
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { isPublicAddress } from '../src/delivery/public-address.js';
import { DEFAULT_RETRY, nextAttemptAt } from '../src/delivery/webhook-retry.js';
import { publicOnlyLookup, webhookUrlProblem } from '../src/delivery/webhook-url.js';
import { startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let otherKey: string;

beforeAll(async () => {
  // As deployed: private hosts refused, secrets encrypted at rest.
  t = await startTestApp({ options: { credentialsEncryptionKey: TEST_ENCRYPTION_KEY, webhooks: { allowPrivate: false } } });
  otherKey = await t.newTenant('tenant-b');
});
afterAll(() => t.close());

const CREATE = /* GraphQL */ `
  mutation ($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on CreateWebhookEndpointSuccess { secret endpoint { id url description eventTypes createdAt } }
      ... on ValidationError { message issues { path message } }
    }
  }
`;
const ROTATE = /* GraphQL */ `
  mutation ($id: ID!) {
    rotateWebhookSecret(id: $id) {
      __typename
      ... on RotateWebhookSecretSuccess { secret endpoint { id } }
      ... on NotFoundError { message }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation ($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      __typename
      ... on DeleteWebhookEndpointSuccess { deletedId }
      ... on NotFoundError { message }
    }
  }
`;
const LIST = /* GraphQL */ `
  query ($first: Int, $after: String) {
    webhookEndpoints(first: $first, after: $after) { totalCount edges { cursor node { id url eventTypes } } pageInfo { hasNextPage endCursor } }
  }
`;
const DELIVERIES = /* GraphQL */ `
  query ($endpointId: ID) { webhookDeliveries(endpointId: $endpointId) { totalCount } }
`;

const PUBLIC_URL = 'https://93.184.215.14/hooks/takeover';
const create = (input: Record<string, unknown>, key?: string) =>
  t.graphql(CREATE, { input: { url: PUBLIC_URL, eventTypes: ['TASK_SUCCEEDED'], ...input } }, key).then((r) => r.data?.createWebhookEndpoint ?? r);

describe('webhook endpoints', () => {
  it('creates an endpoint and shows its secret once; stored encrypted; never readable afterwards', async () => {
    const created = await create({ description: 'orders', eventTypes: ['TASK_SUCCEEDED', 'TASK_FAILED', 'TASK_SUCCEEDED'] });
    expect(created).toMatchObject({
      __typename: 'CreateWebhookEndpointSuccess',
      endpoint: { url: PUBLIC_URL, description: 'orders', eventTypes: ['TASK_SUCCEEDED', 'TASK_FAILED'] },
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await t.db.webhookEndpoint.findFirstOrThrow({ where: { url: PUBLIC_URL, description: 'orders' } });
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(created.secret.slice(6));
    // No field of any type gives the secret back.
    const { data } = await t.graphql(`{ __type(name: "WebhookEndpoint") { fields { name } } }`);
    expect(data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('secret');
    const { errors } = await t.graphql(`{ webhookEndpoints { edges { node { secret } } } }`);
    expect(errors?.[0].message).toMatch(/Cannot query field "secret"/);
    // The node interface finds it for its owner only.
    const node = `query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint { url } } }`;
    expect((await t.graphql(node, { id: created.endpoint.id })).data.node).toEqual({ url: PUBLIC_URL });
    expect((await t.graphql(node, { id: created.endpoint.id }, otherKey)).data.node).toBeNull();
  });

  it('rotates the secret (the new one shown once), lists and deletes; another tenant gets NotFoundError and sees nothing', async () => {
    const created = await create({ description: 'rotating' });
    const id = created.endpoint.id;
    const before = (await t.db.webhookEndpoint.findFirstOrThrow({ where: { description: 'rotating' } })).secret;

    expect((await t.graphql(ROTATE, { id }, otherKey)).data.rotateWebhookSecret).toMatchObject({ __typename: 'NotFoundError' });
    expect((await t.db.webhookEndpoint.findFirstOrThrow({ where: { description: 'rotating' } })).secret).toBe(before);
    const rotated = (await t.graphql(ROTATE, { id })).data.rotateWebhookSecret;
    expect(rotated).toMatchObject({ __typename: 'RotateWebhookSecretSuccess', endpoint: { id } });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await t.db.webhookEndpoint.findFirstOrThrow({ where: { description: 'rotating' } })).secret).not.toBe(before);

    const mine = (await t.graphql(LIST)).data.webhookEndpoints;
    expect(mine.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    const theirs = (await t.graphql(LIST, {}, otherKey)).data.webhookEndpoints;
    expect(theirs).toMatchObject({ totalCount: 0, edges: [] });
    expect((await t.graphql(DELIVERIES, { endpointId: id }, otherKey)).data.webhookDeliveries.totalCount).toBe(0);
    // A cursor of one tenant's list is refused in another's.
    const { errors } = await t.graphql(LIST, { first: 1, after: mine.edges[0].cursor }, otherKey);
    expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    expect((await t.graphql(DELETE, { id }, otherKey)).data.deleteWebhookEndpoint).toMatchObject({ __typename: 'NotFoundError' });
    expect((await t.graphql(DELETE, { id })).data.deleteWebhookEndpoint).toEqual({ __typename: 'DeleteWebhookEndpointSuccess', deletedId: id });
    expect((await t.graphql(DELETE, { id })).data.deleteWebhookEndpoint).toMatchObject({ __typename: 'NotFoundError' });
    expect((await t.graphql(ROTATE, { id: 'not-an-id' })).data.rotateWebhookSecret).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('pages through endpoints with cursors', async () => {
    for (const n of [1, 2, 3]) await create({ description: `page ${n}` });
    const first = (await t.graphql(LIST, { first: 2 })).data.webhookEndpoints;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await t.graphql(LIST, { first: 100, after: first.pageInfo.endCursor })).data.webhookEndpoints;
    const ids = [...first.edges, ...rest.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(first.totalCount);
  });

  it('refuses bad input with a ValidationError and records nothing', async () => {
    const count = await t.db.webhookEndpoint.count();
    expect(await create({ eventTypes: [] })).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'input.eventTypes' }] });
    for (const url of ['ftp://93.184.215.14/x', 'not a url', 'https://user:pw@93.184.215.14/', `https://93.184.215.14/${'x'.repeat(2_000)}`]) {
      expect(await create({ url })).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'input.url' }] });
    }
    expect(await t.db.webhookEndpoint.count()).toBe(count);
  });

  it('refuses private, loopback, link-local, unique-local and reserved hosts, and names resolving to them', async () => {
    const refused = [
      'http://127.0.0.1:8080/hook',
      'https://10.1.2.3/',
      'https://169.254.169.254/latest/meta-data',
      'https://172.16.0.1/',
      'https://192.168.1.1/',
      'https://100.64.0.1/',
      'https://0.0.0.0/',
      'https://224.0.0.1/',
      'https://[::1]/',
      'https://[::]/',
      'https://[fd00::1]/',
      'https://[fe80::1]/',
      'https://[ff02::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://[64:ff9b::a00:1]/',
      'https://localhost/',
      'http://localhost:4000/',
    ];
    for (const url of refused) {
      expect(await create({ url }), url).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'input.url', message: expect.stringMatching(/private/) }] });
    }
    expect(await create({ url: 'https://[2606:4700:4700::1111]/hook' })).toMatchObject({ __typename: 'CreateWebhookEndpointSuccess' });
  });
});

describe('settings', () => {
  it('reads its settings from the environment, with defaults', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivate: false, timeoutMs: 10_000, pollIntervalMs: 1_000, retentionMs: 30 * 86_400_000 });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETENTION_DAYS: '7' }).webhooks).toMatchObject({ allowPrivate: true, retentionMs: 7 * 86_400_000 });
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '0' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
  });

  it('retries as the README says: 10 s, 30 s, 1.5 min … every 6 h, up to 24 h after the event (±20 %)', () => {
    const eventAt = new Date('2026-01-01T00:00:00Z');
    const schedule = (random: () => number) => {
      const waits: number[] = [];
      let now = eventAt;
      for (let attempts = 1; ; attempts += 1) {
        const next = nextAttemptAt(DEFAULT_RETRY, attempts, eventAt, now, random);
        if (!next) return waits;
        waits.push((next.getTime() - now.getTime()) / 1000);
        now = next;
      }
    };
    expect(schedule(() => 0.5)).toEqual([10, 30, 90, 270, 810, 2430, 7290, 21600, 21600, 21600]);
    expect(schedule(() => 0)[0]).toBe(8);
    expect(schedule(() => 1)[0]).toBe(12);
  });
});

describe('the address rules', () => {
  it('classifies addresses', () => {
    for (const a of ['8.8.8.8', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of ['127.0.0.1', '10.0.0.1', '100.127.255.255', '169.254.1.1', '172.31.255.255', '192.168.0.1', '198.18.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fdff::1', 'fe80::1%eth0', 'ff00::1', '::ffff:10.0.0.1', '::ffff:0a00:0001', '2002:7f00:1::1', '64:ff9b::7f00:1', 'not an ip']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    expect(isPublicAddress('172.32.0.1')).toBe(true);
    expect(isPublicAddress('100.128.0.1')).toBe(true);
  });

  it('checks every address a name resolves to, and WEBHOOK_ALLOW_PRIVATE lets private hosts through', async () => {
    const resolveTo = (...addresses: string[]) => async (): Promise<LookupAddress[]> => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    expect(await webhookUrlProblem('https://hooks.example/', { allowPrivate: false, resolve: resolveTo('93.184.215.14') })).toBeUndefined();
    expect(await webhookUrlProblem('https://hooks.example/', { allowPrivate: false, resolve: resolveTo('93.184.215.14', '10.0.0.5') })).toMatch(/private/);
    expect(await webhookUrlProblem('https://hooks.example/', { allowPrivate: false, resolve: resolveTo() })).toMatch(/does not resolve/);
    expect(await webhookUrlProblem('http://127.0.0.1:9/', { allowPrivate: true })).toBeUndefined();
    expect(await webhookUrlProblem('ftp://127.0.0.1/', { allowPrivate: true })).toMatch(/http/);
  });

  it('at connection time, hands the connection exactly the addresses it checked, or refuses', async () => {
    let answer = ['93.184.215.14'];
    const lookup = publicOnlyLookup(async () => answer.map((address) => ({ address, family: 4 })));
    const call = (options: object) =>
      new Promise<{ error: Error | null; address: unknown }>((resolve) => lookup('hooks.example', options, (error, address) => resolve({ error, address })));
    expect(await call({})).toEqual({ error: null, address: '93.184.215.14' });
    expect(await call({ all: true })).toEqual({ error: null, address: [{ address: '93.184.215.14', family: 4 }] });
    // The name now resolves to a private address (DNS rebinding): refused, nothing to connect to.
    answer = ['127.0.0.1'];
    expect((await call({})).error?.message).toMatch(/private/);
  });
});
