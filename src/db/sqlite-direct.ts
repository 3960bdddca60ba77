// The submission's writes on SQLite without Prisma's runtime (about a millisecond of CPU per
// statement through Prisma, a tenth of that as a kept prepared statement): on the adapter's own
// connection, so they queue behind no other connection's lock and are seen by Prisma's next read.
// They run synchronously, BEGIN to COMMIT, so nothing else runs on the connection meanwhile; and
// only while no Prisma transaction is open on it (one open across an await would take them in):
// then the caller goes through Prisma as before.
import type BetterSqlite3 from 'better-sqlite3';
import type { KeptStatements } from './sqlite-statement-cache.js';

export interface DirectSqlite {
  /** The first row of a read, columns by name. */
  get<Row>(sql: string, ...params: unknown[]): Row | undefined;
  /** Every row of a read, columns by name. */
  all<Row>(sql: string, ...params: unknown[]): Row[];
  /** Runs `write` in a transaction of its own; what it throws rolls it back. */
  transaction<T>(write: (sql: DirectStatements) => T): T;
}

export interface DirectStatements {
  run(sql: string, ...params: unknown[]): BetterSqlite3.RunResult;
  /** The first row, columns by name (integers as BigInt: the connection reads safe integers). */
  get<Row>(sql: string, ...params: unknown[]): Row | undefined;
  /** Every row, columns by name. */
  all<Row>(sql: string, ...params: unknown[]): Row[];
}

const directByClient = new WeakMap<object, () => DirectSqlite | undefined>();

/** Called by openDatabase for a SQLite client; `statements()` is undefined until Prisma has connected. */
export function registerDirectSqlite(client: object, statements: () => KeptStatements | undefined, onQuery?: (sql: string) => void): void {
  const logged = (sql: string) => (onQuery?.(sql), sql);
  directByClient.set(client, () => {
    const kept = statements();
    if (!kept || kept.connection.inTransaction) return undefined;
    return {
      get: <Row>(sql: string, ...params: unknown[]) => kept.statement(logged(sql)).raw(false).get(...params) as Row | undefined,
      all: <Row>(sql: string, ...params: unknown[]) => kept.statement(logged(sql)).raw(false).all(...params) as Row[],
      transaction<T>(write: (sql: DirectStatements) => T): T {
        const statementsOf: DirectStatements = {
          run: (sql, ...params) => kept.statement(logged(sql)).run(...params),
          get: <Row>(sql: string, ...params: unknown[]) => kept.statement(logged(sql)).raw(false).get(...params) as Row | undefined,
          all: <Row>(sql: string, ...params: unknown[]) => kept.statement(logged(sql)).raw(false).all(...params) as Row[],
        };
        kept.statement('BEGIN').run();
        try {
          const result = write(statementsOf);
          kept.statement(logged('COMMIT')).run();
          return result;
        } catch (error) {
          if (kept.connection.inTransaction) kept.statement('ROLLBACK').run();
          throw error;
        }
      },
    };
  });
}

/** The SQLite connection behind this Prisma client, when a write may go to it directly now. */
export function directSqlite(client: object): DirectSqlite | undefined {
  return directByClient.get(client)?.();
}

/** How the adapter stores a DateTime (iso8601, the adapter's default). */
export const sqliteDate = (date: Date) => date.toISOString().replace('Z', '+00:00');

/** better-sqlite3's error for a unique index the write would break. */
export const isSqliteUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
