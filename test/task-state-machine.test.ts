// The task state machine, without a database: every transition, and the promises that make
// reports from several sources safe to apply in any order, any number of times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  isTerminal,
  RESULT_RETENTION_MS,
  resultExpired,
  TASK_STATUSES,
  type TaskChanges,
  type TaskReport,
  type TaskState,
  type TaskStatus,
} from '../src/takeover/task-state-machine.js';

const now = new Date('2026-11-29T10:00:00Z');
const ID = '9007199254740993';
const state = (status: TaskStatus, platformTaskId: string | null = null, progress: number | null = null): TaskState => ({
  status,
  platformTaskId,
  progress,
});
const applied = (task: TaskState, report: TaskReport): TaskChanges => {
  const decision = decide(task, report, now);
  if (!decision.apply) throw new Error(`not applied: ${decision.reason}`);
  return decision.changes;
};
const run = (task: TaskState, reports: TaskReport[]): TaskState =>
  reports.reduce((current, report) => {
    const decision = decide(current, report, now);
    return decision.apply
      ? { status: decision.changes.status, platformTaskId: decision.changes.platformTaskId ?? current.platformTaskId, progress: decision.changes.progress === undefined ? current.progress : decision.changes.progress }
      : current;
  }, task);

const succeeded: TaskReport = { kind: 'succeeded', platformTaskId: ID, resultUrl: 'https://cdn.example/v.mp4', durationSeconds: 12.5 };

