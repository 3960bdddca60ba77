import { resolveSubmission } from '../submission/scene-request.js';
import type { TakeoverParams as Params } from '../takeover/params.js';
import { TakeoverValidationError, type ValidationIssue } from '../takeover/validation-issue.js';
import { renderScenePreview } from '../takeover/preview-svg.js';
import { sceneWarnings, type SceneWarning } from '../takeover/warnings.js';
import { SceneWarningRef } from './scene-warning.js';
import { TakeoverParamsInput } from './inputs/takeover-params.js';
import { toParamString } from '../takeover/wire-format.js';
import { builder } from './builder.js';
import { PresetReferenceInput, SUBMISSION_ARG_DOCS, submissionContext } from './create-takeover-video.js';
import { ruleText } from '../takeover/rule-text.js';
import { submissionArgsSchema } from '../takeover/submission.js';
import { ValidationIssueRef } from './errors.js';
import { TakeoverParams } from './outputs/takeover-params.js';
import type { Context } from './context.js';

interface DryRun {
  videoName: string | null;
  params: Params | null;
  issues: ValidationIssue[];
  requestWarnings: SceneWarning[];
}

/**
 * What createTakeoverVideo would submit for these arguments, or every problem it would refuse
 * them for: the same function decides both.
 */
async function dryRun(ctx: Context, args: unknown): Promise<DryRun> {
  try {
    const submission = await resolveSubmission(submissionContext(ctx), args);
    return { videoName: submission.videoName, params: submission.params, issues: [], requestWarnings: submission.warnings ?? [] };
  } catch (error) {
    if (error instanceof TakeoverValidationError) return { videoName: null, params: null, issues: error.issues, requestWarnings: [] };
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
      description: 'Legal but probably unintended things in the request (e.g. UNUSED_VARIABLE) and in the resolved scene.',
      resolve: (dryRun) => [...dryRun.requestWarnings, ...(dryRun.params ? sceneWarnings(dryRun.params) : [])],
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
      videoName: t.arg.string({ description: SUBMISSION_ARG_DOCS.videoName }),
      thumbnailUrl: t.arg.string({ description: SUBMISSION_ARG_DOCS.thumbnailUrl }),
    },
    // Problems are this query's answer, not an error.
    resolve: (_root, args, ctx) => dryRun(ctx, args),
  }),
);

builder.queryField('resolvePreset', (t) =>
  t.field({
    type: SceneCheck,
    description: 'A free dry run: resolve a preset with variables and overrides, and report what is wrong, without submitting.',
    args: {
      preset: t.arg({ type: PresetReferenceInput, required: true, description: 'The preset, with variables and overrides.' }),
      videoName: t.arg.string({ description: `Replaces the preset's video name template. ${ruleText(submissionArgsSchema.shape.videoName)}` }),
    },
    resolve: (_root, args, ctx) => dryRun(ctx, args),
  }),
);
