// Who is calling: the tenant behind the API key, and whether it may make another request now.
import { createGraphQLError } from 'graphql-yoga';
import { apiKeyFromHeader, hashApiKey } from '../auth/api-key.js';
import type { Database } from '../db/client.js';
import { callerForKeyHash, type Caller } from '../db/tenants.js';
import type { RateLimiter } from './rate-limit.js';

export async function authenticate(database: Database, limiter: RateLimiter, request: Request): Promise<Caller> {
  const key = apiKeyFromHeader(request.headers.get('authorization'));
  const hash = key && hashApiKey(key);
  const caller = hash ? await callerForKeyHash(database, hash) : undefined;
  if (!hash || !caller) {
    throw createGraphQLError('A valid API key is required: send "Authorization: Bearer <key>".', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
    });
  }
  const retryAfterSeconds = limiter.take(hash);
  if (retryAfterSeconds > 0) {
    throw createGraphQLError(`Too many requests for this API key: retry in ${retryAfterSeconds} s.`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } } },
    });
  }
  return caller;
}
