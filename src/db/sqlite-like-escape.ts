// Prisma writes `contains`, `startsWith` and `endsWith` as LIKE with no ESCAPE clause and does not
// escape the value. PostgreSQL's LIKE takes a backslash as its escape character by default;
// SQLite's LIKE has none at all, so "%" and "_" could not be searched for literally there. This
// wraps the SQLite driver adapter (through its public interface) so that every such LIKE gets
// `ESCAPE '\'`: both databases then read the same escaped pattern (see src/db/search.ts).
// test/search.test.ts fails if Prisma ever writes these LIKEs differently.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from '@prisma/driver-adapter-utils';

const PRISMA_LIKE = / LIKE (\((?:'%' \|\| )?\?(?: \|\| '%')?\))/g;

export const withLikeEscape = (sql: string) => (sql.includes(' LIKE (') ? sql.replace(PRISMA_LIKE, " LIKE $1 ESCAPE '\\'") : sql);

function escaping<T extends SqlQueryable>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: SqlQuery) => target[property]({ ...query, sql: withLikeEscape(query.sql) });
      }
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
          escaping(await (target as unknown as SqlDriverAdapter).startTransaction(...args));
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function withSqliteLikeEscape(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => escaping(await factory.connect()),
  };
}
