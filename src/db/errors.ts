/** Prisma's "unique constraint failed" error, whichever generated client raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}
