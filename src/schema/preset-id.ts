import { decodeGlobalID } from '@pothos/plugin-relay';
import { TakeoverValidationError } from '../takeover/validation-issue.js';

/** The database id inside a Preset global id, or a validation error at `path`. */
export function decodePresetId(id: string, path: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === 'Preset') return decoded.id;
  } catch {
    // not a global id at all: reported below
  }
  throw new TakeoverValidationError([{ path, message: 'not a preset id' }]);
}

/** A preset reference from GraphQL with its global id replaced by the database id. */
export function withPresetDbId<T extends { id: string }>(reference: T): T {
  return { ...reference, id: decodePresetId(reference.id, 'preset.id') };
}
