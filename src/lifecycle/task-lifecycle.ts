// Applies what anyone learns about a task (the submission, crash recovery, platform callbacks,
// status queries, an operator's reconciliation) through the one state machine, writes the change
// with its event, and hands every change to the listeners that carry it outside (webhook outbox in
// the same transaction, live subscriptions after the commit).
import type { Db, DbProvider } from '../db/client.js';
import {
  findAbandonedSubmissions,
  findLifecycleRowsByPlatformTaskId,
  readLifecycleRow,
  writeTransition,
  type LifecycleRow,
  type TaskEventSource,
  type WrittenTransition,
} from '../db/task-transitions.js';
import type { OutboxEvent } from '../db/webhooks.js';
import { decide, describeReport, type TaskReport } from '../takeover/task-state-machine.js';

/** A change that was written: the task after it, its event, and how many webhook deliveries went with it. */
export type Transition = WrittenTransition;

/** Carries changes outside; fed only from here, never by resolvers. */
export interface TransitionListener {
  /**
   * The webhook outbox rows to write with the change, in its transaction: they commit with it or
   * not at all. Called inside that transaction (synchronously: a throw rolls the change back).
   */
  outboxFor?(transition: Transition): OutboxEvent | undefined;
  /** Runs after the change committed. Must not throw. */
  afterCommit?(transition: Transition): void;
}

export type ReportResult =
  | { applied: true; transition: Transition }
  /** Nothing changed: the task already says this, is further along, is final, or names another platform task. */
  | { applied: false; reason: 'duplicate' | 'stale' | 'final' | 'conflict'; task: LifecycleRow };

export type PlatformReportResult = ReportResult | { applied: false; reason: 'unmatched' | 'ambiguous' };

export interface TaskLifecycleOptions {
  /** The database's clock. */
  clock?: () => Date;
  /** How long after the platform takes a task it is first asked about it. */
  firstPollDelayMs?: number;
}

/** A concurrent writer can win the race this many times in a row before a report gives up. */
const MAX_ATTEMPTS = 8;

export class TaskLifecycle {
  private readonly listeners: TransitionListener[] = [];
  private readonly clock: () => Date;
  private readonly firstPollDelayMs: number;

  constructor(
    private readonly db: Db,
    private readonly provider: DbProvider,
    options: TaskLifecycleOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.firstPollDelayMs = options.firstPollDelayMs ?? 5_000;
  }

  listen(listener: TransitionListener): void {
    this.listeners.push(listener);
  }

  /** Announces a change written elsewhere (a new task record with its first event). */
  announce(transition: Transition): void {
    for (const listener of this.listeners) listener.afterCommit?.(transition);
  }

  /**
   * Applies `report` to the task; undefined when there is no such task. `known`: the row as the
   * caller just wrote it, tried before reading it again. The write is guarded by the row it was
   * decided on, so a row that changed meanwhile costs a read and a second decision, never a
   * wrong write; a known row the report would not change is read again before that is believed.
   */
  async report(taskId: string, report: TaskReport, source: TaskEventSource, raw?: string, known?: LifecycleRow): Promise<ReportResult | undefined> {
    if (known && decide(known, report, this.clock()).apply) {
      const result = await this.applyTo(known, report, source, raw);
      if (result?.applied) return result;
    }
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const row = await readLifecycleRow(this.db, taskId);
      if (!row) return undefined;
      const result = await this.applyTo(row, report, source, raw);
      if (result) return result;
    }
    throw new Error(`task ${taskId} kept changing under ${MAX_ATTEMPTS} attempts to apply a ${report.kind} report`);
  }

  /** Applies a report the platform made about one of its task ids. */
  async reportForPlatformTask(platformTaskId: string, report: TaskReport, source: TaskEventSource, raw?: string): Promise<PlatformReportResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const rows = await findLifecycleRowsByPlatformTaskId(this.db, platformTaskId);
      if (rows.length === 0) return { applied: false, reason: 'unmatched' };
      if (rows.length > 1) return { applied: false, reason: 'ambiguous' };
      const result = await this.applyTo(rows[0]!, report, source, raw);
      if (result) return result;
    }
    throw new Error(`platform task ${platformTaskId} kept changing under ${MAX_ATTEMPTS} attempts to apply a ${report.kind} report`);
  }

  /** Marks tasks abandoned mid-call (past their stored deadline, on the database's clock) UNKNOWN. */
  async recoverAbandoned(): Promise<number> {
    let marked = 0;
    for (const id of await findAbandonedSubmissions(this.db, this.provider)) {
      const result = await this.report(id, { kind: 'outcome-unknown', reason: ABANDONED_REASON }, 'RECOVERY');
      if (result?.applied) marked += 1;
    }
    return marked;
  }

  /** Undefined when the row changed before the write (decide again). */
  private async applyTo(row: LifecycleRow, report: TaskReport, source: TaskEventSource, raw: string | undefined): Promise<ReportResult | undefined> {
    const now = this.clock();
    const decision = decide(row, report, now);
    if (!decision.apply) return { applied: false, reason: decision.reason, task: row };
    const late = row.status === 'UNKNOWN' && source === 'SUBMISSION' ? 'Late answer, after the task had been marked UNKNOWN as abandoned. ' : '';
    const message = source === 'RECOVERY' ? `Marked UNKNOWN: ${ABANDONED_REASON}` : late + describeReport(report);
    const written = await writeTransition(this.db, {
      from: row,
      changes: decision.changes,
      event: { at: now, source, message, raw },
      firstPollAt: new Date(now.getTime() + this.firstPollDelayMs),
      outbox: (transition) => this.listeners.flatMap((listener) => listener.outboxFor?.(transition) ?? []),
    });
    if (!written) return undefined;
    this.announce(written);
    return { applied: true, transition: written };
  }
}

export const ABANDONED_REASON =
  'the service stopped while submitting this task (still SUBMITTING after the deadline its instance set); the platform may have created it. Not resubmitted.';
