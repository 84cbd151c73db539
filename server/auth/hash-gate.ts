/**
 * One bound for every password hash this process computes (argon2id, ~15 ms of one core and
 * 19 MiB each: server/auth/passwords.ts): log-in, sign-up, password confirmation and change.
 * At most `atOnce` run while `queue` wait; past that 503 `busy` with `Retry-After` at once,
 * nothing hashed. Without it a flood of log-ins of any kind (red team X15: 16 at a time)
 * took every thread of libuv's pool, which file reads and compression share too, and every
 * core. The per-address and per-account limits (server/routes/auth.ts) bound what one
 * address may ask for; this bounds what all of them together may cost.
 * docs/security.md "Log-in throttling".
 */
import { AppError } from '../errors.js';

/** Seconds a refused hash is told to wait: the queue drains in well under that. */
const BUSY_RETRY_SECONDS = 2;

const busy = () =>
  new AppError(503, 'busy', `Servern tar emot många inloggningar just nu. Försök igen om ${BUSY_RETRY_SECONDS} sekunder.`, { 'Retry-After': String(BUSY_RETRY_SECONDS) });

export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  /** `atOnce` hashes at a time (≥ 1), `queue` waiting for a turn (≥ 0). */
  constructor(private readonly limits: { atOnce: number; queue: number }) {}

  /** Hashes running and waiting now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `work` (one password hash or verification) when a turn is free; throws 503 `busy`
   * with `Retry-After` when `atOnce` run and `queue` wait (then `work` never runs).
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.turn();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private async turn(): Promise<void> {
    if (this.running < this.limits.atOnce) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.limits.queue) throw busy();
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    // The turn passes straight to the next waiter (running stays the same).
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
