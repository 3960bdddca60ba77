// The life of a task, as one pure state machine: which report moves a task where, and what a
// duplicate, late or out-of-order report does (nothing). Every writer of a task's status (the
// submission, crash recovery, platform callbacks, status queries, reconciliation) asks `decide`.
//
//   SUBMITTING ──accepted──> SUBMITTED ──> PROCESSING (progress) ──> SUCCEEDED | FAILED
//       │  └──rejected / not created──> REJECTED | UNREACHABLE
//       └──outcome unknown──> UNKNOWN ──(any real information)──> any state after SUBMITTING
//
// Terminal states never change again.

/** The platform keeps a finished video for 7 days; after that it cannot be downloaded. */
export const RESULT_RETENTION_MS = 7 * 24 * 3600 * 1000;

export const TASK_STATUSES = [
  'SUBMITTING',
  'SUBMITTED',
  'PROCESSING',
  'SUCCEEDED',
  'FAILED',
  'REJECTED',
  'UNREACHABLE',
  'UNKNOWN',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['SUCCEEDED', 'FAILED', 'REJECTED', 'UNREACHABLE']);
export const isTerminal = (status: TaskStatus): boolean => TERMINAL.has(status);

/** Statuses in which the platform has the task and is still working on it. */
export const IN_FLIGHT_ON_PLATFORM: readonly TaskStatus[] = ['SUBMITTED', 'PROCESSING'];

/** What the state machine reads of a task. */
export interface TaskState {
  status: TaskStatus;
  platformTaskId: string | null;
  progress: number | null;
}

/** Something that tells us what became of a task, from whichever source. */
export type TaskReport =
  /** The platform took the task under this id (its create answer, or an operator who found it). */
  | { kind: 'accepted'; platformTaskId: string }
  /** The platform refused the task with a code of its own: nothing was created. */
  | { kind: 'rejected'; code: number; message: string }
  /** Certainly nothing was created (never sent, or an operator checked). */
  | { kind: 'not-created'; reason: string }
  /** The request went out and no usable answer came back, or the submitting process stopped. */
  | { kind: 'outcome-unknown'; reason: string }
  /** The platform has the task and has not started it. */
  | { kind: 'queued'; platformTaskId: string }
  /** The platform is rendering; `progress` 0..100 when it says. */
  | { kind: 'processing'; platformTaskId: string; progress?: number | undefined }
  | {
      kind: 'succeeded';
      platformTaskId: string;
      resultUrl: string;
      durationSeconds?: number | undefined;
      completedAt?: Date | undefined;
    }
  | { kind: 'failed'; platformTaskId: string; code?: number | undefined; message?: string | undefined; completedAt?: Date | undefined };

/** The fields a transition sets; fields left out keep their value. */
export interface TaskChanges {
  status: TaskStatus;
  platformTaskId?: string;
  progress?: number | null;
  resultUrl?: string;
  durationSeconds?: number | null;
  completedAt?: Date;
  /** When the result stops being downloadable. */
  expiresAt?: Date;
  platformCode?: number | null;
  platformMessage?: string | null;
  failureReason?: string | null;
}

export type Decision =
  | { apply: true; changes: TaskChanges }
  /**
   * Nothing changes. `duplicate`: the task already says this. `stale`: the task is further along.
   * `final`: the task is in a terminal state. `conflict`: the report names another platform task.
   */
  | { apply: false; reason: 'duplicate' | 'stale' | 'final' | 'conflict' };

const ignore = (reason: 'duplicate' | 'stale' | 'final' | 'conflict'): Decision => ({ apply: false, reason });
const apply = (changes: TaskChanges): Decision => ({ apply: true, changes });

/** Progress is a whole percentage 0..100. */
export function clampProgress(progress: number | undefined): number | undefined {
  if (progress === undefined || !Number.isFinite(progress)) return undefined;
  return Math.min(100, Math.max(0, Math.round(progress)));
}

// How far along each status is. UNKNOWN sits just after SUBMITTING: any real information moves it on.
const RANK: Record<TaskStatus, number> = {
  SUBMITTING: 0,
  UNKNOWN: 1,
  SUBMITTED: 2,
  PROCESSING: 3,
  SUCCEEDED: 4,
  FAILED: 4,
  REJECTED: 4,
  UNREACHABLE: 4,
};

