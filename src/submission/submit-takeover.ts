// What the client asked for -> validated scene -> wire format -> task record -> platform call ->
// recorded outcome. With an idempotency key, the record is the lock: the unique (owner, live key)
// index lets exactly one of any number of concurrent repeats through to the platform.
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { findTaskByIdempotencyKey, outcomeOfTask, recordSubmission, releaseIdempotencyKey, type TaskSummary as Task } from '../db/tasks.js';
import type { PlatformClient } from '../platform/client.js';
import type { CreateOutcome } from '../platform/outcome.js';
import type { TaskLifecycle } from '../lifecycle/task-lifecycle.js';
import { toParamString } from '../takeover/wire-format.js';
import { OutcomeRecorder, type OutcomeRecorderOptions, type UnwrittenOutcome } from './outcome-recorder.js';
import { PendingWrites } from './pending-writes.js';
import { fingerprintRequest } from './request-fingerprint.js';
import { resolveSubmissionRequest, type ResolvedSubmission, type SubmissionRequest } from './scene-request.js';
import { logOutcome, type SubmissionLog } from './submission-log.js';

export type { SubmissionRequest };

export interface SubmissionResult {
  task: Task;
  /** `in-progress`: a repeat of a submission whose platform call has not finished yet. */
  outcome: CreateOutcome | { kind: 'in-progress' };
  /** False while the platform's answer is not in the record yet (it keeps being written in the background). */
  outcomeRecorded: boolean;
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

export interface SubmitterOptions {
  /** How long a submission's platform call may take at worst; stored with the task as its abandon deadline. */
  abandonAfterMs: number;
  /** How long a key answers for its task; after that it may be used for a new request. */
  idempotencyKeyTtlMs: number;
  log: SubmissionLog;
  /** The database's clock. */
  clock?: () => Date;
  /** Where every status change of a task goes through. */
  lifecycle: TaskLifecycle;
  /** Outcome writes still running in the background; the process waits for them at shutdown. */
  pendingWrites?: PendingWrites<UnwrittenOutcome>;
  outcomeWrites?: OutcomeRecorderOptions;
  /** The database id inside a client's preset id; undefined when it is not a preset id at all. */
  presetDbId: (id: string) => string | undefined;
}

/** How often a key's holder is looked up (it may give the key up, or lose a race) before its answer stands. */
const MAX_KEY_ROUNDS = 3;

export class TakeoverSubmitter {
  private readonly clock: () => Date;
  private readonly outcomes: OutcomeRecorder;

  constructor(
    private readonly db: Db,
    private readonly platforms: PlatformResolver,
    private readonly options: SubmitterOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    const pending = options.pendingWrites ?? new PendingWrites<UnwrittenOutcome>();
    this.outcomes = new OutcomeRecorder(db, options.lifecycle, options.log, pending, options.outcomeWrites);
  }

  /**
   * Throws TakeoverValidationError for a bad scene, IdempotencyKeyReused for a key used for another
   * request. `logContext`: fields for every log line about it (the request id).
   */
  async submit(tenantId: string, request: SubmissionRequest, logContext: Record<string, unknown> = {}): Promise<SubmissionResult> {
    const key = request.idempotencyKey ?? undefined;
    if (!key) return (await this.attempt(tenantId, request, await this.resolve(tenantId, request), logContext))!;
    const requestHash = fingerprintRequest(request);
    let resolved: ResolvedSubmission | undefined;
    for (let round = 1; ; round += 1) {
      const holder = await findTaskByIdempotencyKey(this.db, tenantId, key);
      if (holder) {
        const verdict = this.judgeRepeat(holder, requestHash);
        if (verdict === 'another request') throw new IdempotencyKeyReused(key);
        if (verdict === 'repeat' || round >= MAX_KEY_ROUNDS) return { task: holder, outcome: outcomeOfTask(holder), outcomeRecorded: true };
        // Validated first: a request that fails validation now leaves the key where it was.
        resolved ??= await this.resolve(tenantId, request);
        await releaseIdempotencyKey(this.db, holder.id, key);
      }
      resolved ??= await this.resolve(tenantId, request);
      const result = await this.attempt(tenantId, request, resolved, logContext, { key, requestHash });
      if (result) return result;
      // Lost the key to concurrent requests again and again, each time before it could be read.
      if (round > 2 * MAX_KEY_ROUNDS) throw new Error('idempotency key contention: no request held the key long enough to read it');
    }
  }

  /**
   * `release`: the key moves on to this request, the old task keeps it only for the record. That
   * happens when the key has expired, or when the same request was UNREACHABLE (certainly nothing
   * was created, so submitting it again is what the client wants).
   */
  private judgeRepeat(holder: Task, requestHash: string): 'repeat' | 'another request' | 'release' {
    if (holder.createdAt.getTime() + this.options.idempotencyKeyTtlMs <= this.clock().getTime()) return 'release';
    if (holder.requestHash !== requestHash) return 'another request';
    return holder.status === 'UNREACHABLE' ? 'release' : 'repeat';
  }

  private async resolve(tenantId: string, request: SubmissionRequest) {
    return resolveSubmissionRequest({ db: this.db, ownerId: tenantId, presetDbId: this.options.presetDbId }, request);
  }

  /** Undefined when the idempotency key was taken by a concurrent request meanwhile. */
  private async attempt(
    tenantId: string,
    request: SubmissionRequest,
    scene: ResolvedSubmission,
    context: Record<string, unknown>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<SubmissionResult | undefined> {
    const paramString = toParamString(scene.params);
    const thumbnailUrl = request.thumbnailUrl ?? undefined;
    // Chosen before the record is written: a failure here must not leave a task in SUBMITTING.
    const platform = await this.platforms.clientFor(tenantId);
    const now = this.clock();
    let recorded: Task;
    try {
      const written = await recordSubmission(
        this.db,
        tenantId,
        {
          videoName: scene.videoName,
          thumbnailUrl,
          params: scene.params,
          paramString,
          presetId: scene.preset?.id,
          presetVersion: scene.preset?.version,
          idempotencyKey: idempotency?.key,
          requestHash: idempotency?.requestHash,
          abandonAfter: new Date(now.getTime() + this.options.abandonAfterMs),
        },
        now,
      );
      this.options.lifecycle.announce(written);
      recorded = written.task;
    } catch (error) {
      if (idempotency && isUniqueViolation(error)) return undefined;
      throw error;
    }
    const outcome = await platform
      .createTakeover({ videoName: scene.videoName, thumbnailUrl, param: paramString })
      .catch((error: unknown): CreateOutcome => {
        this.options.log.error({ ...context, taskId: recorded.id, err: error }, 'platform call failed unexpectedly');
        return { kind: 'unknown', reason: 'internal error while calling the platform' };
      });
    logOutcome(this.options.log, recorded.id, outcome, context);
    const { task, recorded: outcomeRecorded } = await this.outcomes.record(recorded, outcome, context);
    return { task, outcome, outcomeRecorded };
  }
}
