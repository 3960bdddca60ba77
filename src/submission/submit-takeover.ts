// validated params -> wire format -> task record -> platform call -> recorded outcome.
import { recordOutcome, recordSubmission } from '../db/tasks.js';
import type { Db } from '../db/client.js';
import type { Task } from '../generated/prisma/client.js';
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
}

export interface SubmissionResult {
  task: Task;
  outcome: CreateOutcome;
}

export class TakeoverSubmitter {
  constructor(
    private readonly db: Db,
    private readonly platform: PlatformClient,
  ) {}

  async submit(ownerId: string, submission: TakeoverSubmission): Promise<SubmissionResult> {
    const paramString = toParamString(submission.params);
    const recorded = await recordSubmission(this.db, ownerId, {
      videoName: submission.videoName,
      thumbnailUrl: submission.thumbnailUrl,
      params: submission.params,
      paramString,
      presetId: submission.preset?.id,
      presetVersion: submission.preset?.version,
    });
    const outcome = await this.platform
      .createTakeover({ videoName: submission.videoName, thumbnailUrl: submission.thumbnailUrl, param: paramString })
      .catch((): CreateOutcome => ({ kind: 'unknown', reason: 'internal error while calling the platform' }));
    const task = await recordOutcome(this.db, recorded.id, outcome);
    return { task, outcome };
  }
}
