import type { DbProvider } from './client.js';

/** `%`, `_` and the backslash taken literally by a LIKE whose escape character is a backslash. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * A case-insensitive "contains" filter that matches `text` literally. Prisma passes the value to
 * LIKE unescaped, so it is escaped here; PostgreSQL's LIKE escapes with a backslash by default and
 * SQLite's does once src/db/sqlite-like-escape.ts has added the ESCAPE clause. SQLite's LIKE
 * ignores the case of ASCII letters only; PostgreSQL needs `mode: 'insensitive'` (ILIKE, every
 * letter), which the SQLite client's types do not know.
 */
export function containsText(provider: DbProvider, text: string): { contains: string } {
  const contains = escapeLike(text);
  return provider === 'postgresql' ? ({ contains, mode: 'insensitive' } as { contains: string }) : { contains };
}
