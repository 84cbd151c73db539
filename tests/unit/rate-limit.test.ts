import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/auth/rate-limit.js';

function limiter(limit: number, windowMs: number, maxKeys?: number) {
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  return { clock, limiter: new RateLimiter(limit, windowMs, () => now, maxKeys) };
}

describe('rate limiter', () => {
  // [limit, window] as DESIGN's table and the log-in throttle use them.
  const shapes: Array<[number, number]> = [
    [10, 60_000],
    [60, 60_000],
    [5, 15 * 60_000],
    [1, 1000],
  ];

  it.each(shapes)('admits %i in %i ms from rest, then refuses with a Retry-After that holds', (limit, windowMs) => {
    const { clock, limiter: l } = limiter(limit, windowMs);
    for (let i = 0; i < limit; i++) expect(l.take('ip')).toBe(0);
    const wait = l.take('ip');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
    // Another key is not affected.
    expect(l.take('other')).toBe(0);
    // Retry-After is honest: just before it, still refused; at it, admitted.
    clock.advance(wait * 1000 - 1001);
    if (wait > 1) expect(l.retryAfter('ip')).toBeGreaterThan(0);
    clock.advance(1001);
    expect(l.take('ip')).toBe(0);
  });

  it.each(shapes)('admits at most %i at once, then one per window/limit, under a steady flood (%i ms)', (limit, windowMs) => {
    const { clock, limiter: l } = limiter(limit, windowMs);
    const interval = windowMs / limit;
    const admitted: number[] = [];
    let t = 0;
    const step = Math.max(1, Math.floor(interval / 7));
    for (let i = 0; i < limit * 40; i++) {
      if (l.take('ip') === 0) admitted.push(t);
      clock.advance(step);
      t += step;
    }
    // n admissions within a span s need s >= (n - limit) · interval: a burst of `limit`
    // from rest, then the long-run rate is exactly `limit` per window.
    for (let i = 0; i < admitted.length; i += 3) {
      for (let j = i + limit; j < admitted.length; j += 5) {
        expect((admitted[j] ?? 0) - (admitted[i] ?? 0)).toBeGreaterThanOrEqual((j - i + 1 - limit) * interval - 1);
      }
    }
    expect(admitted.length).toBeLessThanOrEqual(limit + Math.ceil(t / interval));
    expect(admitted.length).toBeGreaterThan(limit);
  });

  it('keeps at most maxKeys however many addresses a flood brings', () => {
    const { limiter: l } = limiter(10, 60_000, 1000);
    for (let i = 0; i < 50_000; i++) l.hit(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(l.size).toBeLessThanOrEqual(1000);
  });

  it('forgets keys whose window has passed', () => {
    const { clock, limiter: l } = limiter(10, 60_000);
    for (let i = 0; i < 100; i++) l.hit(`k${i}`);
    expect(l.size).toBe(100);
    clock.advance(60_001);
    l.hit('fresh');
    expect(l.size).toBe(1);
  });

  it('reset lets a key start over', () => {
    const { limiter: l } = limiter(1, 60_000);
    l.hit('a');
    expect(l.retryAfter('a')).toBeGreaterThan(0);
    l.reset('a');
    expect(l.retryAfter('a')).toBe(0);
  });

  it.each(shapes)('refund gives back one admitted take of %i in %i ms: refunded takes never use up the limit', (limit, windowMs) => {
    const { limiter: l } = limiter(limit, windowMs);
    for (let i = 0; i < 3 * limit; i++) {
      expect(l.take('a')).toBe(0);
      l.refund('a');
    }
    // A key whose every take was given back is at rest: nothing held for it.
    expect(l.size).toBe(0);
    for (let i = 0; i < limit; i++) expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBeGreaterThan(0);
    l.refund('a');
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBeGreaterThan(0);
    // Refunding a key never seen changes nothing.
    l.refund('b');
    expect(l.size).toBe(1);
  });
});
