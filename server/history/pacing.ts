/**
 * How often the history deriver's background pass may run (red team, "legal bulk writer";
 * docs/security-hostile.md): busy at most `1 / (1 + rest)` of the time. After a pass that
 * took d ms the next waits `rest · d` ms, so a burst of updates is derived in a few larger
 * batches (each turns the whole document into JSON) instead of one per interval competing
 * with the rooms for the machine's cores. A pass that failed for a passing fault (a lost
 * database connection, refusal.ts) also backs off, doubling from `backoffMs` up to
 * `maxBackoffMs`, so a database that is down is not asked twice a second for good. Times
 * are ms on the injected clock.
 */
export class PassPacing {
  private quietUntil = 0;
  private failures = 0;

  constructor(
    private readonly rest = 3,
    private readonly backoffMs = 1_000,
    private readonly maxBackoffMs = 60_000,
  ) {}

  /** Whether a pass may start at `now`. */
  ready(now: number): boolean {
    return now >= this.quietUntil;
  }

  /**
   * A pass ran from `started` to `ended`: the next waits `rest` times as long, and when it
   * `failed` (a passing fault) at least the backoff, which doubles with each failure in a row.
   */
  ran(started: number, ended: number, failed = false): void {
    this.failures = failed ? this.failures + 1 : 0;
    const backoff = failed ? Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (this.failures - 1)) : 0;
    this.quietUntil = ended + Math.max(this.rest * Math.max(0, ended - started), backoff);
  }
}
