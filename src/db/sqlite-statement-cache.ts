// The better-sqlite3 driver adapter prepares every statement again on every query (a tenth of a
// submission's CPU). Prisma sends the same few SQL texts over and over, so this keeps the prepared
// statements of the adapter's connection, by text, and gives the adapter what it uses of a
// statement (bind once, then run / columns / raw().all(); `BEGIN` runs unbound) on top of the kept
// one. Unlike a statement of its own, a kept statement is bound anew on every run: better-sqlite3
// allows `bind()` only once per statement object. The same kept statements serve the writes that
// skip Prisma (sqlite-direct.ts).
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { LRUCache } from 'lru-cache';

/** Statements kept per connection; Prisma's texts for one schema are a few hundred at most. */
const KEPT_STATEMENTS = 500;

type Params = unknown[];

/** The adapter's connection with its kept statements. */
export class KeptStatements {
  private readonly kept = new LRUCache<string, { statement: BetterSqlite3.Statement; columns?: BetterSqlite3.ColumnDefinition[] }>({ max: KEPT_STATEMENTS });
  private readonly prepareNew: (sql: string) => BetterSqlite3.Statement;

  constructor(readonly connection: BetterSqlite3.Database) {
    this.prepareNew = connection.prepare.bind(connection);
    (connection as { prepare: unknown }).prepare = (sql: string) => {
      const entry = this.entry(sql);
      return { ...this.bound(entry, []), bind: (params: Params) => this.bound(entry, params) };
    };
  }

  statement(sql: string): BetterSqlite3.Statement {
    return this.entry(sql).statement;
  }

  private entry(sql: string) {
    let entry = this.kept.get(sql);
    if (!entry) this.kept.set(sql, (entry = { statement: this.prepareNew(sql) }));
    return entry;
  }

  /** What the adapter calls on the result of `prepare(sql).bind(args)`; a statement's columns never change. */
  private bound(entry: { statement: BetterSqlite3.Statement; columns?: BetterSqlite3.ColumnDefinition[] }, params: Params) {
    const { statement } = entry;
    return {
      reader: statement.reader,
      run: () => statement.run(...params),
      columns: () => (entry.columns ??= statement.columns()),
      raw: () => ({ all: () => statement.raw(true).all(...params) }),
    };
  }
}

/**
 * The adapter factory, with every connection it opens keeping its prepared statements; `opened`
 * hears of each connection.
 */
export function withKeptStatements(factory: SqlDriverAdapterFactory, opened?: (statements: KeptStatements) => void): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      // The adapter's connection is a public field of PrismaBetterSqlite3Adapter.
      const statements = new KeptStatements((adapter as unknown as { client: BetterSqlite3.Database }).client);
      opened?.(statements);
      return adapter;
    },
  };
}
