// When a failed delivery is tried again: exponential backoff with jitter, given up (FAILED) once
// the next try would fall later than `giveUpAfterMs` after the event.

export interface RetrySchedule {
  /** The wait after the first failed attempt. */
  firstDelayMs: number;
  /** Each further wait is this many times the one before… */
  factor: number;
  /** …up to this. */
  maxDelayMs: number;
  /** No attempt later than this after the event. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetrySchedule = {
  firstDelayMs: 10_000,
  factor: 3,
  maxDelayMs: 6 * 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
};

/** The next attempt after `attempts` failed ones, or undefined when it is time to give up. */
export function nextAttemptAt(schedule: RetrySchedule, attempts: number, eventAt: Date, now: Date, random = Math.random): Date | undefined {
  const base = Math.min(schedule.maxDelayMs, schedule.firstDelayMs * schedule.factor ** Math.max(0, attempts - 1));
  // ±20 %: receivers that failed together are not all hit again in the same second.
  const delay = base * (0.8 + 0.4 * random());
  const next = new Date(now.getTime() + delay);
  return next.getTime() - eventAt.getTime() > schedule.giveUpAfterMs ? undefined : next;
}
