// Global ids (`base64("Task:<uuid>")`) in, database ids out. A string that is not a well-formed
// id of the expected type answers exactly like an id nobody has: null from lookups, NotFoundError
// from mutations, "no preset with this id" in a preset reference. (A string that breaks the text
// rule or is too long is refused before it gets here, as every text input is.)
import { decodeGlobalID } from '@pothos/plugin-relay';
import { MAX_ID_LENGTH } from '../takeover/primitives.js';

export type NodeTypename = 'Task' | 'Preset' | 'WebhookEndpoint';
const NODE_TYPENAMES: readonly string[] = ['Task', 'Preset', 'WebhookEndpoint'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The type and database id a global id names, or undefined when it names none of ours. */
export function decodeNodeId(globalId: string): { typename: NodeTypename; id: string } | undefined {
  if (globalId.length > MAX_ID_LENGTH) return undefined;
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if (NODE_TYPENAMES.includes(typename) && UUID.test(id)) return { typename: typename as NodeTypename, id };
  } catch {
    // not a global id at all
  }
  return undefined;
}

/** The database id inside a global id of `typename`, or undefined. */
export function databaseId(globalId: string, typename: NodeTypename): string | undefined {
  const decoded = decodeNodeId(globalId);
  return decoded?.typename === typename ? decoded.id : undefined;
}

/** How every id argument answers a malformed id; quoted in their descriptions. */
export const MALFORMED_ID_RULE =
  'A malformed id (not a global id, or of another type) answers exactly as an id no object of yours has: null from lookups, NotFoundError from mutations, a ValidationError issue in a preset reference. Only an id that breaks the text rule or is longer than 200 characters is refused as bad input.';

export const presetDbId = (globalId: string) => databaseId(globalId, 'Preset');
