// {{name}} placeholders in a preset's text fields, and their substitution.
import type { TakeoverParams } from './params.js';
import type { ValidationIssue } from './validation-issue.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface TemplateField {
  path: string;
  get(params: TakeoverParams): string | undefined;
  set(params: TakeoverParams, value: string): void;
  /** Values substituted here are XML-escaped (SSML content). */
  xml?(params: TakeoverParams): boolean;
}

/** The text fields that may hold placeholders, for a given scene (one entry per text overlay). */
function templateFields(params: TakeoverParams): TemplateField[] {
  return [
    {
      path: 'params.ttsQuery.content',
      get: (p) => p.ttsQuery?.content,
      set: (p, v) => void (p.ttsQuery && (p.ttsQuery.content = v)),
      xml: (p) => p.ttsQuery?.ssml === true,
    },
    { path: 'params.title.text', get: (p) => p.title?.text, set: (p, v) => void (p.title && (p.title.text = v)) },
    { path: 'params.watermark.content', get: (p) => p.watermark.content, set: (p, v) => void (p.watermark.content = v) },
    ...params.foregroundTexts.map((_, i) => ({
      path: `params.foregroundTexts[${i}].text`,
      get: (p: TakeoverParams) => p.foregroundTexts[i]?.text,
      set: (p: TakeoverParams, v: string) => void (p.foregroundTexts[i] && (p.foregroundTexts[i].text = v)),
    })),
  ];
}

const namesIn = (text: string | undefined) => [...(text ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** Every variable a scene and its video name template use, sorted. */
export function variablesUsed(params: TakeoverParams, videoName?: string | null): string[] {
  const names = templateFields(params).flatMap((field) => namesIn(field.get(params)));
  return [...new Set([...names, ...namesIn(videoName ?? undefined)])].sort();
}

const escapeXml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface Substituted {
  params: TakeoverParams;
  videoName: string | undefined;
  issues: ValidationIssue[];
  /** Values given for variables that are `declared` but that nothing uses any more. */
  unused: string[];
}

/**
 * Fills in placeholders. Missing values are issues; so are values for variables the scene does not
 * use, unless they are `declared` (a preset's own list, which overrides may have emptied): those
 * are reported as `unused`, so a form built from the preset's variables always submits.
 */
export function substituteVariables(
  params: TakeoverParams,
  videoName: string | undefined,
  values: Record<string, string>,
  declared: readonly string[] = [],
): Substituted {
  const used = variablesUsed(params, videoName);
  const unused: string[] = [];
  const issues: ValidationIssue[] = [];
  for (const name of used) {
    if (!(name in values)) issues.push({ path: `variables.${name}`, message: `no value given for the variable {{${name}}} that the preset uses` });
  }
  for (const name of Object.keys(values)) {
    if (!used.includes(name) && declared.includes(name)) unused.push(name);
    else if (!used.includes(name)) {
      const known = used.length ? `it uses ${used.map((n) => `{{${n}}}`).join(', ')}` : 'it uses none';
      issues.push({ path: `variables.${name}`, message: `the preset does not use the variable {{${name}}} (${known})` });
    }
  }
  const fill = (text: string, xml: boolean) =>
    text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? (xml ? escapeXml(values[name]!) : values[name]!) : whole));
  const result = structuredClone(params);
  for (const field of templateFields(result)) {
    const text = field.get(result);
    if (text !== undefined) field.set(result, fill(text, field.xml?.(result) ?? false));
  }
  return { params: result, videoName: videoName === undefined ? undefined : fill(videoName, false), issues, unused };
}
