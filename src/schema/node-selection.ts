// Which fields a connection's query asks of its nodes, to tell whether a page can be read by a
// list's own statement (every field answered from the columns it reads) or needs Prisma's
// selection (relations, the scene).
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields asked under `edges { node { … } }` (through fragments), or undefined
 * when the query asks in a way this does not follow (directives, nested fragments of other types).
 */
export function nodeFieldNames(info: GraphQLResolveInfo, nodeType: string): Set<string> | undefined {
  const names = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, under: readonly string[]): boolean => {
    if (!set) return true;
    for (const selection of set.selections) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (under.length === 0) names.add(name);
        else if (name === under[0] && !collect(selection.selectionSet, under.slice(1))) return false;
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      if (!fragment) return false;
      const on = fragment.typeCondition?.name.value;
      if (on !== undefined && on !== nodeType && under.length === 0) return false;
      if (!collect(fragment.selectionSet, under)) return false;
    }
    return true;
  };
  for (const node of info.fieldNodes) {
    if (!collect(node.selectionSet, ['edges', 'node'])) return undefined;
  }
  return names;
}
