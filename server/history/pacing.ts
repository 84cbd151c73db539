/**
 * How often the history deriver's background pass may run (red team, "legal bulk writer";
 * docs/security-hostile.md): busy at most `1 / (1 + rest)` of the time. After a pass that
 * took d ms the next waits `rest · d` ms, so a burst of updates is derived in a few larger
 * batches (each turns the whole document into JSON) instead of one per interval competing
 * with the rooms for the machine's cores. Times are ms on the injected clock.
 */
export class PassPacing {
  private quietUntil = 0;

  constructor(private readonly rest = 3) {}

  /** Whether a pass may start at `now`. */
  ready(now: number): boolean {
    return now >= this.quietUntil;
  }

  /** A pass ran from `started` to `ended`: the next waits `rest` times as long. */
  ran(started: number, ended: number): void {
    this.quietUntil = ended + this.rest * Math.max(0, ended - started);
  }
}
