// The client's generic subscription helper (@takeover/client/subscribe) over graphql-sse, against
// a yoga server's Server-Sent Events, as the service's subscriptions will be served. The service
// has no subscription yet, so a throwaway yoga schema with one stands in; the helper knows nothing
// of either document.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedDocument } from '../client/src/request.js';
import { createSubscriptionClient } from '../client/src/subscribe.js';

let server: Server;
let url: string;
const seenAuthorization: (string | null)[] = [];
beforeAll(async () => {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { ok: Boolean } type Subscription { countdown(from: Int!): Int! }',
      resolvers: {
        Subscription: {
          countdown: {
            async *subscribe(_root: unknown, { from }: { from: number }) {
              for (let i = from; i >= 0; i -= 1) yield { countdown: i };
            },
          },
        },
      },
    }),
    context: ({ request }) => {
      seenAuthorization.push(request.headers.get('authorization'));
      return {};
    },
  });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const COUNTDOWN = { toString: () => 'subscription ($from: Int!) { countdown(from: $from) }' } as TypedDocument<{ countdown: number }, { from: number }>;

describe('createSubscriptionClient', () => {
  it('iterates every event of any subscription document, typed, with the API key sent', async () => {
    const client = createSubscriptionClient({ url, apiKey: 'tk_test' });
    const values: number[] = [];
    for await (const event of client.subscribe(COUNTDOWN, { from: 3 })) values.push(event.countdown);
    client.dispose();
    expect(values).toEqual([3, 2, 1, 0]);
    expect(seenAuthorization.at(-1)).toBe('Bearer tk_test');
  });

  it('ends the subscription when the loop breaks, and throws on a GraphQL error', async () => {
    const client = createSubscriptionClient({ url });
    const first: number[] = [];
    for await (const event of client.subscribe(COUNTDOWN, { from: 100 })) {
      first.push(event.countdown);
      if (first.length === 2) break;
    }
    expect(first).toEqual([100, 99]);
    const broken = { toString: () => 'subscription { nothing }' } as TypedDocument<unknown, Record<string, never>>;
    await expect(async () => {
      for await (const _ of client.subscribe(broken, {})) void _;
    }).rejects.toThrow(/nothing/);
    client.dispose();
  });
});
