// Every response carries an `x-request-id` (the client's, when it sent a sane one), and so do
// the logs about that request and the masked errors it returns.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { ServerContext } from './client-address.js';

const ids = new WeakMap<Request, string>();
const current = new AsyncLocalStorage<string>();
const SANE = /^[A-Za-z0-9._-]{1,64}$/;

/** The client's id when it sent a sane one, otherwise a new one. */
export const requestIdFor = (given: string | null | undefined): string => (given && SANE.test(given) ? given : randomUUID());

/** The id of the request being handled, where it is known. */
export const currentRequestId = (): string | undefined => current.getStore();

export function useRequestId(): Plugin {
  return {
    onRequest({ request, serverContext }) {
      // The HTTP server may have chosen it already (see server.ts), to log errors no plugin saw.
      const id = (serverContext as ServerContext).requestId ?? requestIdFor(request.headers.get('x-request-id'));
      ids.set(request, id);
      // The rest of this request's handling continues from here, so it sees the id.
      current.enterWith(id);
    },
    onResponse({ request, response }) {
      const id = ids.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
  };
}
