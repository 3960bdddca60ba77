// validated params -> wire format -> task record -> platform call -> recorded outcome.
// With an idempotency key, the record is the lock: the unique (owner, key) index lets exactly
// one of any number of concurrent repeats through to the platform.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { findTaskByIdempotencyKey, outcomeOfTask, recordOutcome, recordSubmission } from '../db/tasks.js';
import type { TaskSummary as Task } from '../db/tasks.js';
import type { PlatformClient } from '../platform/client.js';
import type { CreateOutcome } from '../platform/outcome.js';
import type { TakeoverParams } from '../takeover/params.js';
import { toParamString } from '../takeover/wire-format.js';

export interface TakeoverSubmission {
  videoName: string;
  thumbnailUrl?: string | undefined;
  params: TakeoverParams;
  /** The preset version the params were resolved from, if any. */
  preset?: { id: string; version: number } | undefined;
  idempotencyKey?: string | undefined;
}

export interface SubmissionResult {
  task: Task;
  /** `in-progress`: a repeat of a submission whose platform call has not finished yet. */
  outcome: CreateOutcome | { kind: 'in-progress' };
}

export interface PlatformResolver {
  clientFor(tenantId: string): Promise<PlatformClient>;
  /** Whether the service's own platform account's endpoint answers. */
  reachable(): Promise<boolean>;
}

/** The idempotency key was used before for a different request. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly idempotencyKey: string) {
    super('This idempotency key was already used for a different request; use a new key for a new request.');
  }
}

export class TakeoverSubmitter {
  constructor(
    private readonly db: Db,
    private readonly platforms: PlatformResolver,
    private readonly onUnexpectedError: (error: unknown) => void = () => {},
  ) {}

  async submit(tenantId: string, submission: TakeoverSubmission): Promise<SubmissionResult> {
    const paramString = toParamString(submission.params);
    const { idempotencyKey } = submission;
    const requestHash = idempotencyKey ? hashRequest(submission, paramString) : undefined;
    // Chosen before the record is written: a failure here must not leave a task in SUBMITTING.
    const platform = await this.platforms.clientFor(tenantId);
    let recorded: Task;
    try {
      recorded = await recordSubmission(this.db, tenantId, {
        videoName: submission.videoName,
        thumbnailUrl: submission.thumbnailUrl,
        params: submission.params,
        paramString,
        presetId: submission.preset?.id,
        presetVersion: submission.preset?.version,
        idempotencyKey,
        requestHash,
      });
    } catch (error) {
      if (idempotencyKey && isUniqueViolation(error)) return this.repeat(tenantId, idempotencyKey, requestHash!);
      throw error;
    }
    const outcome = await platform
      .createTakeover({ videoName: submission.videoName, thumbnailUrl: submission.thumbnailUrl, param: paramString })
      .catch((error: unknown): CreateOutcome => {
        this.onUnexpectedError(error);
        return { kind: 'unknown', reason: 'internal error while calling the platform' };
      });
    const task = await recordOutcome(this.db, recorded.id, outcome);
    return { task, outcome };
  }

  private async repeat(tenantId: string, idempotencyKey: string, requestHash: string): Promise<SubmissionResult> {
    const task = await findTaskByIdempotencyKey(this.db, tenantId, idempotencyKey);
    if (!task || task.requestHash !== requestHash) throw new IdempotencyKeyReused(idempotencyKey);
    return { task, outcome: outcomeOfTask(task) };
  }
}

function hashRequest(submission: TakeoverSubmission, paramString: string): string {
  const { videoName, thumbnailUrl, preset } = submission;
  return createHash('sha256').update(JSON.stringify([videoName, thumbnailUrl ?? null, preset ?? null, paramString])).digest('hex');
}
