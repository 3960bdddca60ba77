import { z } from 'zod';
import { LIMITS } from './limits.js';
import { markTextRule } from './rule-text.js';

// The one rule for every text input (scene fields, preset fields, video names, URLs, variables,
// searches, tags, ids): no control characters (C0, DEL, C1) and no lone UTF-16 surrogates. NUL
// breaks PostgreSQL text, the rest are invisible or break other systems downstream. Long free
// text (`multiline`: the TTS script, a preset description, variable values) may also hold tab,
// line feed and carriage return.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;

export interface TextRule {
  /** Tab, line feed and carriage return are allowed. */
  multiline?: boolean;
}

/** Why `value` breaks the text rule, or undefined when it does not. */
export function textProblem(value: string, { multiline = false }: TextRule = {}): string | undefined {
  if ((multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value)) {
    return multiline
      ? 'must not contain control characters (tab, line feed and carriage return are allowed)'
      : 'must not contain control characters (such as NUL, tab or line breaks)';
  }
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired UTF-16 surrogates';
  return undefined;
}

/**
 * A text input of at most `max` characters that obeys the text rule. The bound is checked first
 * (a huge value costs no scan), and a value that breaks either gets that one issue, not a
 * follow-up from the field's own rules.
 */
export function textSchema(max: number, rule: TextRule = {}) {
  const schema = z
    .string()
    .max(max, { abort: true })
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
    });
  return markTextRule(
    schema,
    rule.multiline
      ? 'No control characters except tab and line breaks; no unpaired surrogates.'
      : 'No control characters (NUL, tab, line breaks...); no unpaired surrogates.',
  );
}

const coordinate = z.number().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);

export const positionSchema = z.object({
  x: coordinate.default(0),
  y: coordinate.default(0),
});

export const rectSchema = z.object({
  x: coordinate.int(),
  y: coordinate.int(),
  width: z.number().int().positive().max(LIMITS.maxCoordinate),
  height: z.number().int().positive().max(LIMITS.maxCoordinate),
});

export const resolutionSchema = z.object({
  width: z.number().int().min(LIMITS.minCanvasSide).max(LIMITS.maxCanvasSide),
  height: z.number().int().min(LIMITS.minCanvasSide).max(LIMITS.maxCanvasSide),
});

export const rgbaSchema = z
  .array(z.number().int().min(0, 'colour components are 0..255').max(255, 'colour components are 0..255'))
  .length(4, 'a colour has exactly 4 components: [red, green, blue, alpha], each 0..255');

export const opacitySchema = z.number().min(0).max(1);
export const zPositionSchema = z.number().int().min(-LIMITS.maxZPosition).max(LIMITS.maxZPosition);
export const rotationSchema = z.number().min(-360).max(360);
export const scaleSchema = z.number().positive().max(LIMITS.maxScale);

export const httpUrlSchema = textSchema(LIMITS.maxUrlLength).regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL');

export const fileIdSchema = textSchema(LIMITS.maxFileIdLength)
  .trim()
  .min(1, 'a fileId is required: the platform references avatars and layers by fileId only');

/** The platform accepts only `fileId` for the avatar and layers; `url` must stay empty. */
export const emptyUrlSchema = z
  .string()
  .max(0, 'must be empty: the platform references this by fileId only, not by url')
  .default('');

export const nameSchema = textSchema(LIMITS.maxNameLength).default('');

/** A video name: 1..255 characters after trimming, the text rule, no line breaks. */
export const videoNameSchema = textSchema(LIMITS.maxNameLength).trim().min(1, 'a video name is required');

/** An object id as a client sends it (a global id): bounded and clean before anyone decodes it. */
export const MAX_ID_LENGTH = 200;
export const idSchema = textSchema(MAX_ID_LENGTH);

/** A search string: part of a name, matched literally (no wildcards). */
export const searchSchema = textSchema(LIMITS.maxNameLength);
