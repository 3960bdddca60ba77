// What identifies a request under an idempotency key: what the client sent (normalised), not
// what it resolved to. A preset edited since (even only its description) does not make a
// byte-identical retry "another request".
import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import type { SubmissionRequest } from './submit-takeover.js';

export function fingerprintRequest(request: SubmissionRequest): string {
  const { preset } = request;
  const normalised = {
    videoName: request.videoName ?? null,
    thumbnailUrl: request.thumbnailUrl ?? null,
    params: request.params ?? null,
    preset: preset
      ? {
          id: preset.id,
          version: preset.version ?? null,
          // The order variables are given in means nothing.
          variables: [...(preset.variables ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
          overrides: preset.overrides ?? null,
        }
      : null,
  };
  return createHash('sha256').update(stableStringify(normalised)).digest('hex');
}
