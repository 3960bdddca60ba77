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
import { PAGE_ARG_DESCRIPTIONS } from './list-args.js';

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
    hasNextPageFieldOptions: { description: 'Whether more items follow the last one of this page (ask with `after: endCursor`).' },
    hasPreviousPageFieldOptions: { description: 'Whether more items come before the first one of this page (ask with `before: startCursor`).' },
    startCursorFieldOptions: { description: "The first item's cursor; null when the page is empty." },
    endCursorFieldOptions: { description: "The last item's cursor; null when the page is empty." },
    pageInfoFieldOptions: { description: 'Where this page sits in the list.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    cursorFieldOptions: { description: 'Opaque position of this item: pass it as `after` or `before`. Valid only for your own requests to the same list.' },
    nodeFieldOptions: { description: 'The item.' },
    idFieldOptions: { description: 'Global id: opaque, stable, fetchable with `node(id:)`.' },
    firstArgOptions: { description: PAGE_ARG_DESCRIPTIONS.first },
    lastArgOptions: { description: PAGE_ARG_DESCRIPTIONS.last },
    afterArgOptions: { description: PAGE_ARG_DESCRIPTIONS.after },
    beforeArgOptions: { description: PAGE_ARG_DESCRIPTIONS.before },
  },
});

builder.queryType({ description: 'Reads: your tasks and presets, and free dry runs of a submission.' });
builder.mutationType({ description: 'Writes: submit a video, manage presets. Expected failures are members of each result union.' });
builder.subscriptionType({ description: 'Live updates, over server-sent events (see README: Subscriptions).' });
