import { describe, expect, it } from 'vitest';
import { ADDRESS_RULE, delayAfter, FORGET_AFTER_MS, LoginThrottle, PAIR_RULE } from '../../server/http/login-throttle.js';

function throttle(maxKeys?: number) {
  let now = 5_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  return { clock, t: new LoginThrottle(() => now, maxKeys ? { maxKeys } : {}) };
}

const ANNA = 'anna@kommun.se';
const ATTACKER = '198.51.100.66';
const OWNER = '203.0.113.10';

describe('log-in throttling', () => {
  it('delays grow 1 s, 2 s, 4 s … after the free failures, up to 15 minutes', () => {
    const rows: Array<[number, number]> = [
      [0, 0],
      [PAIR_RULE.free - 1, 0],
      [PAIR_RULE.free, 1000],
      [PAIR_RULE.free + 1, 2000],
      [PAIR_RULE.free + 3, 8000],
      [PAIR_RULE.free + 20, 15 * 60_000],
      [10_000, 15 * 60_000],
    ];
    for (const [count, delay] of rows) expect(delayAfter(count, PAIR_RULE)).toBe(delay);
  });

  // [what the attacker does from ATTACKER, then: may the owner (correct password) sign in
  //  from OWNER at once?, and is the attacker's next try delayed?]
  const scenarios: Array<[string, (t: LoginThrottle) => void, boolean, boolean]> = [
    ['hammers Anna 500 times', (t) => repeat(500, () => t.failed(ANNA, ATTACKER)), true, true],
    ['sprays 500 accounts', (t) => repeat(500, (i) => t.failed(`user${i}@kommun.se`, ATTACKER)), true, true],
    ['fails twice (under the free count)', (t) => repeat(2, () => t.failed(ANNA, ATTACKER)), true, false],
    // Rotating within one IPv6 /64 is one address.
    ['hammers Anna from a /64', (t) => repeat(500, (i) => t.failed(ANNA, `2001:db8:1:2::${i.toString(16)}`)), true, true],
  ];
  it.each(scenarios)('attacker %s: the owner from another address gets in; the attacker waits', (_what, attack, ownerFree, attackerWaits) => {
    const { t } = throttle();
    attack(t);
    expect(t.retryAfter(ANNA, OWNER) === 0).toBe(ownerFree);
    const attackerAddress = _what.includes('/64') ? '2001:db8:1:2::ffff' : ATTACKER;
    expect(t.retryAfter(ANNA, attackerAddress) > 0).toBe(attackerWaits);
  });

  it('the owner who mistypes from her own address is slowed only for that address', () => {
    const { t } = throttle();
    repeat(PAIR_RULE.free + 2, () => t.failed(ANNA, OWNER));
    expect(t.retryAfter(ANNA, OWNER)).toBe(4);
    expect(t.retryAfter(ANNA, ATTACKER)).toBe(0);
    // Another person at her address is not slowed by her mistakes.
    expect(t.retryAfter('erik@kommun.se', OWNER)).toBe(0);
    t.succeeded(ANNA, OWNER);
    expect(t.retryAfter(ANNA, OWNER)).toBe(0);
  });

  it('an address delays every account once past its own free count', () => {
    const { t } = throttle();
    repeat(ADDRESS_RULE.free, (i) => t.failed(`u${i}@kommun.se`, ATTACKER));
    expect(t.retryAfter('new@kommun.se', ATTACKER)).toBeGreaterThan(0);
  });

  it('waiting out the delay lets the next try through', () => {
    const { clock, t } = throttle();
    repeat(PAIR_RULE.free + 4, () => t.failed(ANNA, ATTACKER));
    const wait = t.retryAfter(ANNA, ATTACKER);
    expect(wait).toBe(16);
    clock.advance(wait * 1000 - 1);
    expect(t.retryAfter(ANNA, ATTACKER)).toBe(1);
    clock.advance(1);
    expect(t.retryAfter(ANNA, ATTACKER)).toBe(0);
  });

  it('forgets failures an hour after the last one', () => {
    const { clock, t } = throttle();
    repeat(30, () => t.failed(ANNA, ATTACKER));
    clock.advance(FORGET_AFTER_MS + 1);
    expect(t.retryAfter(ANNA, ATTACKER)).toBe(0);
  });

  it('holds bounded memory under failures from many distinct addresses and accounts', () => {
    const { t } = throttle(1000);
    for (let i = 0; i < 20_000; i++) t.failed(`u${i}@x.se`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect(t.size.pairs).toBeLessThanOrEqual(1000);
    expect(t.size.addresses).toBeLessThanOrEqual(1000);
  });
});

function repeat(times: number, action: (i: number) => void): void {
  for (let i = 0; i < times; i++) action(i);
}
