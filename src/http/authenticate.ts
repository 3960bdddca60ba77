// Who is calling, decided before anything of the request body is read or parsed: a request
// without a valid API key costs a header check and at most one indexed lookup, and is answered
// 401 (or 429 once its address has used up the unauthenticated budget). A valid key is charged
// to its own budget. Routes that need no key (health, readiness, metrics, signed previews, the
// GraphiQL page and its assets) answer in plugins placed before this one.
import type { Plugin } from 'graphql-yoga';
import { apiKeyFromHeader, hashApiKey } from '../auth/api-key.js';
import type { Database } from '../db/client.js';
import { callerForKeyHash, type Caller } from '../db/tenants.js';
import type { RateLimiter } from '../shared-state/rate-limiter.js';
import { clientAddress, type ServerContext } from './client-address.js';
import { requestIdOf } from './request-id.js';
import type { Logger } from './logger.js';

const callers = new WeakMap<Request, Caller>();

/** The caller `useAuthentication` let through; undefined for a request it did not see. */
export const callerOf = (request: Request): Caller | undefined => callers.get(request);

const errorResponse = (status: number, message: string, extensions: Record<string, unknown>, headers: Record<string, string>) =>
  new Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

const unauthenticated = () =>
  errorResponse(401, 'A valid API key is required: send "Authorization: Bearer <key>".', { code: 'UNAUTHENTICATED' }, { 'www-authenticate': 'Bearer' });

const rateLimited = (retryAfterSeconds: number, whose: string) =>
  errorResponse(429, `Too many requests ${whose}: retry in ${retryAfterSeconds} s.`, { code: 'RATE_LIMITED', retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });

export interface AuthenticationOptions {
  database: Database;
  perKey: RateLimiter;
  perAddress: RateLimiter;
  trustProxyHops: number;
  logger: Logger;
}

export function useAuthentication({ database, perKey, perAddress, trustProxyHops, logger }: AuthenticationOptions): Plugin<object, ServerContext> {
  // A limiter that fails (it should not: the Redis one falls back by itself) lets the request through.
  const take = async (limiter: RateLimiter, id: string, request: Request) => {
    try {
      return await limiter.take(id);
    } catch (error) {
      logger.error({ err: error, requestId: requestIdOf(request) }, 'rate limiter failed: request let through');
      return 0;
    }
  };
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const key = apiKeyFromHeader(request.headers.get('authorization'));
      const hash = key && hashApiKey(key);
      const caller = hash ? await callerForKeyHash(database, hash) : undefined;
      if (!hash || !caller) {
        const wait = await take(perAddress, clientAddress(request, serverContext, trustProxyHops), request);
        return endResponse(wait ? rateLimited(wait, 'without a valid API key from this address') : unauthenticated());
      }
      const wait = await take(perKey, hash, request);
      if (wait) return endResponse(rateLimited(wait, 'for this API key'));
      callers.set(request, caller);
    },
  };
}
