// Serves a query's result again while nothing it could depend on has changed. Results are kept
// per tenant and per data version: database triggers raise a tenant's version on every write to
// its tasks or presets, and the version is read with the API key on every request, so a write by
// any process (another instance, crash recovery) retires every older result at once. Mutations are
// never served from the cache. Time-derived fields (`expired`, signed preview links) may be up to
// the TTL old.
import { createHash } from 'node:crypto';
import { useResponseCache as useEnvelopResponseCache, type Cache } from '@envelop/response-cache';
import stableStringify from 'fast-json-stable-stringify';
import type { ExecutionResult } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { ResponseCacheSettings } from '../config.js';
import type { Context } from '../schema/context.js';

/**
 * Bounded by the size of the results (their JSON length), not their number: one page of tasks
 * with params and previews can be a thousand times larger than another. No invalidation by
 * entity: a new data version does that for every result at once.
 */
function createSizeBoundedCache(maxBytes: number): Cache {
  const results = new LRUCache<string, ExecutionResult>({ maxSize: maxBytes });
  return {
    set(id, result, _entities, ttl) {
      const size = Math.max(1, JSON.stringify(result).length);
      // One result may not push out the rest.
      if (size <= maxBytes / 10) results.set(id, result, { ttl, size });
    },
    get: (id) => results.get(id),
    invalidate() {},
  };
}

export function useResponseCache({ ttlMs, maxBytes }: ResponseCacheSettings): Plugin<YogaInitialContext & Context>[] {
  if (ttlMs === 0) return [];
  return [
    useEnvelopResponseCache<YogaInitialContext & Context>({
      cache: createSizeBoundedCache(maxBytes),
      ttl: ttlMs,
      session: (context) => `${context.ownerId}\u0000${context.dataVersion}`,
      // The library's default key, hashed synchronously: its WebCrypto digest waits on the thread pool.
      buildResponseCacheKey: ({ documentString, operationName, variableValues, sessionId }) =>
        createHash('sha256')
          .update([documentString, operationName ?? '', stableStringify(variableValues ?? {}), sessionId ?? ''].join('|'))
          .digest('hex'),
      // Results with errors are not kept (the library's default, without its console warning).
      shouldCacheResult: ({ result }) => !result.errors?.length,
      includeExtensionMetadata: false,
    }),
  ];
}
