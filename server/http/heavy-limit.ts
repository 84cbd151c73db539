/**
 * One bound for every request that reads or computes a whole document or version on the
 * main thread (DESIGN "Limits every boundary enforces"; docs/security.md "Bounded
 * requests"): compare, changes, a version's export.json, restore, a guest's export.json.
 * Red team F1 (issue 17): 16 compares of a 2 000-activity plan at once queued without bound
 * on the event loop and held /healthz 23.6 s. Now each is counted per person and minute
 * (past it 429 `rate-limited`), and per process at most `atOnce` run while `queue` wait;
 * past that 503 `busy` at once, both with `Retry-After`, instead of an unbounded queue.
 * Like the export pool's (export-pool.ts), but for work that stays on this thread.
 */
import type { HeavyLimits } from '../config.js';
import type { Deps } from '../context.js';
import { AppError } from '../errors.js';
import { rateLimited } from './per-address-limit.js';
import { keyedLimiter, type AddressLimiter } from './shared-limit.js';


const busy = () => new AppError(503, 'busy', 'Servern jämför eller läser redan flera dokument. Försök igen om en stund.', { 'Retry-After': '5' });

export class HeavyRequests {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Requests running or waiting per key: one person may hold `atOnce` of them, never the whole queue. */
  private readonly held = new Map<string, number>();

  constructor(
    private readonly limits: Pick<HeavyLimits, 'atOnce' | 'queue'>,
    private readonly perPerson: AddressLimiter,
  ) {}

  /**
   * Runs `work` for `key` (a user id, or `share:<link id>`) within the bounds. Throws 429
   * `rate-limited` when the key already has `atOnce` running or waiting, or past
   * `perMinute` for it; 503 `busy` when `atOnce` run and `queue` wait; all with
   * `Retry-After` (seconds). Nothing of `work` runs when refused.
   */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const mine = this.held.get(key) ?? 0;
    if (mine >= this.limits.atOnce) throw rateLimited(5, 'Du har redan flera jämförelser eller hämtningar igång. Försök igen när de är klara.');
    // Counted before anything is awaited, so requests arriving together cannot pass the check together.
    this.held.set(key, mine + 1);
    let admitted = false;
    try {
      const wait = await this.perPerson.take(key);
      if (wait > 0) throw rateLimited(wait);
      await this.slot();
      admitted = true;
      return await work();
    } finally {
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
      if (admitted) this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.running < this.limits.atOnce) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.limits.queue) throw busy();
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, but on the next turn of the event loop:
    // handed over in the same microtask run, queued compares ran back to back and a
    // /healthz or a log-in arriving meanwhile waited behind all of them.
    if (next) setImmediate(next);
    else this.running -= 1;
  }
}

/** One bound per process: the routes that share it find it by their `deps.config`. */
const perProcess = new WeakMap<object, HeavyRequests>();

/** The limits in force: `config.heavy` (defaults in server/config.ts and README "Configuration"). */
export const heavyLimitsOf = (config: Deps['config']): HeavyLimits => config.heavy;

/** The process's `HeavyRequests` for `deps` (made on first use from `deps.config.heavy`). */
export function heavyRequests(deps: Pick<Deps, 'kdb' | 'clock' | 'config'>): HeavyRequests {
  const known = perProcess.get(deps.config);
  if (known) return known;
  const limits = heavyLimitsOf(deps.config);
  const made = new HeavyRequests(limits, keyedLimiter(deps.kdb, 'heavy', limits.perMinute, deps.clock.now));
  perProcess.set(deps.config, made);
  return made;
}
