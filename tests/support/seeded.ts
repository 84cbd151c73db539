/**
 * One seeded generator for every property and fuzz test (issue 17, C item 1): a test that
 * draws from Math.random can pass or fail by chance and its failure cannot be replayed.
 * `seeded(17)` draws the same sequence every run; `SAMPLAN_TEST_SEED=<n>` replaces the seed
 * to explore other sequences, and a failing test prints the seed it ran with, so
 * `SAMPLAN_TEST_SEED=<n> npx vitest run <file>` reproduces it. Pure TS (client tests import
 * it too), no Node types.
 */
import { onTestFailed } from 'vitest';

/** The environment variable that replaces every test's own seed. */
export const SEED_VARIABLE = 'SAMPLAN_TEST_SEED';

/** A replayable source of numbers; `seed` is what it started from. */
export interface Seeded {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One of `items` (which must not be empty). */
  pick<T>(items: readonly T[]): T;
  /** `length` bytes. */
  bytes(length: number): Uint8Array;
}

/** mulberry32: 32-bit state, full period, exact in doubles (the old inline LCGs lost bits past 2^53). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed to run with: `SAMPLAN_TEST_SEED` when it is an integer, else the test's own. */
export function chooseSeed(own: number, override: string | undefined): number {
  if (override === undefined || !/^\d{1,10}$/.test(override.trim())) return own >>> 0;
  return Number(override.trim()) >>> 0;
}

/** What a failing test prints: the seed and how to run it again. */
export function seedMessage(seed: number): string {
  return `seeded test failed with seed ${seed}; replay: ${SEED_VARIABLE}=${seed} npx vitest run <this file>`;
}

function environmentSeed(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[SEED_VARIABLE];
}

/**
 * A seeded generator for the running test; call it inside `it(…)` (it registers the
 * failure message with vitest's onTestFailed, which exists only in a running test).
 * Example: `const random = seeded(17); const n = random.int(300);`
 */
export function seeded(own: number): Seeded {
  const seed = chooseSeed(own, environmentSeed());
  onTestFailed(() => {
    console.error(seedMessage(seed));
  });
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('seeded.pick: no items');
      return items[int(items.length)] as T;
    },
    bytes: (length: number) => Uint8Array.from({ length }, () => int(256)),
  };
}
