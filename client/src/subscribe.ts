// Subscriptions over Server-Sent Events (graphql-sse's "distinct connections" mode), for any
// subscription document. Needs the optional peer dependency graphql-sse.
import { createClient as createSseClient, type Client } from 'graphql-sse';
import type { TypedDocument } from './request.js';

export interface SubscriptionOptions {
  /** The service's SSE endpoint, e.g. "https://video.example.com/graphql". */
  url: string;
  apiKey?: string;
  fetch?: typeof fetch;
}

export interface SubscriptionClient {
  /**
   * Every event of a subscription, in order, as an async iterator of its typed data. Breaking out
   * of the loop (or `return()`) ends the subscription. A GraphQL error ends it by throwing.
   */
  subscribe<Data, Variables>(document: TypedDocument<Data, Variables>, variables: Variables): AsyncIterableIterator<Data>;
  /** Closes every subscription of this client. */
  dispose(): void;
}

export function createSubscriptionClient(options: SubscriptionOptions): SubscriptionClient {
  const client: Client = createSseClient({
    url: options.url,
    ...(options.fetch && { fetchFn: options.fetch }),
    headers: () => ({ ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }) }),
  });
  return {
    async *subscribe<Data, Variables>(document: TypedDocument<Data, Variables>, variables: Variables) {
      const events = client.iterate<Data>({ query: document.toString(), variables: (variables ?? {}) as Record<string, unknown> });
      try {
        for await (const event of events) {
          if (event.errors?.length) throw new Error(event.errors.map((e) => e.message).join('; '));
          if (event.data) yield event.data;
        }
      } finally {
        await events.return?.();
      }
    },
    dispose: () => client.dispose(),
  };
}
