import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleWithin } from './settle-within.js';

describe('settleWithin', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['fulfils in time', () => Promise.resolve('done'), true],
    ['rejects in time', () => Promise.reject(new Error('refused')), true],
    ['never settles', () => new Promise<never>(() => undefined), false],
    ['settles after the bound', () => new Promise<void>((resolve) => setTimeout(resolve, 3_000)), false],
  ])('when the work %s, resolves %s by the bound', async (_what, work, expected) => {
    const result = settleWithin(work(), 2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toBe(expected);
  });
});
