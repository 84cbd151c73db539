/** server/sync/limits.ts TokenBucket: requests priced by what they cost (x14: a sync step 1 by its entries). */
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/sync/limits.js';

describe('TokenBucket', () => {
  it('a full bucket of 20 pays for 20 requests of 1, or 2 of 10, then 1 of 10 a second at 10/s', () => {
    const ones = new TokenBucket(10, 20, 0);
    expect(Array.from({ length: 21 }, () => ones.take(0)).filter(Boolean)).toHaveLength(20);
    const tens = new TokenBucket(10, 20, 0);
    expect([tens.take(0, 10), tens.take(0, 10), tens.take(0, 10)]).toEqual([true, true, false]);
    expect(tens.take(999, 10)).toBe(false);
    expect(tens.take(1000, 10)).toBe(true);
  });

  it('a request dearer than the burst costs the burst: a full bucket always pays for one', () => {
    const bucket = new TokenBucket(1, 2, 0);
    expect(bucket.take(0, 11)).toBe(true);
    expect(bucket.take(1000, 11)).toBe(false);
    expect(bucket.take(2000, 11)).toBe(true);
  });

  it('a refused request takes nothing', () => {
    const bucket = new TokenBucket(10, 20, 0);
    expect(bucket.take(0, 15)).toBe(true);
    expect(bucket.take(0, 10)).toBe(false);
    expect(bucket.take(0, 5)).toBe(true);
  });
});
