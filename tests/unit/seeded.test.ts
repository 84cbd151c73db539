/** tests/support/seeded.ts: the same seed draws the same sequence, in range; an override replaces it. */
import { describe, expect, it } from 'vitest';
import { chooseSeed, mulberry32, seeded, seedMessage, SEED_VARIABLE } from '../support/seeded.js';

describe('seeded', () => {
  it('draws the same sequence for the same seed, another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 50 }, mulberry32(seed));
    expect(draw(17)).toEqual(draw(17));
    expect(draw(17)).not.toEqual(draw(18));
  });

  it.each([0, 1, 17, 2 ** 31 - 1, 2 ** 32 - 1])('seed %i: floats in [0, 1), ints in [0, n), picks from the list', (seed) => {
    const random = seeded(seed);
    for (let i = 0; i < 2_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = 1 + (i % 37);
      const k = random.int(n);
      expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
    }
    expect(random.bytes(24)).toHaveLength(24);
    expect(() => random.pick([])).toThrow();
  });

  it('spreads over the range (no bucket of ten gets under half or over twice its share)', () => {
    const random = seeded(3);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 10_000; i++) {
      const k = random.int(10);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    for (const count of buckets) expect(count > 500 && count < 2_000).toBe(true);
  });

  it.each<[number, string | undefined, number]>([
    [17, undefined, 17],
    [17, '', 17],
    [17, 'abc', 17],
    [17, '-4', 17],
    [17, '1.5', 17],
    [17, '42', 42],
    [17, ' 42 ', 42],
    [17, '0', 0],
  ])('own seed %i with %s=%j runs seed %i', (own, override, expected) => {
    expect(chooseSeed(own, override)).toBe(expected);
  });

  it('a failure says the seed and how to replay it', () => {
    expect(seedMessage(42)).toContain('seed 42');
    expect(seedMessage(42)).toContain(`${SEED_VARIABLE}=42`);
  });
});
