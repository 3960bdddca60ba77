// Reads on PostgreSQL without Prisma's runtime, for a hot path that needs it: on the adapter's own
// pool, as named statements (prepared once per connection). Timestamps come back as Prisma reads
// them: `timestamp(3)` columns hold UTC without a zone, which node-postgres would read as local time.
import { createHash } from 'node:crypto';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type pg from 'pg';

export interface DirectPostgres {
  /** Every row of a read (`$1` placeholders), columns by name. */
  all<Row>(sql: string, params: unknown[]): Promise<Row[]>;
}

const TIMESTAMP_WITHOUT_ZONE = 1114;
/** Texts given a name (prepared once per connection); any beyond are sent unnamed, as Prisma's are. */
const NAMED_STATEMENTS = 500;
const byClient = new WeakMap<object, () => DirectPostgres | undefined>();

/** The adapter factory; `opened` hears of the pool of each adapter it connects. */
export function withPostgresPool(factory: SqlDriverAdapterFactory, opened: (pool: pg.Pool) => void): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened((adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver());
      return adapter;
    },
  };
}

/** Called by openDatabase for a PostgreSQL client, once the adapter has its pool. */
export function registerDirectPostgres(client: object, pool: () => pg.Pool | undefined, types: typeof pg.types, onQuery?: (sql: string) => void): void {
  const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
  const parsers = { getTypeParser: (oid: number, format?: string) => (oid === TIMESTAMP_WITHOUT_ZONE ? utc : types.getTypeParser(oid, format as 'text')) };
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (name === undefined && names.size < NAMED_STATEMENTS) names.set(sql, (name = `direct_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
    return name;
  };
  // Made once, when the pool is there: it is asked for on every request.
  let direct: DirectPostgres | undefined;
  byClient.set(client, () => {
    const connected = pool();
    if (!connected) return undefined;
    return (direct ??= {
      async all<Row>(sql: string, params: unknown[]) {
        onQuery?.(sql);
        const name = nameOf(sql);
        const result = await connected.query({ ...(name && { name }), text: sql, values: params, types: parsers as pg.CustomTypesConfig });
        return result.rows as Row[];
      },
    });
  });
}

/** The direct read path of this Prisma client, when it is on PostgreSQL and connected. */
export function directPostgres(client: object): DirectPostgres | undefined {
  return byClient.get(client)?.();
}
