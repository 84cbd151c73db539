/**
 * The history deriver's shadows (server/history/shadows.ts) are bounded by count, idle time
 * and encoded bytes — a whole class, not one size: whatever documents arrive, after `trim`
 * at most `max` are kept and their bytes stay within `maxBytes` unless the one kept is the
 * most recent alone; `get` never drops another shadow (a batch's stored states depend on it).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Shadows } from '../../server/history/shadows.js';
import type { StoredState } from '../../server/history/source.js';

/** A stored state of about `bytes` encoded bytes (one text of that length). */
function storedOf(bytes: number): StoredState {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(bytes));
  return { snapshot: Y.encodeStateAsUpdate(doc), updates: [] };
}

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('history shadows', () => {
  it.each([
    { sizes: [1_000, 1_000, 1_000], maxBytes: 10_000, kept: ['a', 'b', 'c'] },
    { sizes: [6_000, 6_000], maxBytes: 10_000, kept: ['b'] },
    { sizes: [50_000], maxBytes: 10_000, kept: ['a'] },
    { sizes: [3_000, 50_000, 1_000], maxBytes: 10_000, kept: ['c'] },
    { sizes: [4_000, 4_000, 4_000], maxBytes: 10_000, kept: ['b', 'c'] },
  ])('keeps $kept of sizes $sizes within $maxBytes bytes', ({ sizes, maxBytes, kept }) => {
    const shadows = new Shadows({ max: 32, idleMs: 60_000, maxBytes });
    sizes.forEach((size, i) => shadows.get(String.fromCharCode(97 + i), storedOf(size), 0));
    expect(shadows.size).toBe(sizes.length);
    shadows.trim(0);
    expect(sizes.map((_, i) => String.fromCharCode(97 + i)).filter((id) => shadows.has(id))).toEqual(kept);
  });

  it('counts applied updates in the weight and drops what is over it', () => {
    const shadows = new Shadows({ max: 32, idleMs: 60_000, maxBytes: 10_000 });
    shadows.get('a', storedOf(100), 0);
    shadows.get('b', storedOf(100), 1);
    const grown = new Y.Doc();
    grown.getText('t').insert(0, 'y'.repeat(20_000));
    shadows.get('a', undefined, 2);
    shadows.apply('a', [Y.encodeStateAsUpdate(grown)]);
    expect(shadows.get('a', undefined, 3).doc.getText('t').length).toBeGreaterThan(20_000);
    shadows.trim(3);
    expect([shadows.has('a'), shadows.has('b')]).toEqual([true, false]);
  });

  it('drops idle shadows, even the most recent', () => {
    const shadows = new Shadows({ max: 32, idleMs: 1_000, maxBytes: 10_000 });
    shadows.get('a', storedOf(10), 0);
    shadows.trim(1_001);
    expect(shadows.size).toBe(0);
    expect(shadows.bytes).toBe(0);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('stays within its bounds over random use (seed %i)', (seed) => {
    const next = random(seed);
    const options = { max: 4, idleMs: 500, maxBytes: 20_000 };
    const shadows = new Shadows(options);
    const sizes = new Map<string, number>();
    for (let step = 0, now = 0; step < 200; step++, now += Math.floor(next() * 50)) {
      const batch = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => `d${Math.floor(next() * 8)}`))];
      for (const id of batch) {
        const before = shadows.size;
        const known = shadows.has(id);
        if (!known) sizes.set(id, Math.floor(next() * 15_000));
        shadows.get(id, known ? undefined : storedOf(sizes.get(id) ?? 0), now);
        expect(shadows.size).toBe(known ? before : before + 1);
      }
      shadows.trim(now);
      expect(shadows.size).toBeLessThanOrEqual(options.max);
      expect(shadows.bytes <= options.maxBytes || shadows.size === 1).toBe(true);
      if (shadows.size > 0) expect(shadows.has(batch.at(-1) ?? '')).toBe(true);
    }
  });
});
