import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ZodPlugin from '@pothos/plugin-zod';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import { issuesFromZod } from '../takeover/validation-issue.js';
import type { Context } from './context.js';
import { validationFailure } from './input-error.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [ErrorsPlugin, ZodPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: {
    defaultTypes: [],
    // Argument validation runs before the resolver; report its failures as typed payloads too.
    unsafelyHandleInputErrors: true,
  },
  zod: {
    validationError: (error, _args, _ctx, info) => validationFailure(issuesFromZod(error), info),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global id, fetchable with `node(id:)`.' },
    // Our own `node` and `nodes` (src/schema/node.ts): unknown, malformed and not-yours ids are null.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: 'Where a page sits in a connection.' },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({ description: 'Live updates, over server-sent events (see README: Subscriptions).' });
