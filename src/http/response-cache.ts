// Serves a query's result again while nothing it could depend on has changed. Results are kept
// per tenant and per data version: database triggers raise a tenant's version on every write to
// its tasks or presets, and the version is read with the API key on every request, so a write by
// any process (another instance, crash recovery) retires every older result at once. Mutations are
// never served from the cache, nor are results with errors kept. Time-derived fields (`expired`,
// signed preview links) may be up to the TTL old.
//
// Written here rather than taken from @envelop/response-cache: that plugin rewrites every query to
// collect the entities in its result, for invalidation by entity, which a data version makes
// unnecessary; the rewriting and the walk over the result cost about 15 % of every cache miss.
import { createHash } from 'node:crypto';
import { getDocumentString, isAsyncIterable } from '@envelop/core';
import stableStringify from 'fast-json-stable-stringify';
import { getOperationAST, print, type ExecutionResult } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { ResponseCacheSettings } from '../config.js';
import type { Context } from '../schema/context.js';
import { isSerialised, withJson } from './response-size.js';

/** A result with its JSON: yoga sends what a result's own `stringify` returns. */
interface Kept {
  result: ExecutionResult;
  json: string;
}
const sendAsIs = ({ result, json }: Kept) => withJson(result, json);

export function useResponseCache({ ttlMs, maxBytes }: ResponseCacheSettings): Plugin<YogaInitialContext & Context>[] {
  if (ttlMs === 0) return [];
  // Bounded by the size of the results (their JSON length), not their number: one page of tasks
  // with params and previews can be a thousand times larger than another.
  const results = new LRUCache<string, Kept>({ maxSize: maxBytes, ttl: ttlMs });
  return [
    {
      onExecute({ args, setResultAndStopExecution }) {
        if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
        const { ownerId, dataVersion, publicUrl } = args.contextValue;
        // Absolute links in a result name the origin it was asked through.
        const key = createHash('sha256')
          .update(`${ownerId}\u0000${dataVersion}\u0000${publicUrl}\u0000${args.operationName ?? ''}\u0000`)
          .update(getDocumentString(args.document, print))
          .update('\u0000')
          .update(stableStringify(args.variableValues ?? {}))
          .digest('hex');
        const cached = results.get(key);
        if (cached) return setResultAndStopExecution(sendAsIs(cached));
        return {
          onExecuteDone({ result, setResult }) {
            if (isAsyncIterable(result) || result.errors?.length) return;
            // Serialised once (by the response size limit, when it runs first): the response and
            // the cache's size accounting share it.
            const serialised = { result, json: isSerialised(result) ? result.stringify() : JSON.stringify(result) };
            // One result may not push out the rest.
            if (serialised.json.length <= maxBytes / 10) results.set(key, serialised, { size: Math.max(1, serialised.json.length) });
            setResult(sendAsIs(serialised));
          },
        };
      },
    },
  ];
}
