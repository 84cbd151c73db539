/**
 * A per-address limit that holds across processes (DESIGN "Limits every boundary
 * enforces"; docs/database.md "Rate limits"): with DATABASE_URL, N processes would each
 * allow the limit, N times in all. On top of the process's own `RateLimiter` (which keeps
 * its smooth refill and answers without the database when it refuses), each admitted
 * request is counted in `rate_limits` per key and fixed window with one atomic upsert;
 * past `limit` in the window: refused until the window ends. Old windows are swept now
 * and then. One process on SQLite keeps the in-memory limiter alone.
 */
import { sql } from 'kysely';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { Kdb } from '../db/kysely.js';

/** What `perAddressLimit` counts against: seconds to wait (0: admitted and counted). */
export interface AddressLimiter {
  take(key: string): number | Promise<number>;
}

/** Takes before a sweep of windows that have ended. */
const SWEEP_EVERY = 1_000;

export class SharedLimiter implements AddressLimiter {
  private takes = 0;

  /** `name` keeps the limits' keys apart in the one table (e.g. `signup`, `ticket`). */
  constructor(
    private readonly local: RateLimiter,
    private readonly kdb: Kdb,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  async take(key: string): Promise<number> {
    const wait = this.local.take(key);
    if (wait > 0) return wait;
    const now = this.now();
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const { rows } = await sql<{ count: number }>`INSERT INTO rate_limits (key, window_start, count) VALUES (${`${this.name}:${key}`}, ${start}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`.execute(this.kdb);
    if (++this.takes % SWEEP_EVERY === 0) await this.kdb.deleteFrom('rate_limits').where('window_start', '<', start - this.windowMs).execute();
    if (Number(rows[0]?.count ?? 0) <= this.limit) return 0;
    return Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }
}
