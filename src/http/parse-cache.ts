// yoga's parse and validation cache, bounded by memory rather than by count. yoga's default keeps
// 1,024 documents and 1,024 parse errors keyed by their full text, and each keeps its text alive
// (the document's locations, the error's source): a thousand distinct 1 MB queries pinned a
// gigabyte. Here documents and errors are kept only for texts up to MAX_CACHED_TEXT characters,
// within a budget that counts ESTIMATED_BYTES_PER_CHAR for each character (text and syntax tree;
// a dense query's tree measured about 50 bytes per character). Validation results are kept per
// document object (yoga's WeakMap), so they go when their document goes.
import type { DocumentNode } from 'graphql';
import type { YogaServerOptions } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

type ParserCacheOptions = Exclude<YogaServerOptions<object, object>['parserAndValidationCache'], boolean | undefined>;

export const MAX_CACHED_TEXT = 20_000;
const ESTIMATED_BYTES_PER_CHAR = 50;

function boundedCache<T extends {}>(budgetBytes: number) {
  const cache = new LRUCache<string, T>({
    maxSize: budgetBytes,
    sizeCalculation: (_value, text) => Math.max(1, text.length * ESTIMATED_BYTES_PER_CHAR),
  });
  return {
    get: (text: string) => cache.get(text),
    set: (text: string, value: T) => {
      if (text.length <= MAX_CACHED_TEXT) cache.set(text, value);
    },
    /** For tests: the estimated bytes held. */
    get size() {
      return cache.calculatedSize;
    },
  };
}

/** Documents within `budgetBytes`, parse errors within a tenth of it. */
export function boundedParserCache(budgetBytes = 16_000_000): ParserCacheOptions & { documentCache: { size: number }; errorCache: { size: number } } {
  return {
    documentCache: boundedCache<DocumentNode>(budgetBytes),
    errorCache: boundedCache<object>(budgetBytes / 10),
    validationCache: true,
  };
}
