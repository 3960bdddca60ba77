// Turns what a client asked for (inline params, or a preset with variables and overrides) into a
// validated submission, or a validation error naming every problem. `createTakeoverVideo` and the
// free checks (`checkScene`, `resolvePreset`) all call `resolveSubmission`, so a check reports
// exactly what a submission would refuse.
import type { z } from 'zod';
import type { Db } from '../db/client.js';
import { findPresetScene } from '../db/presets.js';
import type { TakeoverParams } from '../takeover/params.js';
import { resolveScene, variableRecord } from '../takeover/preset.js';
import { submissionArgsSchema } from '../takeover/submission.js';
import { issuesFromZod, TakeoverValidationError } from '../takeover/validation-issue.js';
import type { SceneWarning } from '../takeover/warnings.js';

export interface ResolvedSubmission {
  videoName: string;
  thumbnailUrl: string | undefined;
  idempotencyKey: string | undefined;
  params: TakeoverParams;
  /** Warnings about the request itself (not the scene), e.g. a variable value nothing uses. */
  warnings?: SceneWarning[];
  /** The preset version the params were resolved from, if any. */
  preset?: { id: string; version: number } | undefined;
}

export interface SubmissionContext {
  db: Db;
  ownerId: string;
  /** The database id inside a client's preset id; undefined when it is not a preset id at all. */
  presetDbId(id: string): string | undefined;
}

const fail = (path: string, message: string): never => {
  throw new TakeoverValidationError([{ path, message }]);
};

/** What the client sent, checked against the rules that need no preset. */
export type SubmissionRequest = z.output<typeof submissionArgsSchema>;

export function parseSubmissionRequest(request: unknown): SubmissionRequest {
  const parsed = submissionArgsSchema.safeParse(request);
  if (!parsed.success) throw new TakeoverValidationError(issuesFromZod(parsed.error));
  return parsed.data;
}

/**
 * Every rule a submission must meet, on the request as resolved (a preset's video name template
 * after its variables are filled in, overrides merged): the submission, or a
 * TakeoverValidationError listing every problem.
 */
export function resolveSubmission(context: SubmissionContext, request: unknown): Promise<ResolvedSubmission> {
  return resolveSubmissionRequest(context, parseSubmissionRequest(request));
}

/** `resolveSubmission` for a request already parsed. */
export async function resolveSubmissionRequest(
  { db, ownerId, presetDbId }: SubmissionContext,
  request: SubmissionRequest,
): Promise<ResolvedSubmission> {
  const { videoName, thumbnailUrl, params, preset: reference, idempotencyKey } = request;
  const common = { thumbnailUrl: thumbnailUrl ?? undefined, idempotencyKey: idempotencyKey ?? undefined };
  if (params) return { ...common, videoName: videoName ?? fail('videoName', 'a video name is required'), params };

  // The schema has made sure that a request without params names a preset.
  const { id: presetId, version, variables, overrides } = reference!;
  const id = presetDbId(presetId);
  const scene = id && (await findPresetScene(db, ownerId, id, version ?? undefined));
  if (!scene) {
    return version == null || !id ? fail('preset.id', 'no preset with this id') : fail('preset.version', `this preset has no version ${version}`);
  }
  const resolved = resolveScene(scene, { variables: variableRecord(variables), overrides, videoName: videoName ?? undefined });
  if (!resolved.ok) throw new TakeoverValidationError(resolved.issues);
  return {
    ...common,
    videoName: resolved.videoName ?? fail('videoName', 'a video name is required: the preset has no video name template'),
    params: resolved.params,
    preset: { id: scene.presetId, version: scene.version },
    warnings: resolved.warnings,
  };
}
