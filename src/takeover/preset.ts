// A preset: a named, validated scene that text variables and overrides turn into a submission.
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { deepMerge } from './merge.js';
import { takeoverParamsSchema, type TakeoverParams } from './params.js';
import { textSchema, videoNameSchema } from './primitives.js';
import { issuesFromZod, type ValidationIssue } from './validation-issue.js';
import { substituteVariables, VARIABLE_NAME, variablesUsed } from './variables.js';
import type { SceneWarning } from './warnings.js';

export const PRESET_LIMITS = {
  maxNameLength: 100,
  maxDescriptionLength: 2000,
  maxTags: 20,
  maxTagLength: 32,
  maxVariables: 100,
  maxVariableNameLength: 64,
} as const;

export const TAG_RULE = `a tag is 1..${PRESET_LIMITS.maxTagLength} letters, digits, spaces, "_", "." or "-"`;

export const tagSchema = textSchema(PRESET_LIMITS.maxTagLength)
  .trim()
  .regex(/^[\p{L}\p{N} _.-]{1,32}$/u, TAG_RULE);

export const presetFieldsSchema = {
  name: textSchema(PRESET_LIMITS.maxNameLength).trim().min(1, 'a preset name is required'),
  description: textSchema(PRESET_LIMITS.maxDescriptionLength, { multiline: true }),
  tags: z.array(tagSchema).max(PRESET_LIMITS.maxTags).transform((tags) => [...new Set(tags)].sort()),
  /** A template: the name after its {{variables}} are filled in is checked again at submission. */
  videoName: videoNameSchema.nullish(),
  params: takeoverParamsSchema,
};

export const newPresetSchema = z.object({
  ...presetFieldsSchema,
  description: presetFieldsSchema.description.default(''),
  tags: presetFieldsSchema.tags.default([]),
});
export type NewPreset = z.output<typeof newPresetSchema>;

export const presetChangesSchema = z.object({
  name: presetFieldsSchema.name.optional(),
  description: presetFieldsSchema.description.optional(),
  tags: presetFieldsSchema.tags.optional(),
  videoName: presetFieldsSchema.videoName,
  params: takeoverParamsSchema.optional(),
});
export type PresetChanges = z.output<typeof presetChangesSchema>;

export const variableValueSchema = z.object({
  name: textSchema(PRESET_LIMITS.maxVariableNameLength).regex(VARIABLE_NAME, 'a variable name is letters, digits and "_"'),
  // Line breaks are allowed here; a value put into a field that refuses them is reported there.
  value: textSchema(LIMITS.maxTtsContentLength, { multiline: true }),
});

export const variableValuesSchema = z
  .array(variableValueSchema)
  .max(PRESET_LIMITS.maxVariables)
  .refine((pairs) => new Set(pairs.map((p) => p.name)).size === pairs.length, 'each variable may be given once')
  .nullish();

export const variableRecord = (pairs: { name: string; value: string }[] | null | undefined): Record<string, string> =>
  Object.fromEntries((pairs ?? []).map(({ name, value }) => [name, value]));

export interface PresetScene {
  params: TakeoverParams;
  videoName: string | null | undefined;
}

export interface SceneRequest {
  variables: Record<string, string>;
  /** A partial scene deep-merged over the preset: objects merge, lists replace, null removes. */
  overrides?: unknown;
  /** Replaces the preset's video name template. */
  videoName?: string | undefined;
}

export type ResolvedScene =
  | { ok: true; params: TakeoverParams; videoName: string | undefined; warnings: SceneWarning[] }
  | { ok: false; issues: ValidationIssue[] };

// What a preset resolves to must meet the same rules as a scene given inline: substituted values
// can break length limits, SSML or the text rule, in the params and in the video name.
const resolvedSceneSchema = z.object({ params: takeoverParamsSchema, videoName: videoNameSchema.optional() });

/** Preset + overrides + variables -> validated parameters, or every problem with its path. */
export function resolveScene(preset: PresetScene, request: SceneRequest): ResolvedScene {
  const merged = takeoverParamsSchema.safeParse(deepMerge(preset.params, request.overrides ?? undefined));
  if (!merged.success) return { ok: false, issues: issuesFromZod(merged.error, ['params']) };
  const template = request.videoName ?? preset.videoName ?? undefined;
  const declared = variablesUsed(preset.params, preset.videoName);
  const substituted = substituteVariables(merged.data, template, request.variables, declared);
  if (substituted.issues.length) return { ok: false, issues: substituted.issues };
  const final = resolvedSceneSchema.safeParse({ params: substituted.params, videoName: substituted.videoName });
  if (!final.success) return { ok: false, issues: issuesFromZod(final.error) };
  const warnings = substituted.unused.map(
    (name): SceneWarning => ({
      path: `variables.${name}`,
      code: 'UNUSED_VARIABLE',
      message: `the preset declares {{${name}}} but the overrides removed every place that used it; the value is not used`,
    }),
  );
  return { ok: true, params: final.data.params, videoName: final.data.videoName, warnings };
}
