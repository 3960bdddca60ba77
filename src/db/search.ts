import type { DbProvider } from './client.js';

/**
 * A case-insensitive "contains" filter. SQLite's LIKE already ignores ASCII case; PostgreSQL
 * needs `mode: 'insensitive'`, which the SQLite client's types do not know.
 */
export function containsText(provider: DbProvider, text: string): { contains: string } {
  return provider === 'postgresql' ? ({ contains: text, mode: 'insensitive' } as { contains: string }) : { contains: text };
}
