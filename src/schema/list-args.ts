import { z } from 'zod';
import { textSchema } from '../takeover/primitives.js';
import { MAX_CURSOR_LENGTH } from './list-cursor.js';

/** The Relay arguments every list has; each list extends it with its own filters. */
export const connectionArgsSchema = z.looseObject({
  after: textSchema(MAX_CURSOR_LENGTH).nullish(),
  before: textSchema(MAX_CURSOR_LENGTH).nullish(),
});
