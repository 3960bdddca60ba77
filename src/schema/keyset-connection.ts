// Relay connections over a tenant's tasks, presets, webhook endpoints or deliveries with keyset pagination: one indexed query per
// page (plus `totalCount` when asked for), `first/after/last/before`, opaque cursors bound to the
// tenant and the list (src/schema/list-cursor.ts). plugin-prisma's prismaConnection is not used:
// its cursor is a row id that prisma looks up with no regard to the where clause, so another
// tenant's cursor positioned the page at that tenant's row.
import { queryFromInfo } from '@pothos/plugin-prisma';
import { resolveCursorConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { NEWEST_FIRST, newerThan, OLDEST_FIRST, olderThan, type KeysetPosition } from '../db/keyset.js';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Context } from './context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list-args.js';
import { decodeCursor, encodeCursor, tenantTag, type ListName } from './list-cursor.js';


interface PageQuery {
  select?: object;
  include?: object;
  where: object;
  orderBy: typeof NEWEST_FIRST | typeof OLDEST_FIRST;
  take: number;
}

interface KeysetList {
  typeName: 'Task' | 'Preset' | 'WebhookEndpoint' | 'WebhookDelivery';
  findMany(db: Db, query: PageQuery): Promise<KeysetPosition[]>;
  count(db: Db, where: object): Promise<number>;
}

const LISTS: Record<ListName, KeysetList> = {
  tasks: {
    typeName: 'Task',
    findMany: (db, query) => db.task.findMany(query as Prisma.TaskFindManyArgs),
    count: (db, where) => db.task.count({ where }),
  },
  presets: {
    typeName: 'Preset',
    findMany: (db, query) => db.preset.findMany(query as Prisma.PresetFindManyArgs),
    count: (db, where) => db.preset.count({ where }),
  },
  webhookEndpoints: {
    typeName: 'WebhookEndpoint',
    findMany: (db, query) => db.webhookEndpoint.findMany(query as Prisma.WebhookEndpointFindManyArgs),
    count: (db, where) => db.webhookEndpoint.count({ where }),
  },
  webhookDeliveries: {
    typeName: 'WebhookDelivery',
    findMany: (db, query) => db.webhookDelivery.findMany(query as Prisma.WebhookDeliveryFindManyArgs),
    count: (db, where) => db.webhookDelivery.count({ where }),
  },
};

/** Whether the query asks for nothing but `totalCount` (and `__typename`): then no page is read. */
function onlyTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) =>
    node.selectionSet?.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === 'totalCount' || s.name.value === '__typename')),
  );
}

/** Where a page is asked to start and end, and in which direction it is read. */
export interface PageBounds {
  after?: KeysetPosition | undefined;
  before?: KeysetPosition | undefined;
  inverted: boolean;
  limit: number;
}

/**
 * A page of `list`; `where` is the caller's filter and must hold the caller's owner id. `Node`:
 * the row as the list's object type loads it (its default selection, at least). `readPage`: a
 * faster read of the same page, when the list has one for this query (undefined: read through Prisma).
 */
export async function resolveKeysetConnection<Node extends KeysetPosition = KeysetPosition>(
  list: ListName,
  where: { ownerId: string },
  args: DefaultConnectionArguments,
  ctx: Context,
  info: GraphQLResolveInfo,
  readPage?: (bounds: PageBounds) => Promise<Node[]> | undefined,
) {
  const { typeName, findMany, count } = LISTS[list];
  const tag = tenantTag(ctx.ownerId);
  const after = args.after != null ? decodeCursor(list, tag, args.after, 'after') : undefined;
  const before = args.before != null ? decodeCursor(list, tag, args.before, 'before') : undefined;
  const skipPage = onlyTotalCount(info);
  const prismaSelection = () => queryFromInfo({ context: ctx, info, typeName, select: { createdAt: true, id: true }, paths: [['edges', 'node']] });
  const connection = await resolveCursorConnection(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, toCursor: (row) => encodeCursor(list, tag, row as KeysetPosition) },
    ({ limit, inverted }): Promise<KeysetPosition[]> | KeysetPosition[] =>
      skipPage
        ? []
        : readPage?.({ after, before, inverted, limit }) ??
          findMany(ctx.db, {
            ...prismaSelection(),
            where: { AND: [where, ...(after ? [olderThan(after)] : []), ...(before ? [newerThan(before)] : [])] },
            orderBy: inverted ? OLDEST_FIRST : NEWEST_FIRST,
            take: limit,
          }),
  );
  const { edges, pageInfo } = connection!;
  return {
    edges: edges as { cursor: string; node: Node }[],
    pageInfo: { ...pageInfo, ...(edges.length === 0 && { startCursor: null, endCursor: null }) },
    totalCount: () => count(ctx.db, where),
  };
}
