/**
 * What one account may make the server store per hour (red team x14 (5): one signed-up
 * account filled the disk at ~12 GB/hour with workspaces, documents, imports, duplicates and
 * versions, each route's own per-minute limit allowing it). Every REST route that stores
 * something new charges its creation to the caller's account before it stores anything
 * (docs/security.md "Bounded requests" lists them); past CREATIONS_PER_HOUR in the hour
 * the route answers 429 `rate-limited` with `Retry-After` (seconds to the hour's end) and
 * stores nothing. Counted in the database (`rate_limits`, one row per account and hour,
 * one conditional upsert), so the budget holds across restarts and, on PostgreSQL, across
 * processes (docs/cluster.md): every instance of it counts in the same row.
 */
import { sql } from 'kysely';
import type { Deps } from '../context.js';
import type { Kdb } from '../db/kysely.js';
import type { AppError } from '../errors.js';
import { rateLimited } from './per-address-limit.js';

const HOUR_MS = 60 * 60 * 1000;
/** Charges before a sweep of hours that have ended. */
const SWEEP_EVERY = 1_000;
/** The prefix of this budget's keys in `rate_limits`. */
const PREFIX = 'creations:';
/** Bytes of document state one creation covers: a bigger state costs one more creation per MiB. */
export const CREATION_UNIT_BYTES = 1024 * 1024;

/**
 * What storing `bytes` of document state costs (a version, a copy, an import, a restore):
 * 1 + one per whole MiB, so a creation of weight w stores at most w MiB and CREATIONS_PER_HOUR
 * bounds an account's bytes per hour, not only its count.
 */
export function creationWeight(bytes: number): number {
  return 1 + Math.floor(bytes / CREATION_UNIT_BYTES);
}

export interface CreationBudget {
  /**
   * Counts one creation (`weight` creations) of `userId` in the current hour. Throws 429
   * `rate-limited` with `Retry-After` when that would take the account past the budget;
   * a refused charge counts nothing.
   */
  charge(userId: string, weight?: number): Promise<void>;
}

/** 429 `rate-limited` for an account whose hour is spent; `seconds` until it ends. */
function budgetSpent(perHour: number, seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return rateLimited(seconds, `Du har skapat ${perHour} saker den senaste timmen, det högsta antalet. Försök igen om ${minutes} minuter.`);
}

/**
 * The budget of `perHour` creations per account and clock hour (a fixed window: one account
 * can store at most 2 × `perHour` within any 60 minutes, across a window's end), counted in
 * `kdb` (SQLite or PostgreSQL) at `now()` (ms).
 * @example await creationBudget(deps.kdb, deps.config.limits.creationsPerHour, deps.clock.now).charge(user.id)
 */
export function creationBudget(kdb: Kdb, perHour: number, now: () => number): CreationBudget {
  let charges = 0;
  return {
    async charge(userId: string, weight = 1): Promise<void> {
      const at = now();
      const start = Math.floor(at / HOUR_MS) * HOUR_MS;
      // The row grows only while it stays within the budget: a refused charge changes nothing.
      const counted = weight <= perHour
        ? (await sql<{ count: number }>`INSERT INTO rate_limits (key, window_start, count) VALUES (${PREFIX + userId}, ${start}, ${weight})
            ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + excluded.count
            WHERE rate_limits.count + excluded.count <= ${perHour} RETURNING count`.execute(kdb)).rows.length > 0
        : false;
      if (++charges % SWEEP_EVERY === 0) await kdb.deleteFrom('rate_limits').where('key', 'like', `${PREFIX}%`).where('window_start', '<', start).execute();
      if (!counted) throw budgetSpent(perHour, Math.max(1, Math.ceil((start + HOUR_MS - at) / 1000)));
    },
  };
}

/** The budget as CREATIONS_PER_HOUR sets it, on the server's database and clock (one per route module; they count in the same rows). */
export function creationBudgetOf(deps: Pick<Deps, 'kdb' | 'config' | 'clock'>): CreationBudget {
  return creationBudget(deps.kdb, deps.config.limits.creationsPerHour, deps.clock.now);
}
