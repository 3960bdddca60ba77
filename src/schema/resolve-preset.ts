import { z } from 'zod';
import { resolveSceneRequest } from '../submission/scene-request.js';
import type { TakeoverParams as Params } from '../takeover/params.js';
import { TakeoverValidationError, type ValidationIssue } from '../takeover/validation-issue.js';
import { toParamString } from '../takeover/wire-format.js';
import { builder } from './builder.js';
import { PresetReferenceInput, presetReferenceSchema } from './create-takeover-video.js';
import { ValidationIssueRef } from './errors.js';
import { TakeoverParams } from './outputs/takeover-params.js';
import { decodePresetId } from './preset-id.js';

interface DryRun {
  videoName: string | null;
  params: Params | null;
  issues: ValidationIssue[];
}

const ResolvePresetResult = builder.objectRef<DryRun>('ResolvePresetResult').implement({
  description: 'What `createTakeoverVideo` would submit for this preset, without submitting or recording anything.',
  fields: (t) => ({
    videoName: t.exposeString('videoName', { nullable: true, description: 'The resolved video name.' }),
    params: t.expose('params', { type: TakeoverParams, nullable: true, description: 'The resolved, validated scene.' }),
    paramString: t.string({
      nullable: true,
      description: 'The exact `param` string that would be sent.',
      resolve: (dryRun) => (dryRun.params ? toParamString(dryRun.params) : null),
    }),
    issues: t.expose('issues', { type: [ValidationIssueRef], description: 'Every problem; empty when the scene is ready to submit.' }),
  }),
});

builder.queryField('resolvePreset', (t) =>
  t.field({
    type: ResolvePresetResult,
    description: 'A free dry run: resolve a preset with variables and overrides, and report what is wrong, without submitting.',
    args: {
      preset: t.arg({ type: PresetReferenceInput, required: true }),
      videoName: t.arg.string({ description: "Replaces the preset's video name template." }),
    },
    validate: { schema: z.object({ preset: presetReferenceSchema, videoName: z.string().trim().min(1).max(255).nullish() }) },
    resolve: async (_root, rawArgs, ctx) => {
      const args = rawArgs as unknown as { preset: z.output<typeof presetReferenceSchema>; videoName?: string | null };
      try {
        const preset = { ...args.preset, id: decodePresetId(args.preset.id, 'preset.id') };
        const scene = await resolveSceneRequest(ctx.db, ctx.ownerId, { videoName: args.videoName, preset });
        return { videoName: scene.videoName, params: scene.params, issues: [] };
      } catch (error) {
        if (error instanceof TakeoverValidationError) return { videoName: null, params: null, issues: error.issues };
        throw error;
      }
    },
  }),
);