export function decide(task: TaskState, report: TaskReport, now: Date): Decision {
  if (isTerminal(task.status)) return ignore(sameTerminal(task, report) ? 'duplicate' : 'final');
  if ('platformTaskId' in report && task.platformTaskId !== null && report.platformTaskId !== task.platformTaskId) {
    return ignore('conflict');
  }
  switch (report.kind) {
    case 'accepted':
      if (task.status !== 'SUBMITTING' && task.status !== 'UNKNOWN') return ignore(task.platformTaskId ? 'duplicate' : 'stale');
      return apply({ status: 'SUBMITTED', platformTaskId: report.platformTaskId, failureReason: null });
    case 'rejected':
      if (task.status !== 'SUBMITTING' && task.status !== 'UNKNOWN') return ignore('stale');
      return apply({ status: 'REJECTED', platformCode: report.code, platformMessage: report.message, failureReason: null });
    case 'not-created':
      if (task.status !== 'SUBMITTING' && task.status !== 'UNKNOWN') return ignore('stale');
      return apply({ status: 'UNREACHABLE', failureReason: report.reason });
    case 'outcome-unknown':
      if (task.status === 'UNKNOWN') return ignore('duplicate');
      if (task.status !== 'SUBMITTING') return ignore('stale');
      return apply({ status: 'UNKNOWN', failureReason: report.reason });
    case 'queued':
      if (task.status === 'SUBMITTED') return ignore('duplicate');
      if (RANK[task.status] > RANK.SUBMITTED) return ignore('stale');
      return apply({ status: 'SUBMITTED', platformTaskId: report.platformTaskId, failureReason: null });
    case 'processing': {
      const progress = clampProgress(report.progress);
      if (task.status === 'PROCESSING') {
        // Progress only moves forward; an older report arriving late says nothing new.
        if (progress === undefined || (task.progress !== null && progress <= task.progress)) {
          return ignore(progress === task.progress || progress === undefined ? 'duplicate' : 'stale');
        }
        return apply({ status: 'PROCESSING', progress });
      }
      return apply({ status: 'PROCESSING', platformTaskId: report.platformTaskId, progress: progress ?? null, failureReason: null });
    }
    case 'succeeded': {
      const completedAt = report.completedAt ?? now;
      return apply({
        status: 'SUCCEEDED',
        platformTaskId: report.platformTaskId,
        progress: 100,
        resultUrl: report.resultUrl,
        durationSeconds: report.durationSeconds ?? null,
        completedAt,
        expiresAt: new Date(completedAt.getTime() + RESULT_RETENTION_MS),
        failureReason: null,
      });
    }
    case 'failed':
      return apply({
        status: 'FAILED',
        platformTaskId: report.platformTaskId,
        platformCode: report.code ?? null,
        platformMessage: report.message ?? null,
        completedAt: report.completedAt ?? now,
        failureReason: null,
      });
  }
}

const TERMINAL_STATUS_OF: Partial<Record<TaskReport['kind'], TaskStatus>> = {
  rejected: 'REJECTED',
  'not-created': 'UNREACHABLE',
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
};

function sameTerminal(task: TaskState, report: TaskReport): boolean {
  return TERMINAL_STATUS_OF[report.kind] === task.status;
}

/** The result can be downloaded until `expiresAt`; unknown before the task succeeded. */
export function resultExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

/** What a report says, for a person (the message of the event it causes). */
export function describeReport(report: TaskReport): string {
  switch (report.kind) {
    case 'accepted':
      return `The platform accepted the task (its id: ${report.platformTaskId}).`;
    case 'rejected':
      return `The platform rejected the task (code ${report.code}: ${report.message}).`;
    case 'not-created':
      return `Nothing was created: ${report.reason}.`;
    case 'outcome-unknown':
      return `No usable answer (${report.reason}): the platform may have created the task.`;
    case 'queued':
      return 'The platform has the task and has not started it yet.';
    case 'processing': {
      const progress = clampProgress(report.progress);
      return progress === undefined ? 'The platform is making the video.' : `The platform is making the video (${progress} %).`;
    }
    case 'succeeded':
      return 'The video is ready to download.';
    case 'failed': {
      const detail = [report.code === undefined ? '' : `code ${report.code}`, report.message ?? ''].filter(Boolean).join(': ');
      return `The platform could not make the video${detail ? ` (${detail})` : ''}.`;
    }
  }
}