describe('task state machine', () => {
  it('takes a submission through the platform to a result that expires 7 days after completion', () => {
    expect(applied(state('SUBMITTING'), { kind: 'accepted', platformTaskId: ID })).toMatchObject({ status: 'SUBMITTED', platformTaskId: ID });
    expect(applied(state('SUBMITTED', ID), { kind: 'processing', platformTaskId: ID, progress: 40.4 })).toMatchObject({ status: 'PROCESSING', progress: 40 });
    const done = applied(state('PROCESSING', ID, 40), succeeded);
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 100, resultUrl: 'https://cdn.example/v.mp4', durationSeconds: 12.5, completedAt: now });
    expect(done.expiresAt!.getTime() - now.getTime()).toBe(RESULT_RETENTION_MS);
    expect(resultExpired(done.expiresAt!, new Date(now.getTime() + RESULT_RETENTION_MS - 1))).toBe(false);
    expect(resultExpired(done.expiresAt!, new Date(now.getTime() + RESULT_RETENTION_MS))).toBe(true);
    expect(resultExpired(null, now)).toBe(false);
  });

  it('records failures after acceptance with the platform code and message', () => {
    expect(applied(state('PROCESSING', ID, 10), { kind: 'failed', platformTaskId: ID, code: 5003, message: 'face not found' })).toMatchObject({
      status: 'FAILED',
      platformCode: 5003,
      platformMessage: 'face not found',
      completedAt: now,
    });
  });

  it('maps every create outcome from SUBMITTING', () => {
    expect(applied(state('SUBMITTING'), { kind: 'rejected', code: 400, message: 'bad' }).status).toBe('REJECTED');
    expect(applied(state('SUBMITTING'), { kind: 'not-created', reason: 'refused' }).status).toBe('UNREACHABLE');
    expect(applied(state('SUBMITTING'), { kind: 'outcome-unknown', reason: 'timeout' }).status).toBe('UNKNOWN');
  });

  it('lets real information resolve UNKNOWN to any later state', () => {
    const unknown = state('UNKNOWN');
    expect(applied(unknown, { kind: 'accepted', platformTaskId: ID }).status).toBe('SUBMITTED');
    expect(applied(unknown, { kind: 'not-created', reason: 'operator checked' }).status).toBe('UNREACHABLE');
    expect(applied(unknown, { kind: 'rejected', code: 1, message: 'late refusal' }).status).toBe('REJECTED');
    expect(applied(unknown, { kind: 'processing', platformTaskId: ID, progress: 5 }).status).toBe('PROCESSING');
    expect(applied(unknown, succeeded).status).toBe('SUCCEEDED');
    expect(decide(unknown, { kind: 'outcome-unknown', reason: 'again' }, now)).toEqual({ apply: false, reason: 'duplicate' });
  });

  it('never moves a terminal task, and calls a repeat of its own outcome a duplicate', () => {
    const reports: TaskReport[] = [
      { kind: 'accepted', platformTaskId: ID },
      { kind: 'queued', platformTaskId: ID },
      { kind: 'processing', platformTaskId: ID, progress: 99 },
      { kind: 'failed', platformTaskId: ID },
      { kind: 'outcome-unknown', reason: 'x' },
      { kind: 'not-created', reason: 'x' },
    ];
    for (const report of reports) expect(decide(state('SUCCEEDED', ID, 100), report, now)).toEqual({ apply: false, reason: 'final' });
    expect(decide(state('SUCCEEDED', ID, 100), succeeded, now)).toEqual({ apply: false, reason: 'duplicate' });
    expect(decide(state('REJECTED'), { kind: 'rejected', code: 1, message: 'again' }, now)).toEqual({ apply: false, reason: 'duplicate' });
  });

  it('ignores late, duplicate and foreign reports', () => {
    expect(decide(state('PROCESSING', ID, 60), { kind: 'processing', platformTaskId: ID, progress: 30 }, now)).toEqual({ apply: false, reason: 'stale' });
    expect(decide(state('PROCESSING', ID, 60), { kind: 'processing', platformTaskId: ID, progress: 60 }, now)).toEqual({ apply: false, reason: 'duplicate' });
    expect(decide(state('PROCESSING', ID, 60), { kind: 'processing', platformTaskId: ID }, now)).toEqual({ apply: false, reason: 'duplicate' });
    expect(decide(state('PROCESSING', ID, 60), { kind: 'queued', platformTaskId: ID }, now)).toEqual({ apply: false, reason: 'stale' });
    expect(decide(state('SUBMITTED', ID), { kind: 'accepted', platformTaskId: ID }, now)).toEqual({ apply: false, reason: 'duplicate' });
    expect(decide(state('SUBMITTED', ID), { kind: 'outcome-unknown', reason: 'recovery' }, now)).toEqual({ apply: false, reason: 'stale' });
    expect(decide(state('SUBMITTED', ID), { ...succeeded, platformTaskId: '7' }, now)).toEqual({ apply: false, reason: 'conflict' });
  });

  it('reaches the same end from any order and repetition of one platform history (property)', () => {
    const history: TaskReport[] = [
      { kind: 'accepted', platformTaskId: ID },
      { kind: 'queued', platformTaskId: ID },
      { kind: 'processing', platformTaskId: ID, progress: 10 },
      { kind: 'processing', platformTaskId: ID, progress: 70 },
      succeeded,
    ];
    const shuffled = fc.array(fc.constantFrom(...history), { minLength: 1, maxLength: 12 }).chain((extra) => fc.shuffledSubarray([...history, ...extra], { minLength: history.length + extra.length }));
    fc.assert(
      fc.property(shuffled, (reports) => {
        expect(run(state('SUBMITTING'), reports).status).toBe('SUCCEEDED');
      }),
      { numRuns: 500 },
    );
  });

  it('never moves backwards, whatever arrives (property)', () => {
    const report: fc.Arbitrary<TaskReport> = fc.oneof(
      fc.constant<TaskReport>({ kind: 'accepted', platformTaskId: ID }),
      fc.constant<TaskReport>({ kind: 'rejected', code: 3, message: 'no' }),
      fc.constant<TaskReport>({ kind: 'not-created', reason: 'no' }),
      fc.constant<TaskReport>({ kind: 'outcome-unknown', reason: 'lost' }),
      fc.constant<TaskReport>({ kind: 'queued', platformTaskId: ID }),
      fc.integer({ min: -10, max: 120 }).map<TaskReport>((progress) => ({ kind: 'processing', platformTaskId: ID, progress })),
      fc.constant<TaskReport>(succeeded),
      fc.constant<TaskReport>({ kind: 'failed', platformTaskId: ID, code: 9 }),
    );
    const order = (s: TaskState) => ['SUBMITTING', 'UNKNOWN', 'SUBMITTED', 'PROCESSING'].indexOf(s.status) * 1000 + (s.progress ?? 0) + (isTerminal(s.status) ? 1e6 : 0);
    fc.assert(
      fc.property(fc.constantFrom(...TASK_STATUSES), fc.array(report, { maxLength: 20 }), (start, reports) => {
        let current = state(start, start === 'SUBMITTING' || start === 'UNKNOWN' ? null : ID, start === 'PROCESSING' ? 50 : null);
        for (const next of reports) {
          const after = run(current, [next]);
          expect(order(after)).toBeGreaterThanOrEqual(order(current));
          if (isTerminal(current.status)) expect(after).toEqual(current);
          current = after;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
