// Refuses operations whose estimated cost is over the limit, before anything is resolved. Computed
// at execution with the request's variables (`tasks(first: $n)` costs what $n asks for), by
// graphql-query-complexity with our estimator: each field costs 1 plus its children, fields that
// do real work per object cost more, and a page multiplies its contents by the number of items it
// may hold. graphql-armor's cost limit cannot weigh fields nor read variables, so it is not used.
import stableStringify from 'fast-json-stable-stringify';
import { getNamedType, isInputObjectType, Kind, typeFromAST, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
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

/** The estimate, or undefined when the variables do not fit the operation (execution says why). */
function estimate(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number | undefined {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [estimateField], maxQueryNodes: MAX_NODES });
  } catch (error) {
    return error instanceof Error && /maximum allowed number of nodes/.test(error.message) ? Infinity : undefined;
  }
}

/**
 * Estimates are remembered per parsed document (yoga's parse cache hands out the same one for the
 * same text), by the values of the variables that can change them. An input object (a scene, a
 * filter) cannot: only the scalar arguments `first`, `last`, `ids` and `if` weigh, so the values of
 * variables of input object types are left out of the key (a scene is kilobytes of JSON).
 */
const remembered = new WeakMap<DocumentNode, { byVariables: Map<string, number | undefined>; weightless: Set<string> }>();
const MAX_REMEMBERED_PER_DOCUMENT = 32;

/** The document's variables of input object types (or lists of them). */
function weightlessVariables(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as Parameters<typeof typeFromAST>[1]);
      if (type && isInputObjectType(getNamedType(type))) names.add(variable.variable.name.value);
    }
  }
  return names;
}

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number | undefined {
  let memory = remembered.get(document);
  if (!memory) remembered.set(document, (memory = { byVariables: new Map(), weightless: weightlessVariables(schema, document) }));
  const { byVariables, weightless } = memory;
  const weighing = weightless.size ? Object.fromEntries(Object.entries(variables).filter(([name]) => !weightless.has(name))) : variables;
  const key = `${operationName ?? ''}\u0000${stableStringify(weighing)}`;
  if (byVariables.has(key)) return byVariables.get(key);
  const found = estimate(schema, document, operationName, variables);
  if (byVariables.size >= MAX_REMEMBERED_PER_DOCUMENT) byVariables.clear();
  byVariables.set(key, found);
  return found;
}

/** The refusal for an operation over the limit, or undefined when it may run. */
function refusal(maxCost: number, args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null | undefined; variableValues?: Record<string, unknown> | null | undefined }) {
  const found = costOf(args.schema, args.document, args.operationName ?? undefined, args.variableValues ?? {});
  if (found === undefined || found <= maxCost) return undefined;
  const shown = Number.isFinite(found) ? `${found}` : `more than ${MAX_NODES} fields`;
  return {
    errors: [
      createGraphQLError(`The operation's estimated cost (${shown}) is over the limit of ${maxCost}: ask for fewer items, or fewer previews, params or warnings per request.`, {
        extensions: { code: 'COST_LIMIT_EXCEEDED', cost: Number.isFinite(found) ? found : null, maxCost },
      }),
    ],
  };
}

/** Queries and mutations before they run; subscriptions before they start (the cost of each message). */
export function useOperationCost(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(maxCost, args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusal(maxCost, args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
