import { z } from 'zod';
import { resolveSceneRequest, type PresetReference } from '../submission/scene-request.js';
import type { TakeoverParams as Params } from '../takeover/params.js';
import { issuesFromZod, TakeoverValidationError, type ValidationIssue } from '../takeover/validation-issue.js';
import { takeoverParamsSchema } from '../takeover/params.js';
import { renderScenePreview } from '../takeover/preview-svg.js';
import { sceneWarnings } from '../takeover/warnings.js';
import { SceneWarningRef } from './scene-warning.js';
import { TakeoverParamsInput } from './inputs/takeover-params.js';
import { toParamString } from '../takeover/wire-format.js';
import { builder } from './builder.js';
import { PresetReferenceInput, presetReferenceSchema } from './create-takeover-video.js';
import { ValidationIssueRef } from './errors.js';
import { TakeoverParams } from './outputs/takeover-params.js';
import { withPresetDbId } from './preset-id.js';
import type { Context } from './context.js';

interface DryRun {
  videoName: string | null;
  params: Params | null;
  issues: ValidationIssue[];
}

const failed = (issues: ValidationIssue[]): DryRun => ({ videoName: null, params: null, issues });

/** What createTakeoverVideo would submit for this preset reference, or why it would refuse. */
async function dryRun(ctx: Context, reference: PresetReference, videoName: string | null | undefined): Promise<DryRun> {
  try {
    const scene = await resolveSceneRequest(ctx.db, ctx.ownerId, { videoName, preset: withPresetDbId(reference) });
    return { videoName: scene.videoName ?? null, params: scene.params, issues: [] };
  } catch (error) {
    if (error instanceof TakeoverValidationError) return failed(error.issues);
    throw error;
  }
}

const SceneCheck = builder.objectRef<DryRun>('SceneCheck').implement({
  description: 'What `createTakeoverVideo` would submit, without submitting or recording anything.',
  fields: (t) => ({
    videoName: t.exposeString('videoName', { nullable: true, description: 'The resolved video name.' }),
    params: t.expose('params', { type: TakeoverParams, nullable: true, description: 'The resolved, validated scene.' }),
    paramString: t.string({
      nullable: true,
      description: 'The exact `param` string that would be sent.',
      resolve: (dryRun) => (dryRun.params ? toParamString(dryRun.params) : null),
    }),
    issues: t.expose('issues', { type: [ValidationIssueRef], description: 'Every problem; empty when the scene is ready to submit.' }),
    warnings: t.field({
      type: [SceneWarningRef],
      description: 'Legal but probably unintended things in the resolved scene.',
      resolve: (dryRun) => (dryRun.params ? sceneWarnings(dryRun.params) : []),
    }),
    previewSvg: t.string({
      nullable: true,
      description: 'The resolved scene drawn as SVG.',
      args: { frame: t.arg.int({ description: 'Show which timed layers are visible at this frame (>= 0).' }) },
      resolve: (dryRun, { frame }) => (dryRun.params ? renderScenePreview(dryRun.params, { frame: frame ?? undefined }) : null),
    }),
  }),
});

builder.queryField('checkScene', (t) =>
  t.field({
    type: SceneCheck,
    description:
      'Pre-flight check of a scene (inline `params`, or a `preset` with variables and overrides), free and without submitting: the validation errors `createTakeoverVideo` would return, warnings, the resolved params and a preview.',
    args: {
      params: t.arg({ type: TakeoverParamsInput, description: 'The scene. Give this or `preset`.' }),
      preset: t.arg({ type: PresetReferenceInput, description: 'A preset to resolve. Give this or `params`.' }),
      videoName: t.arg.string({ description: "The video name (or one replacing the preset's template)." }),
    },
    // Validated here rather than by plugin-zod: problems are this query's answer, not an error.
    resolve: async (_root, args, ctx) => {
      if (Boolean(args.params) === Boolean(args.preset)) return failed([{ path: 'params', message: 'give either params or a preset' }]);
      if (args.params) {
        const parsed = takeoverParamsSchema.safeParse(args.params);
        return parsed.success ? { videoName: args.videoName ?? null, params: parsed.data, issues: [] } : failed(issuesFromZod(parsed.error, ['params']));
      }
      const reference = presetReferenceSchema.safeParse(args.preset);
      if (!reference.success) return failed(issuesFromZod(reference.error, ['preset']));
      return dryRun(ctx, reference.data, args.videoName);
    },
  }),
);

builder.queryField('resolvePreset', (t) =>
  t.field({
    type: SceneCheck,
    description: 'A free dry run: resolve a preset with variables and overrides, and report what is wrong, without submitting.',
    args: {
      preset: t.arg({ type: PresetReferenceInput, required: true }),
      videoName: t.arg.string({ description: "Replaces the preset's video name template." }),
    },
    validate: { schema: z.object({ preset: presetReferenceSchema, videoName: z.string().trim().min(1).max(255).nullish() }) },
    resolve: async (_root, rawArgs, ctx) => {
      const args = rawArgs as unknown as { preset: z.output<typeof presetReferenceSchema>; videoName?: string | null };
      return dryRun(ctx, args.preset, args.videoName);
    },
  }),
);
