/**
 * validation.ts `queryInteger`: an integer query parameter is accepted exactly when it is
 * the number's own decimal spelling (what `String(n)` writes) within the range (red team
 * X14). Fuzzed against that oracle with strings built from digits and every character
 * JavaScript's number parsers skip or read (signs, spaces, `x`, `e`, `.`, `_`, other scripts'
 * digits), seeded so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { parseWith, queryInteger } from '../../server/validation.js';
import { seeded } from '../support/seeded.js';

const RANGE = { min: 1, max: 500, fallback: 100 };
const Query = z.object({ limit: queryInteger(RANGE) });

/** The limit read, or the error's message. */
function read(limit: string | undefined): number | string {
  try {
    return parseWith(Query, limit === undefined ? {} : { limit }).limit;
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return error.message;
    throw error;
  }
}

/** The oracle: the integer whose own spelling `text` is, if within the range. */
function expected(text: string): number | null {
  let n: bigint;
  try {
    n = BigInt(text);
  } catch {
    return null;
  }
  return String(n) === text && n >= RANGE.min && n <= RANGE.max ? Number(n) : null;
}

const PIECES = ['0', '1', '5', '9', '00', '50', '500', '501', ' ', '\t', '\n', '+', '-', 'x', 'X', 'e', 'E', '.', '_', 'b', 'o', '\u0661', '\uFF11', '\u00A0', 'Infinity', 'n'];

describe('queryInteger', () => {
  it('takes the fallback when absent, plain digits in range, and names the parameter otherwise', () => {
    expect(read(undefined)).toBe(100);
    expect(read('1')).toBe(1);
    expect(read('500')).toBe(500);
    for (const bad of ['0', '501', '010', '0x10', '1e2', ' 10', '+5', '', '1'.repeat(400)]) expect(read(bad)).toMatch(/^limit: /);
  });

  it('accepts exactly the numbers’ own spellings within the range (fuzz, 20 000 strings)', () => {
    const random = seeded(1414);
    const wrong: Array<{ text: string; got: number | string; want: number | null }> = [];
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + random.int(4) }, () => random.pick(PIECES)).join('');
      const got = read(text);
      const want = expected(text);
      if ((want === null && typeof got === 'number') || (want !== null && got !== want)) wrong.push({ text, got, want });
    }
    expect(wrong).toEqual([]);
  });
});
