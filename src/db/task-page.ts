// A page of a tenant's tasks (the columns asked for, never the scene) in one statement of our own,
// for the list every client polls: Prisma's runtime and the selection mapping of a page cost more
// than the rest of the request. Same keyset as keyset.ts, same indexes; a statement's text depends
// only on the columns and the filter's shape, so each is prepared once per connection. Undefined
// where there is no direct path (a SQLite connection inside a Prisma transaction): then the
// caller reads through Prisma.
import type { Db, DbProvider } from './client.js';
import type { KeysetPosition } from './keyset.js';
import { directPostgres } from './postgres-direct.js';
import { directSqlite, sqliteDate } from './sqlite-direct.js';
import { asPrismaReadsTask, type TaskSummary } from './tasks.js';

/** Every column of TaskSummary but those only the submission path reads. */
export const TASK_PAGE_COLUMNS = [
  'id', 'ownerId', 'videoName', 'thumbnailUrl', 'status', 'platformTaskId', 'platformCode', 'platformMessage', 'progress', 'resultUrl',
  'durationSeconds', 'completedAt', 'failureReason', 'abandonAfter', 'presetId', 'presetVersion', 'idempotencyKey', 'createdAt', 'updatedAt', 'expiresAt',
] as const;
export type TaskPageColumn = (typeof TASK_PAGE_COLUMNS)[number];
export type TaskPageRow = Pick<TaskSummary, TaskPageColumn>;

export interface TaskPageFilter {
  ownerId: string;
  statuses?: readonly string[] | undefined;
  /** Null: a preset id that names no preset (nothing matches). */
  presetId?: string | null | undefined;
  createdAtOrAfter?: Date | undefined;
  createdBefore?: Date | undefined;
}

export interface TaskPageQuery {
  filter: TaskPageFilter;
  after?: KeysetPosition | undefined;
  before?: KeysetPosition | undefined;
  /** Oldest first (a page read backwards, for `last`). */
  inverted: boolean;
  take: number;
  /** The columns to read besides `id` and `createdAt` (the keyset); a row has only these. */
  columns: ReadonlySet<TaskPageColumn>;
}

/** The statement for this query's shape, with its parameters in order. */
function statement(provider: DbProvider, { filter, after, before, inverted, take, columns }: TaskPageQuery): [string, unknown[]] {
  const read = TASK_PAGE_COLUMNS.filter((column) => column === 'id' || column === 'createdAt' || columns.has(column));
  const params: unknown[] = [];
  const param = (value: unknown) => (params.push(value instanceof Date && provider === 'sqlite' ? sqliteDate(value) : value), provider === 'sqlite' ? '?' : `$${params.length}`);
  const where = [`"ownerId" = ${param(filter.ownerId)}`];
  if (filter.statuses?.length) {
    where.push(provider === 'sqlite' ? `"status" IN (SELECT value FROM json_each(${param(JSON.stringify(filter.statuses))}))` : `"status" = ANY(${param(filter.statuses)}::"TaskStatus"[])`);
  }
  if (filter.presetId === null) where.push('FALSE');
  else if (filter.presetId !== undefined) where.push(`"presetId" = ${param(filter.presetId)}`);
  if (filter.createdAtOrAfter) where.push(`"createdAt" >= ${param(filter.createdAtOrAfter)}`);
  if (filter.createdBefore) where.push(`"createdAt" < ${param(filter.createdBefore)}`);
  // As keyset.ts: the first term lets the index seek to the position.
  for (const [position, op] of [[after, '<'], [before, '>']] as const) {
    if (!position) continue;
    const at = param(position.createdAt);
    where.push(`"createdAt" ${op}= ${at} AND ("createdAt" ${op} ${provider === 'sqlite' ? param(position.createdAt) : at} OR "id" ${op} ${param(position.id)})`);
  }
  const direction = inverted ? 'ASC' : 'DESC';
  const sql = `SELECT ${read.map((column) => `"${column}"`).join(', ')} FROM "Task" WHERE ${where.join(' AND ')} ORDER BY "createdAt" ${direction}, "id" ${direction} LIMIT ${param(take)}`;
  return [sql, params];
}

const taskOf = (row: Record<string, unknown>) => asPrismaReadsTask<TaskPageRow>(row);

/** The page (rows with the columns asked for only), or undefined when this client has no direct read path now. */
export function readTaskPage(db: Db, provider: DbProvider, query: TaskPageQuery): Promise<TaskPageRow[]> | undefined {
  const sqlite = provider === 'sqlite' ? directSqlite(db) : undefined;
  const postgres = provider === 'postgresql' ? directPostgres(db) : undefined;
  if (!sqlite && !postgres) return undefined;
  const [sql, params] = statement(provider, query);
  return sqlite ? Promise.resolve(sqlite.all<Record<string, unknown>>(sql, ...params).map(taskOf)) : postgres!.all<Record<string, unknown>>(sql, params).then((rows) => rows.map(taskOf));
}
