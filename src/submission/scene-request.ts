// Turns what a client asked for (inline params, or a preset with variables and overrides) into
// validated params, or a validation error naming every problem.
import type { Db } from '../db/client.js';
import { findPresetScene } from '../db/presets.js';
import type { TakeoverParams } from '../takeover/params.js';
import { resolveScene, variableRecord } from '../takeover/preset.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';

export interface PresetReference {
  id: string;
  version?: number | null | undefined;
  variables?: { name: string; value: string }[] | null | undefined;
  overrides?: unknown;
}

export interface SceneRequest {
  videoName?: string | null | undefined;
  params?: TakeoverParams | null | undefined;
  preset?: PresetReference | null | undefined;
}

export interface ResolvedRequest {
  /** Undefined when neither the request nor the preset names the video. */
  videoName: string | undefined;
  params: TakeoverParams;
  preset?: { id: string; version: number } | undefined;
}

const fail = (path: string, message: string): never => {
  throw new TakeoverValidationError([{ path, message }]);
};

export async function resolveSceneRequest(db: Db, ownerId: string, request: SceneRequest): Promise<ResolvedRequest> {
  if (request.params) return { videoName: request.videoName ?? undefined, params: request.params };
  const reference = request.preset ?? fail('params', 'give either params or a preset');
  const scene = await findPresetScene(db, ownerId, reference.id, reference.version ?? undefined);
  if (!scene) {
    return reference.version == null
      ? fail('preset.id', 'no preset with this id')
      : fail('preset.version', `this preset has no version ${reference.version}`);
  }
  const resolved = resolveScene(scene, {
    variables: variableRecord(reference.variables),
    overrides: reference.overrides,
    videoName: request.videoName ?? undefined,
  });
  if (!resolved.ok) throw new TakeoverValidationError(resolved.issues);
  return { videoName: resolved.videoName, params: resolved.params, preset: { id: scene.presetId, version: scene.version } };
}

/** A submission needs a video name: given, or from the preset's template. */
export function withVideoName(resolved: ResolvedRequest): ResolvedRequest & { videoName: string } {
  if (resolved.videoName !== undefined) return { ...resolved, videoName: resolved.videoName };
  return fail('videoName', resolved.preset ? 'a video name is required: the preset has no video name template' : 'a video name is required');
}
