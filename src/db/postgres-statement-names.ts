// adapter-pg sends every query as an unnamed statement, which PostgreSQL parses and plans anew
// each time (three times PostGraphile's database CPU for a page of tasks). A name per SQL text
// makes node-postgres prepare it once per connection and then only bind and execute it.
// Prisma writes a list's `in` with one placeholder per value, so the texts are not a fixed set:
// only the first few hundred distinct texts get names, the rest stay unnamed as before.
import { createHash } from 'node:crypto';
import type { SqlQuery } from '@prisma/driver-adapter-utils';

const NAMED_STATEMENTS = 500;

export function statementNames(): (query: SqlQuery) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < NAMED_STATEMENTS) {
      names.set(sql, (name = `prisma_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
    }
    return name;
  };
}
