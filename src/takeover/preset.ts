// A preset: a named, validated scene that text variables and overrides turn into a submission.
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { deepMerge } from './merge.js';
import { takeoverParamsSchema, type TakeoverParams } from './params.js';
import { issuesFromZod, type ValidationIssue } from './validation-issue.js';
import { substituteVariables, VARIABLE_NAME } from './variables.js';

export const PRESET_LIMITS = { maxNameLength: 100, maxDescriptionLength: 2000, maxTags: 20, maxTagLength: 32 } as const;

const tagSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N} _.-]{1,32}$/u, `a tag is 1..${PRESET_LIMITS.maxTagLength} letters, digits, spaces, "_", "." or "-"`);

export const presetFieldsSchema = {
  name: z.string().trim().min(1, 'a preset name is required').max(PRESET_LIMITS.maxNameLength),
  description: z.string().max(PRESET_LIMITS.maxDescriptionLength),
  tags: z.array(tagSchema).max(PRESET_LIMITS.maxTags).transform((tags) => [...new Set(tags)].sort()),
  videoName: z.string().trim().min(1).max(LIMITS.maxNameLength).nullish(),
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

export const variableValuesSchema = z
  .array(
    z.object({
      name: z.string().regex(VARIABLE_NAME, 'a variable name is letters, digits and "_"'),
      value: z.string().max(LIMITS.maxTtsContentLength),
    }),
  )
  .max(100)
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
  | { ok: true; params: TakeoverParams; videoName: string | undefined }
  | { ok: false; issues: ValidationIssue[] };

/** Preset + overrides + variables -> validated parameters, or every problem with its path. */
export function resolveScene(preset: PresetScene, request: SceneRequest): ResolvedScene {
  const merged = takeoverParamsSchema.safeParse(deepMerge(preset.params, request.overrides ?? undefined));
  if (!merged.success) return { ok: false, issues: issuesFromZod(merged.error, ['params']) };
  const template = request.videoName ?? preset.videoName ?? undefined;
  const substituted = substituteVariables(merged.data, template, request.variables);
  if (substituted.issues.length) return { ok: false, issues: substituted.issues };
  // Substituted values can break length limits or SSML: validate the final scene again.
  const final = takeoverParamsSchema.safeParse(substituted.params);
  if (!final.success) return { ok: false, issues: issuesFromZod(final.error, ['params']) };
  return { ok: true, params: final.data, videoName: substituted.videoName };
}
