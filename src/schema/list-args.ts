import { z } from 'zod';
import { textSchema } from '../takeover/primitives.js';
import { ruleText } from '../takeover/rule-text.js';
import { MAX_CURSOR_LENGTH } from './list-cursor.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// A page size above the cap is refused (BAD_USER_INPUT), not silently cut to it.
const pageSize = z.number().int().min(0).max(MAX_PAGE_SIZE);
const cursor = textSchema(MAX_CURSOR_LENGTH);

/** The Relay arguments every list has; each list extends it with its own filters. */
export const connectionArgsSchema = z.looseObject({
  first: pageSize.nullish(),
  last: pageSize.nullish(),
  after: cursor.nullish(),
  before: cursor.nullish(),
});

const refused = 'A larger number is refused with a BAD_USER_INPUT error, not cut down.';

export const PAGE_ARG_DESCRIPTIONS = {
  first: `The first this many items (after \`after\`, when given). ${ruleText(pageSize)} Default ${DEFAULT_PAGE_SIZE} when neither first nor last is given. ${refused}`,
  last: `The last this many items (before \`before\`, when given). ${ruleText(pageSize)} ${refused}`,
  after: `Start after the item with this cursor (an \`endCursor\` or edge \`cursor\` of the same list). ${ruleText(cursor)} A cursor of another list or another API key is refused with BAD_USER_INPUT.`,
  before: `End before the item with this cursor (a \`startCursor\` or edge \`cursor\` of the same list). ${ruleText(cursor)} A cursor of another list or another API key is refused with BAD_USER_INPUT.`,
};
