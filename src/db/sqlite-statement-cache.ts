// The better-sqlite3 driver adapter prepares every statement again on every query (a tenth of a
// submission's CPU). Prisma sends the same few SQL texts over and over, so this keeps the prepared
// statements of the adapter's connection, by text, and gives the adapter what it uses of a
// statement (bind once, then run / columns / raw().all(); `BEGIN` runs unbound) on top of the kept one. Unlike a
// statement of its own, a kept statement is bound anew on every run: better-sqlite3 allows
// `bind()` only once per statement object.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { LRUCache } from 'lru-cache';

/** Statements kept per connection; Prisma's texts for one schema are a few hundred at most. */
const KEPT_STATEMENTS = 500;

type Params = unknown[];

/** What the adapter calls on the result of `prepare(sql).bind(args)`. */
function bound(statement: BetterSqlite3.Statement, params: Params) {
  return {
    reader: statement.reader,
    run: () => statement.run(...params),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...params) }),
  };
}

/** Makes `connection.prepare` return kept statements; the connection is the adapter's own. */
export function keepPreparedStatements(connection: BetterSqlite3.Database): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new LRUCache<string, BetterSqlite3.Statement>({ max: KEPT_STATEMENTS });
  (connection as { prepare: unknown }).prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (!statement) kept.set(sql, (statement = prepare(sql)));
    return { ...bound(statement, []), bind: (params: Params) => bound(statement, params) };
  };
}

/** The adapter factory, with every connection it opens keeping its prepared statements. */
export function withKeptStatements(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      // The adapter's connection is a public field of PrismaBetterSqlite3Adapter.
      keepPreparedStatements((adapter as unknown as { client: BetterSqlite3.Database }).client);
      return adapter;
    },
  };
}
