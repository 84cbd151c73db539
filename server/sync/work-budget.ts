/**
 * Main-thread time each user's updates may take, across all their sockets and rooms: a
 * token bucket in milliseconds. Caps per message bound what one update can cost; this
 * bounds what a stream of them can, so an editor who sends the costliest updates the caps
 * allow, again and again (reconnecting when closed), gets a share of the server and
 * everybody else keeps the rest. A normal editor's updates take well under a millisecond;
 * a big offline merge a few tens.
 */
export class WorkBudget {
  private readonly users = new Map<string, { ms: number; at: number }>();

  constructor(
    /** Milliseconds of applying per second, sustained. */
    private readonly msPerSecond = 200,
    /**
     * Milliseconds that may be spent at once. It bounds the longest stall one user can
     * cause: the messages that arrive in one read are handled back to back until it is
     * spent (a hundred updates that each merge into a room's pending structs held every
     * room for 0.3–0.9 s with a second's burst); then they wait their turn.
     */
    private readonly burstMs = 150,
    /** Real time, not the injected clock: what is shared out is the CPU's real time. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Whether `userId` has time left (their next update may be applied). */
  allows(userId: string): boolean {
    return this.refill(userId, this.clock()).ms > 0;
  }

  /** Charges `ms` of work to `userId`. */
  charge(userId: string, ms: number): void {
    const budget = this.refill(userId, this.clock());
    budget.ms -= ms;
    if (budget.ms >= this.burstMs) this.users.delete(userId);
  }

  private refill(userId: string, now: number): { ms: number; at: number } {
    let budget = this.users.get(userId);
    if (!budget) {
      budget = { ms: this.burstMs, at: now };
      this.users.set(userId, budget);
    }
    budget.ms = Math.min(this.burstMs, budget.ms + (Math.max(0, now - budget.at) / 1000) * this.msPerSecond);
    budget.at = now;
    return budget;
  }
}
