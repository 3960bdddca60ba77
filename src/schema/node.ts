// `node(id:)` and `nodes(ids:)`, in place of plugin-relay's: an id that is unknown, malformed or
// another tenant's answers null, with no error and no log line (the plugin's loader threw on a
// missing row, which surfaced as "Unexpected error." and an error log line with a stack).
import { brandWithType } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { idSchema } from '../takeover/primitives.js';
import { ruleText } from '../takeover/rule-text.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { decodeNodeId, MALFORMED_ID_RULE, type NodeTypename } from './global-id.js';
import { Preset } from './preset.js';
import { Task } from './task.js';
import { WebhookEndpoint } from './webhooks.js';

const REFS = { Task, Preset, WebhookEndpoint } as const;

function findRows(ctx: Context, typename: NodeTypename, query: object): Promise<{ id: string }[]> {
  switch (typename) {
    case 'Task':
      return ctx.db.task.findMany(query);
    case 'Preset':
      return ctx.db.preset.findMany(query);
    case 'WebhookEndpoint':
      return ctx.db.webhookEndpoint.findMany(query);
  }
}

/** The rows the ids name, in their order; null where an id names nothing of this tenant's. */
async function loadNodes(ctx: Context, info: GraphQLResolveInfo, globalIds: readonly string[]): Promise<(object | null)[]> {
  const decoded = globalIds.map(decodeNodeId);
  const found = new Map<string, object>();
  const load = async (typename: NodeTypename) => {
    const ids = [...new Set(decoded.filter((d) => d?.typename === typename).map((d) => d!.id))];
    if (!ids.length) return;
    const query = { ...queryFromInfo({ context: ctx, info, typeName: typename }), where: { id: { in: ids }, ownerId: ctx.ownerId } };
    const rows = await findRows(ctx, typename, query);
    for (const row of rows) {
      brandWithType(row, REFS[typename]);
      found.set(`${typename}:${row.id}`, row);
    }
  };
  await Promise.all([load('Task'), load('Preset'), load('WebhookEndpoint')]);
  return decoded.map((d) => (d && found.get(`${d.typename}:${d.id}`)) ?? null);
}

export const MAX_NODES = 100;
export const nodeIdsSchema = z.array(idSchema).max(MAX_NODES);

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'One of your tasks, presets or webhook endpoints by its global id; null when no object of yours has this id.',
    args: { id: t.arg.id({ required: true, description: `A global id of a task, preset or webhook endpoint. ${ruleText(idSchema)} ${MALFORMED_ID_RULE}` }) },
    validate: { schema: z.object({ id: idSchema }) },
    resolve: async (_root, { id }, ctx, info) => (await loadNodes(ctx, info, [String(id)]))[0],
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Your tasks, presets and webhook endpoints by global id, in the order asked (at most ${MAX_NODES}); null for each id no object of yours has.`,
    args: { ids: t.arg.idList({ required: true, description: `Global ids of tasks, presets or webhook endpoints. ${ruleText(nodeIdsSchema)} ${MALFORMED_ID_RULE}` }) },
    validate: { schema: z.object({ ids: nodeIdsSchema }) },
    resolve: (_root, { ids }, ctx, info) => loadNodes(ctx, info, ids.map(String)),
  }),
}));
