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
import { addressKey } from './client-address.js';

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

interface Failures {
  count: number;
  lastAt: number;
}

/** The delay after `count` failures under `rule`, ms: 0, then 1 s doubling to the cap. */
export function delayAfter(count: number, rule: ThrottleRule): number {
  if (count < rule.free) return 0;
  return Math.min(1000 * 2 ** Math.min(count - rule.free, 30), rule.maxDelayMs);
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
    const found = this.current(key, now);
    if (!found) return 0;
    return Math.max(0, found.lastAt + delayAfter(found.count, this.rule) - now);
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

export class LoginThrottle {
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
