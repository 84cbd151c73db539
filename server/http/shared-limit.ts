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
import { RateLimiter } from '../auth/rate-limit.js';
import { dialectOf, type Kdb } from '../db/kysely.js';

/**
 * A limit per key (a client address, a person's id) that `perAddressLimit` and the routes'
 * per-person limits count against: seconds to wait (0: admitted and counted).
 */
export interface AddressLimiter {
  take(key: string): number | Promise<number>;
}

/** A limit that can give back an admitted take (log-in attempts per address: only failures count). */
export interface RefundableLimiter extends AddressLimiter {
  /** Gives back one `take(key)` admitted at `takenAt` (ms), in the window it was counted in. */
  refund(key: string, takenAt: number): void | Promise<void>;
}

/**
 * `perMinute` per key and minute under `name` (its keys' prefix in `rate_limits`): on
 * PostgreSQL a `SharedLimiter`, so N processes together allow the limit once; on SQLite (one
 * process) the process's own `RateLimiter`. docs/database.md "Rate limits across processes".
 */
export function keyedLimiter(kdb: Kdb, name: string, perMinute: number, now: () => number): RefundableLimiter {
  const local = new RateLimiter(perMinute, 60_000, now);
  return dialectOf(kdb) === 'postgres' ? new SharedLimiter(local, kdb, name, perMinute, 60_000, now) : local;
}

/** Takes before a sweep of windows that have ended. */
const SWEEP_EVERY = 1_000;

export class SharedLimiter implements RefundableLimiter {
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
    // Only this limit's rows: the log-in throttle's (SharedFailures) have no windows.
    if (++this.takes % SWEEP_EVERY === 0) await this.kdb.deleteFrom('rate_limits').where('key', 'like', `${this.name}:%`).where('window_start', '<', start - this.windowMs).execute();
    if (Number(rows[0]?.count ?? 0) <= this.limit) return 0;
    return Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }

  async refund(key: string, takenAt: number): Promise<void> {
    this.local.refund(key);
    const start = Math.floor(takenAt / this.windowMs) * this.windowMs;
    await sql`UPDATE rate_limits SET count = count - 1 WHERE key = ${`${this.name}:${key}`} AND window_start = ${start} AND count > 0`.execute(this.kdb);
  }
}

/** A key's failures: how many, and when the last was (ms). */
export interface FailureCount {
  count: number;
  lastAt: number;
}

/**
 * Failure counts per key shared by every process (the log-in throttle's, login-throttle.ts):
 * one row per key in `rate_limits` (window_start 0, no windows), counted with one atomic
 * upsert that also starts over when the last failure is older than `forgetAfterMs`, and
 * remembers when the last failure was (migration 15's `last_at`). Rows older than that are
 * swept now and then. Keys are JSON: PostgreSQL refuses a NUL in text.
 */
export class SharedFailures {
  private fails = 0;

  constructor(
    private readonly kdb: Kdb,
    private readonly name: string,
    private readonly forgetAfterMs: number,
  ) {}

  /** Counts a failure of `key` at `now`; resolves with its count since it was last forgotten. */
  async fail(key: string, now: number): Promise<FailureCount> {
    const stale = now - this.forgetAfterMs;
    const { rows } = await sql<{ count: number; last_at: number }>`INSERT INTO rate_limits (key, window_start, count, last_at) VALUES (${this.keyOf(key)}, 0, 1, ${now})
      ON CONFLICT (key, window_start) DO UPDATE SET count = CASE WHEN rate_limits.last_at < ${stale} THEN 1 ELSE rate_limits.count + 1 END, last_at = excluded.last_at
      RETURNING count, last_at`.execute(this.kdb);
    if (++this.fails % SWEEP_EVERY === 0) await this.kdb.deleteFrom('rate_limits').where('key', 'like', `${this.name}:%`).where('window_start', '=', 0).where('last_at', '<', stale).execute();
    return { count: Number(rows[0]?.count ?? 1), lastAt: Number(rows[0]?.last_at ?? now) };
  }

  /** The counts of `keys` not yet forgotten at `now`, by key (a key without failures is absent). */
  async read(keys: readonly string[], now: number): Promise<Map<string, FailureCount>> {
    const found = new Map<string, FailureCount>();
    if (keys.length === 0) return found;
    const rows = await this.kdb
      .selectFrom('rate_limits')
      .select(['key', 'count', 'last_at'])
      .where('key', 'in', keys.map((key) => this.keyOf(key)))
      .where('window_start', '=', 0)
      .where('last_at', '>=', now - this.forgetAfterMs)
      .execute();
    for (const key of keys) {
      const row = rows.find((r) => r.key === this.keyOf(key));
      if (row) found.set(key, { count: Number(row.count), lastAt: Number(row.last_at) });
    }
    return found;
  }

  /** Forgets `key`'s failures (the right password). */
  async forget(key: string): Promise<void> {
    await this.kdb.deleteFrom('rate_limits').where('key', '=', this.keyOf(key)).where('window_start', '=', 0).execute();
  }

  private keyOf(key: string): string {
    return `${this.name}:${key}`;
  }
}
