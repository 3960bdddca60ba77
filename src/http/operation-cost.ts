// Refuses operations whose estimated cost is over the limit, before anything is resolved. Computed
// at execution with the request's variables (`tasks(first: $n)` costs what $n asks for), by
// graphql-query-complexity with our estimator: each field costs 1 plus its children, fields that
// do real work per object cost more, and a page multiplies its contents by the number of items it
// may hold. graphql-armor's cost limit cannot weigh fields nor read variables, so it is not used.
import type { GraphQLField } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Fields computed per object (previews drawn, params decoded, warnings checked, links signed). */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  previewSvg: 20,
  warnings: 10,
  params: 5,
  paramString: 5,
  previewUrl: 2,
};

/** Pothos' connection defaults: 20 items without `first`/`last`, never more than 100. */
export const PAGE_SIZE = { default: 20, max: 100 };

/** Lists without paging arguments, by `Type.field`: how many items to expect. */
const UNPAGED_LISTS: Readonly<Record<string, number>> = { 'Preset.versions': 20 };

/** How much one field's contents are multiplied by. */
function multiplier(parent: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
    const asked = [args.first, args.last].find((value): value is number => typeof value === 'number');
    return Math.min(Math.max(asked ?? PAGE_SIZE.default, 0), PAGE_SIZE.max);
  }
  if (field.name === 'nodes' && Array.isArray(args.ids)) return args.ids.length;
  return UNPAGED_LISTS[`${parent}.${field.name}`] ?? 1;
}

export function estimateField({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  return (FIELD_WEIGHTS[field.name] ?? 1) + childComplexity * multiplier(type.name, field, args);
}

/** Fields (and fragments) looked at before giving up: bounds the estimate's own cost. */
const MAX_NODES = 10_000;

export function useOperationCost(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = getComplexity({
          schema: args.schema,
          query: args.document,
          variables: args.variableValues ?? {},
          operationName: args.operationName ?? undefined,
          estimators: [estimateField],
          maxQueryNodes: MAX_NODES,
        });
      } catch (error) {
        // Variables that do not fit the operation: execution refuses them with a precise message.
        if (!(error instanceof Error) || !/maximum allowed number of nodes/.test(error.message)) return;
        cost = Infinity;
      }
      if (cost > maxCost) {
        const found = Number.isFinite(cost) ? `${cost}` : `more than ${MAX_NODES} fields`;
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`The operation's estimated cost (${found}) is over the limit of ${maxCost}: ask for fewer items, or fewer previews, params or warnings per request.`, {
              extensions: { code: 'COST_LIMIT_EXCEEDED', cost: Number.isFinite(cost) ? cost : null, maxCost },
            }),
          ],
        });
      }
    },
  };
}
