/**
 * Issue 17: the one rule for characters no text may hold however it arrives (REST, the
 * websocket, the editor): shared/strings.ts `hasForbiddenCharacter`. Checked for every BMP
 * code unit against the definition written out, alone and inside text, and for values.
 */
import { describe, expect, it } from 'vitest';
import { hasForbiddenCharacter, singleLineProblem, valueHasForbiddenCharacter, withoutForbiddenCharacters } from './strings.js';

/** The contract, written out: C0 but TAB/LF/CR, DEL, C1, bidi embedding/override/isolate, surrogates (alone). */
const forbidden = (unit: number): boolean =>
  (unit <= 0x1f && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) ||
  (unit >= 0x7f && unit <= 0x9f) ||
  (unit >= 0x202a && unit <= 0x202e) ||
  (unit >= 0x2066 && unit <= 0x2069) ||
  (unit >= 0xd800 && unit <= 0xdfff);

describe('hasForbiddenCharacter', () => {
  it('refuses exactly the forbidden class, for every BMP code unit alone and inside text', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      expect(hasForbiddenCharacter(char), unit.toString(16)).toBe(forbidden(unit));
      expect(hasForbiddenCharacter(`1.4 ${char}gpj.exe`), unit.toString(16)).toBe(forbidden(unit));
      expect(withoutForbiddenCharacters(`a${char}b`), unit.toString(16)).toBe(forbidden(unit) ? 'ab' : `a${char}b`);
    }
  });

  it.each([
    ['a surrogate pair (emoji)', '😀 🇸🇪 👨‍👩‍👧', false],
    ['Arabic', 'خطة العمل', false],
    ['Hebrew', 'תוכנית', false],
    ['LRM/RLM/ALM marks', '\u200e\u200f\u061c', false],
    ['TAB, LF, CR', 'a\tb\nc\r\n', false],
    ['a lone high surrogate at the end', 'a\ud83d', true],
    ['a lone low surrogate at the start', '\ude00a', true],
    ['two high surrogates', '\ud83d\ud83d\ude00', true],
  ])('%s', (_what, text, refused) => {
    expect(hasForbiddenCharacter(text)).toBe(refused);
    expect(withoutForbiddenCharacters(text) === text).toBe(!refused);
    expect(hasForbiddenCharacter(withoutForbiddenCharacters(text))).toBe(false);
  });

  it('is at most as strict as the single-line REST rule (a refused bidi title is refused here too)', () => {
    for (const char of ['\u0000', '\u202e', '\u2066', '\u009b', '\ud800']) {
      expect(singleLineProblem(`x${char}`)).not.toBeNull();
      expect(hasForbiddenCharacter(`x${char}`)).toBe(true);
    }
  });
});

describe('valueHasForbiddenCharacter', () => {
  it.each([
    ['a string', 'a\u202eb', true],
    ['a nested string', { a: [1, { b: 'x\u0000' }] }, true],
    ['an object key', { 'k\u2067': 1 }, true],
    ['clean JSON', { title: 'Plan', n: 2, list: ['a\tb', null, true] }, false],
    ['binary', new Uint8Array([0, 0x2e, 0x20]), false],
    ['numbers, null, undefined', [1, null, undefined], false],
  ])('%s', (_what, value, refused) => {
    expect(valueHasForbiddenCharacter(value)).toBe(refused);
  });
});
