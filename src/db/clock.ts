// The database's clock, as seen from this process: deadlines stored with tasks and the times of
// task events are on it, so instances whose own clocks disagree still agree on them.
import type { Db, DbProvider } from './client.js';

const NOW_MS: Record<DbProvider, string> = {
  sqlite: `SELECT (julianday('now') - 2440587.5) * 86400000.0 AS "ms"`,
  postgresql: `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS "ms"`,
};

export class DatabaseClock {
  private offsetMs = 0;

  constructor(
    private readonly db: Db,
    private readonly provider: DbProvider,
    private readonly processNow: () => number = Date.now,
  ) {}

  /** The database's time now (this process's clock corrected by the offset measured at the last sync). */
  now(): Date {
    return new Date(this.processNow() + this.offsetMs);
  }

  /** Measures how far this process's clock is from the database's. */
  async sync(): Promise<void> {
    const before = this.processNow();
    const [row] = await this.db.$queryRawUnsafe<{ ms: number }[]>(NOW_MS[this.provider]);
    const after = this.processNow();
    this.offsetMs = Math.round(Number(row!.ms) - (before + after) / 2);
  }
}
