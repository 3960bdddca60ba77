import { isSqliteUniqueViolation } from './sqlite-direct.js';

/** Prisma's "unique constraint failed" error, whichever generated client raised it, or SQLite's from a direct write. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002' || isSqliteUniqueViolation(error);
}
