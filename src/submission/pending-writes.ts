// Writes that outlive the request that started them (an outcome the database would not take at
// first). The process waits for them when it shuts down, within its shutdown timeout.
const DRAINING_PAUSE_MS = 200;

export class PendingWrites<Details = unknown> {
  private readonly pending = new Map<Promise<unknown>, Details>();
  private draining = false;
  private wake: (() => void) | undefined;
  private readonly woken = new Promise<void>((resolve) => (this.wake = resolve));

  track(write: Promise<unknown>, details: Details): void {
    const done = write.finally(() => this.pending.delete(done));
    this.pending.set(done, details);
  }

  get size(): number {
    return this.pending.size;
  }

  /** What is still unwritten. */
  unwritten(): Details[] {
    return [...this.pending.values()];
  }

  /** Waits `ms`; once draining has begun, at most a fifth of a second, so writes retry soon. */
  pause(ms: number): Promise<void> {
    const sleep = (duration: number) => new Promise<void>((resolve) => setTimeout(resolve, duration).unref());
    if (this.draining) return sleep(Math.min(ms, DRAINING_PAUSE_MS));
    return Promise.race([sleep(ms), this.woken]);
  }

  /** Waits for every pending write, at most `timeoutMs`; resolves with what is still unwritten. */
  async drain(timeoutMs: number): Promise<Details[]> {
    this.draining = true;
    this.wake?.();
    // A timer that keeps the process alive: during shutdown nothing else may.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    const deadline = Date.now() + timeoutMs;
    try {
      while (this.pending.size && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...this.pending.keys()]), timeout]);
      }
    } finally {
      clearTimeout(timer);
    }
    return this.unwritten();
  }
}
