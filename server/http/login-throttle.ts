/**
 * Log-in throttling that never locks the real owner out (DESIGN "Accounts, sessions, the
 * browser boundary"; OWASP Authentication Cheat Sheet, "Login Throttling").
 *
 * Failed attempts are counted per (account, client address) and per client address, never
 * per account alone: a stranger hammering Anna's account from one address slows down only
 * that address, and Anna, from an address that has not failed, signs in at once. Delays
 * grow with the failures (1 s, 2 s, 4 s … up to 15 min) instead of a fixed lock-out, and
 * counts are forgotten an hour after the last failure. An address gets more free failures
 * than a pair, because a whole town hall may sit behind one address.
 *
 * Memory is bounded: at most `maxKeys` counts per kind; the least recently failed go first.
 */
import { dialectOf, type Kdb } from '../db/kysely.js';
import { addressKey } from './client-address.js';
import { SharedFailures, type FailureCount } from './shared-limit.js';

export interface ThrottleRule {
  /** Failures before any delay. */
  free: number;
  /** Longest delay, ms. */
  maxDelayMs: number;
}

export const PAIR_RULE: ThrottleRule = { free: 3, maxDelayMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { free: 20, maxDelayMs: 15 * 60_000 };
/** A count is forgotten this long after its last failure. */
export const FORGET_AFTER_MS = 60 * 60_000;
export const MAX_THROTTLE_KEYS = 100_000;

type Failures = FailureCount;

/** The delay after `count` failures under `rule`, ms: 0, then 1 s doubling to the cap. */
export function delayAfter(count: number, rule: ThrottleRule): number {
  if (count < rule.free) return 0;
  return Math.min(1000 * 2 ** Math.min(count - rule.free, 30), rule.maxDelayMs);
}

/** Ms from `now` until a key with `failures` (none: 0) may try again under `rule`. */
function waitMsAfter(failures: Failures | undefined, rule: ThrottleRule, now: number): number {
  if (!failures) return 0;
  return Math.max(0, failures.lastAt + delayAfter(failures.count, rule) - now);
}

class FailureCounts {
  private readonly byKey = new Map<string, Failures>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly maxKeys: number,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Ms until `key` may try again. */
  waitMs(key: string, now: number): number {
    return waitMsAfter(this.current(key, now), this.rule, now);
  }

  fail(key: string, now: number): void {
    const count = (this.current(key, now)?.count ?? 0) + 1;
    this.byKey.delete(key);
    this.byKey.set(key, { count, lastAt: now });
    for (const [stale, failures] of this.byKey) {
      if (this.byKey.size <= this.maxKeys && now - failures.lastAt <= FORGET_AFTER_MS) break;
      this.byKey.delete(stale);
    }
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  private current(key: string, now: number): Failures | undefined {
    const found = this.byKey.get(key);
    if (found && now - found.lastAt > FORGET_AFTER_MS) {
      this.byKey.delete(key);
      return undefined;
    }
    return found;
  }
}

/**
 * What log-in and password confirmation ask (server/routes/auth.ts, auth/confirm-password.ts):
 * `LoginThrottle` in one process, `SharedLoginThrottle` across processes on PostgreSQL.
 */
export interface LoginFailures {
  /** Whole seconds `email` must wait before trying from `address`; 0: try now. */
  retryAfter(email: string, address: string): number | Promise<number>;
  /** A wrong password (or no such account) for `email` from `address`. */
  failed(email: string, address: string): void | Promise<void>;
  /** The right password: that pair starts over. */
  succeeded(email: string, address: string): void | Promise<void>;
}

export class LoginThrottle implements LoginFailures {
  private readonly pairs: FailureCounts;
  private readonly addresses: FailureCounts;

  constructor(
    private readonly now: () => number,
    { pair = PAIR_RULE, address = ADDRESS_RULE, maxKeys = MAX_THROTTLE_KEYS } = {},
  ) {
    this.pairs = new FailureCounts(pair, maxKeys);
    this.addresses = new FailureCounts(address, maxKeys);
  }

  /** Counts held (for tests): pairs and addresses. */
  get size(): { pairs: number; addresses: number } {
    return { pairs: this.pairs.size, addresses: this.addresses.size };
  }

  /** Whole seconds `email` must wait before trying from `address`; 0: try now. */
  retryAfter(email: string, address: string): number {
    const now = this.now();
    const key = addressKey(address);
    const waitMs = Math.max(this.pairs.waitMs(pairKey(email, key), now), this.addresses.waitMs(key, now));
    return waitMs === 0 ? 0 : Math.ceil(waitMs / 1000);
  }

  /** A wrong password (or no such account) for `email` from `address`. */
  failed(email: string, address: string): void {
    const now = this.now();
    const key = addressKey(address);
    this.pairs.fail(pairKey(email, key), now);
    this.addresses.fail(key, now);
  }

  /** The right password: that pair starts over (the address keeps its count of others' failures). */
  succeeded(email: string, address: string): void {
    this.pairs.forget(pairKey(email, addressKey(address)));
  }
}

function pairKey(email: string, address: string): string {
  return `${email}\u0000${address}`;
}

/**
 * The same throttle across processes (docs/database.md "Rate limits across processes"): the
 * counts every process writes to `rate_limits` (`SharedFailures`, keys `pair:[email,
 * address]` and `address:address`), under the same rules as one process's `LoginThrottle`.
 * No per-process copy in front: its shorter view would answer a shorter `Retry-After`, and
 * each try already costs a password hash, far more than the one read.
 */
export class SharedLoginThrottle implements LoginFailures {
  constructor(
    private readonly shared: SharedFailures,
    private readonly now: () => number,
    private readonly rules: { pair: ThrottleRule; address: ThrottleRule } = { pair: PAIR_RULE, address: ADDRESS_RULE },
  ) {}

  async retryAfter(email: string, address: string): Promise<number> {
    const now = this.now();
    const [pair, key] = sharedKeys(email, address);
    const found = await this.shared.read([pair, key], now);
    const waitMs = Math.max(waitMsAfter(found.get(pair), this.rules.pair, now), waitMsAfter(found.get(key), this.rules.address, now));
    return waitMs === 0 ? 0 : Math.ceil(waitMs / 1000);
  }

  async failed(email: string, address: string): Promise<void> {
    const now = this.now();
    await Promise.all(sharedKeys(email, address).map((key) => this.shared.fail(key, now)));
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.shared.forget(sharedKeys(email, address)[0]);
  }
}

/** The pair's and the address's keys in `rate_limits` (JSON: no NUL, which PostgreSQL refuses). */
function sharedKeys(email: string, address: string): [pair: string, address: string] {
  const key = addressKey(address);
  return [`pair:${JSON.stringify([email, key])}`, `address:${key}`];
}

/** The log-in throttle for the server's database: shared by every process on PostgreSQL, the process's own on SQLite. */
export function loginThrottleFor(kdb: Kdb, now: () => number): LoginFailures {
  return dialectOf(kdb) === 'postgres' ? new SharedLoginThrottle(new SharedFailures(kdb, 'login', FORGET_AFTER_MS), now) : new LoginThrottle(now);
}
