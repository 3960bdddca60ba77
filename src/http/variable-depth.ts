// Refuses a request whose variables (or extensions) nest deeper than a bound, before anything
// walks them: the response cache's key, graphql-js's coercion and the log serialiser all recurse,
// and a 100,000-deep variable overflowed the stack. The check itself is iterative.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Deep enough for every input of this schema (the deepest nests 6 levels, counting the variables object), far short of any stack. */
export const MAX_VARIABLE_DEPTH = 20;

/** Whether `value` nests objects or arrays more than `max` levels deep. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export function useVariableDepthLimit(max = MAX_VARIABLE_DEPTH): Plugin {
  return {
    onParams({ params }) {
      for (const part of ['variables', 'extensions'] as const) {
        if (deeperThan(params[part], max)) {
          throw createGraphQLError(`The request's ${part} nest deeper than ${max} levels.`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      }
    },
  };
}
