/**
 * "`limit` per `windowMs`" per key, in memory, in bounded space (DESIGN "Limits
 * every boundary enforces": sign-ups and tickets per IP). Used for sign-up, tickets and
 * log-in attempts per address; a refused request says when to come back (`Retry-After`).
 *
 * Each key holds one number, the generic cell rate algorithm's "theoretical arrival time"
 * (a token bucket written as a time): a burst of `limit` is allowed from rest, then one
 * more every `windowMs / limit`. A key whose time has passed holds nothing anyone needs, so
 * it is dropped; and however many distinct keys a flood brings, at most `maxKeys` are kept
 * (the least recently seen go first) — memory never grows with the attacker's address space.
 */
export const DEFAULT_MAX_KEYS = 100_000;

export class RateLimiter {
  // Map order is the order keys were last hit in (re-inserted on every hit), so the
  // stalest key is always first: expired ones are swept from the front, cheaply.
  private readonly due = new Map<string, number>();
  private readonly interval: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {
    this.interval = windowMs / limit;
  }

  /** Keys held now (for tests and metrics). */
  get size(): number {
    return this.due.size;
  }

  /** Seconds until `key` may try again, or 0 if it may now. Counts nothing. */
  retryAfter(key: string): number {
    const now = this.now();
    const next = Math.max(this.due.get(key) ?? now, now) + this.interval;
    const waitMs = next - this.windowMs - now;
    return waitMs <= 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  }

  /** Counts one attempt for `key`, admitted or not. */
  hit(key: string): void {
    const now = this.now();
    const next = Math.max(this.due.get(key) ?? now, now) + this.interval;
    this.due.delete(key);
    // Refused attempts count too, but never push a key further than one window ahead:
    // a client that keeps knocking waits a window, not for ever.
    this.due.set(key, Math.min(next, now + this.windowMs + this.interval));
    this.sweep(now);
  }

  /** Counts an attempt if admitted: 0, or the seconds to wait (nothing counted then). */
  take(key: string): number {
    const wait = this.retryAfter(key);
    if (wait === 0) this.hit(key);
    return wait;
  }

  /**
   * Gives back one admitted `take(key)`: that attempt no longer counts (a log-in whose
   * password was right: server/routes/auth.ts). A key at rest is dropped.
   */
  refund(key: string): void {
    const due = this.due.get(key);
    if (due === undefined) return;
    const back = due - this.interval;
    if (back <= this.now()) this.due.delete(key);
    else this.due.set(key, back);
  }

  reset(key: string): void {
    this.due.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, due] of this.due) {
      if (due > now && this.due.size <= this.maxKeys) return;
      this.due.delete(key);
    }
  }
}
