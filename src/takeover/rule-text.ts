// The documentation of a rule, read from the zod schema that enforces it: every range, length and
// format a GraphQL description quotes comes from here, so the text cannot drift from the check.
// (zod 4 keeps each check's definition on `schema._zod.def.checks`.)
import type { z } from 'zod';

interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
  error?: (issue?: unknown) => unknown;
}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  element?: Schema;
  defaultValue?: unknown;
}

type Schema = z.core.$ZodType | { _zod: { def: Def } };

const defOf = (schema: Schema) => (schema as { _zod: { def: Def } })._zod.def;

// The checks that textSchema (src/takeover/primitives.ts) adds for the text rule, by identity.
const TEXT_RULE_CHECKS = new WeakMap<object, string>();

/** Marks the last check of `schema` as the text rule, described as `text`. */
export function markTextRule<S extends z.ZodType>(schema: S, text: string): S {
  const last = defOf(schema).checks?.at(-1);
  if (last) TEXT_RULE_CHECKS.set(last, text);
  return schema;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'nonoptional', 'readonly', 'catch']);

/** The schema that holds the checks, under defaults, optionals and pipes (preprocess, transform). */
export function innermost(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = defOf(def.in!).type === 'transform' ? def.out! : def.in!;
    else return current;
  }
}

/** The default a field takes when left out, if it has one. */
export function defaultOf(schema: Schema): { value: unknown } | undefined {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'default' || def.type === 'prefault') return { value: def.defaultValue };
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else return undefined;
  }
}

const customMessage = (def: CheckDef) => {
  const message = def.error?.();
  return typeof message === 'string' ? message : undefined;
};

function numberRule(checks: CheckDef[]): string[] {
  const integer = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const low = checks.filter((c) => c.check === 'greater_than').at(-1);
  const high = checks.filter((c) => c.check === 'less_than').at(-1);
  const kind = integer ? 'An integer' : 'A number';
  if (low && high && low.inclusive && high.inclusive) return [`${kind} ${low.value}..${high.value}.`];
  const parts = [
    low && (low.inclusive ? `at least ${low.value}` : `greater than ${low.value}`),
    high && (high.inclusive ? `at most ${high.value}` : `less than ${high.value}`),
  ].filter(Boolean);
  if (!parts.length) return integer ? ['An integer.'] : [];
  return [`${kind}, ${parts.join(' and ')}.`];
}

/** "1 item", "2 items": `unit` is the plural. */
const counted = (n: unknown, unit: string) => `${String(n)} ${n === 1 ? unit.replace(/s$/, '') : unit}`;

function lengthRule(checks: CheckDef[], unit: string): string | undefined {
  const exact = checks.find((c) => c.check === 'length_equals');
  if (exact) return `Exactly ${counted(exact.length, unit)}.`;
  const min = checks.filter((c) => c.check === 'min_length').at(-1)?.minimum;
  const max = checks.filter((c) => c.check === 'max_length').at(-1)?.maximum;
  if (min !== undefined && max !== undefined) return `${min}..${max} ${unit}.`;
  if (max !== undefined) return `At most ${counted(max, unit)}.`;
  if (min !== undefined) return `At least ${counted(min, unit)}.`;
  return undefined;
}

function stringRule(checkInstances: object[], checks: CheckDef[]): string[] {
  const parts = [lengthRule(checks, 'characters')].filter((p): p is string => Boolean(p));
  if (checks.some((c) => c.check === 'overwrite')) parts.push('Leading and trailing spaces are trimmed (lengths count after trimming).');
  for (const check of checks.filter((c) => c.check === 'string_format' && c.format === 'regex')) {
    const message = customMessage(check);
    parts.push(`Format: ${message ? `${message} ` : ''}(${String(check.pattern)}).`);
  }
  for (const instance of checkInstances) {
    const text = TEXT_RULE_CHECKS.get(instance);
    if (text) parts.push(text);
  }
  return parts;
}

/** The rules `schema` enforces, as sentences; empty when it enforces none beyond its type. */
export function ruleText(schema: Schema): string {
  const inner = innermost(schema);
  const def = defOf(inner);
  const instances = def.checks ?? [];
  const checks = instances.map((c) => c._zod.def);
  switch (def.type) {
    case 'number':
      return numberRule(checks).join(' ');
    case 'string':
      return stringRule(instances, checks).join(' ');
    case 'array': {
      const length = lengthRule(checks, 'items');
      const each = def.element ? ruleText(def.element) : '';
      return [length, each && `Each: ${each}`].filter(Boolean).join(' ');
    }
    default:
      return '';
  }
}

/** "Default …." for values a person can read in a sentence (numbers, text, booleans, lists of those). */
export function defaultText(schema: Schema): string {
  const found = defaultOf(schema);
  if (!found) return '';
  const { value } = found;
  if (typeof value === 'string') return `Default "${value}".`;
  if (typeof value === 'number' || typeof value === 'boolean') return `Default ${value}.`;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.length ? `Default [${value.join(', ')}].` : 'Default none.';
  return '';
}

/**
 * Descriptions for the fields of an object schema: the meaning given here, then the rules and the
 * default read from the schema. Input fields and their output twins use the same text.
 */
export function fieldDocs<S extends Record<string, unknown>, K extends keyof S & string>(shape: S, meanings: Record<K, string>): Record<K, string> {
  return Object.fromEntries(
    (Object.keys(meanings) as K[]).map((key) => [key, [meanings[key], ruleText(shape[key] as Schema), defaultText(shape[key] as Schema)].filter(Boolean).join(' ')]),
  ) as Record<K, string>;
}
