// Every response carries an `x-request-id` (the client's, when it sent a sane one), and so do
// the logs about that request and the masked errors it returns. Kept per Request, not in an
// AsyncLocalStorage: on Node 20 one in use hooks every promise of the process (a tenth of a
// page of tasks' CPU). A masked error is made without its id (yoga's maskError sees no request)
// and gets it, and is logged with it, when its result is turned into the response.
import { randomUUID } from 'node:crypto';
import { isAsyncIterable, mapAsyncIterator } from '@envelop/core';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ServerContext } from './client-address.js';
import type { Logger } from './logger.js';

const ids = new WeakMap<Request, string>();
const SANE = /^[A-Za-z0-9._-]{1,64}$/;

/** The client's id when it sent a sane one, otherwise a new one. */
export const requestIdFor = (given: string | null | undefined): string => (given && SANE.test(given) ? given : randomUUID());

/** The id of this request, once useRequestId has seen it. */
export const requestIdOf = (request: Request): string | undefined => ids.get(request);

/** Masked errors waiting for their request's id, with the error each one hides. */
const hidden = new WeakMap<GraphQLError, unknown>();

/** What the client gets instead of an unexpected error; logged with its request id on the way out. */
export function unexpectedError(original: unknown, message: string): GraphQLError {
  const masked = createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  hidden.set(masked, original);
  return masked;
}

export function useRequestId(logger: Logger): Plugin {
  /** The result with each masked error given the request id (and its original logged with it). */
  const attribute = (result: ExecutionResult, requestId: string | undefined): ExecutionResult => {
    if (!result.errors?.some((error) => hidden.has(error))) return result;
    const errors = result.errors.map((error) => {
      if (!hidden.has(error)) return error;
      logger.error({ err: hidden.get(error), requestId }, 'unexpected error');
      hidden.delete(error);
      return new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, requestId } });
    });
    return { ...result, errors };
  };
  return {
    onRequest({ request, serverContext }) {
      // The HTTP server may have chosen it already (see server.ts), to log errors no plugin saw.
      ids.set(request, (serverContext as ServerContext).requestId ?? requestIdFor(request.headers.get('x-request-id')));
    },
    onResultProcess({ request, result, setResult }) {
      const requestId = ids.get(request);
      if (isAsyncIterable(result)) setResult(mapAsyncIterator(result, (value) => attribute(value, requestId)));
      else if (Array.isArray(result)) setResult(result.map((value) => attribute(value, requestId)));
      else {
        const attributed = attribute(result, requestId);
        if (attributed !== result) setResult(attributed);
      }
    },
    onResponse({ request, response }) {
      const id = ids.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
  };
}
