import type { TaskReport } from '../takeover/task-state-machine.js';

/** What became of one create call, as far as we can tell. */
export type CreateOutcome = (
  /** The platform accepted the task and gave its id (exactly as it wrote it). */
  | { kind: 'created'; platformTaskId: string }
  /** The platform answered with a non-zero envelope `code` (never an HTTP status): nothing was created. */
  | { kind: 'rejected'; code: number; message: string }
  /** The request never reached the platform, or the platform said it did not process it: nothing was created. */
  | { kind: 'unreachable'; reason: string }
  /** The request went out and no usable answer came back: the platform may have created the task. */
  | { kind: 'unknown'; reason: string }
) & {
  /** What the platform sent back, as JSON `{httpStatus, body}` with the body cut to a bounded length. */
  raw?: string | undefined;
};

export interface CreateTakeoverRequest {
  videoName: string;
  thumbnailUrl?: string | undefined;
  /** The synthesis JSON, already serialised. */
  param: string;
}

/** The create call's outcome as a report on the task. */
export function taskReportOf(outcome: CreateOutcome): TaskReport {
  switch (outcome.kind) {
    case 'created':
      return { kind: 'accepted', platformTaskId: outcome.platformTaskId };
    case 'rejected':
      return { kind: 'rejected', code: outcome.code, message: outcome.message };
    case 'unreachable':
      return { kind: 'not-created', reason: outcome.reason };
    case 'unknown':
      return { kind: 'outcome-unknown', reason: outcome.reason };
  }
}
