import { describe, expect, it } from 'vitest';
import { characterLength, cutToLength, fitsLength, isSimpleUnit, MAX_UNITS_PER_CHARACTER } from './strings.js';

const segments = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Characters that `slice` breaks: surrogate pairs, ZWJ sequences, modifiers, flags, combining marks. */
const ATOMS = ['a', 'å', 'e\u0301', 'o\u0308\u0304', '😀', '👍🏽', '👨‍👩‍👧‍👦', '🇸🇪', '1️⃣', '🏳️‍🌈', '한', '\u1100\u1161\u11a8', ' ', '–'];

/** A deterministic generator, so a failure is repeatable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('cutToLength', () => {
  // [what, text, max, expected]
  const cases: Array<[string, string, number, string]> = [
    ['an emoji at the boundary', 'a'.repeat(199) + '😀x', 200, 'a'.repeat(199) + '😀'],
    ['an emoji one past it', 'a'.repeat(200) + '😀', 200, 'a'.repeat(200)],
    ['a skin tone stays with its hand', 'ab👍🏽c', 3, 'ab👍🏽'],
    ['a family is one character', 'x👨‍👩‍👧‍👦y', 2, 'x👨‍👩‍👧‍👦'],
    ['a flag is not two letters', '🇸🇪🇳🇴', 1, '🇸🇪'],
    ['an accent stays on its letter', 'Cafe\u0301s', 4, 'Cafe\u0301'],
    ['short text is kept', 'Plan', 200, 'Plan'],
  ];
  it.each(cases)('%s', (_what, text, max, expected) => {
    expect(cutToLength(text, max)).toBe(expected);
    expect(LONE_SURROGATE.test(cutToLength(text, max))).toBe(false);
  });

  it('fuzz: whole characters, a prefix, within the limit, and as long as the limit allows', () => {
    const next = random(17);
    for (let run = 0; run < 2_000; run++) {
      const parts = Array.from({ length: Math.floor(next() * 40) }, () => ATOMS[Math.floor(next() * ATOMS.length)] ?? 'a');
      const text = parts.join('');
      const max = 1 + Math.floor(next() * 30);
      const cut = cutToLength(text, max);
      expect(text.startsWith(cut)).toBe(true);
      expect(LONE_SURROGATE.test(cut)).toBe(false);
      expect(characterLength(cut)).toBeLessThanOrEqual(max);
      expect(fitsLength(cut, max)).toBe(true);
      // Cut on a boundary of the text's own characters, and no earlier than needed.
      const whole = segments(text);
      const kept = segments(cut);
      expect(whole.slice(0, kept.length)).toEqual(kept);
      if (kept.length < whole.length) expect(fitsLength(cut + (whole[kept.length] ?? ''), max)).toBe(false);
    }
  });

  it('bounds a character of stacked combining marks by code units', () => {
    const zalgo = 'a' + '\u0301'.repeat(10_000);
    expect(characterLength(zalgo)).toBe(1);
    expect(fitsLength(zalgo, 200)).toBe(false);
    expect(cutToLength('x' + zalgo, 200)).toBe('x');
    expect(cutToLength('x'.repeat(10), 200).length).toBeLessThanOrEqual(200 * MAX_UNITS_PER_CHARACTER);
  });
});

describe('characterLength and fitsLength', () => {
  it.each([
    ['', 0],
    ['åäö', 3],
    ['👨‍👩‍👧‍👦', 1],
    ['🇸🇪🇳🇴', 2],
    ['e\u0301', 1],
  ])('%j has %d characters', (text, length) => {
    expect(characterLength(text)).toBe(length);
  });

  it('lets 200 emoji fit a 200-character limit that slice would count as 400', () => {
    expect(fitsLength('😀'.repeat(200), 200)).toBe(true);
    expect(fitsLength('😀'.repeat(201), 200)).toBe(false);
  });
});

describe('the segmenter-free fast path (red-team F1: validation of a 20 000-row plan took 10 s)', () => {
  it('every simple code unit is a character of its own between any two letters, and next to itself', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      if (!isSimpleUnit(c, 0)) continue;
      expect(segments(`a${c}a`), `U+${unit.toString(16)}`).toEqual(['a', c, 'a']);
      expect(segments(c + c), `U+${unit.toString(16)}`).toEqual([c, c]);
    }
  });

  it('what the segmenter needs is never simple: CR, combining marks, ZWJ, variation selectors, surrogates', () => {
    for (const c of ['\r', '\u0301', '\u200d', '\ufe0f', '\ud83d', '\udc4d', '\u1100', '\u0e33']) expect(isSimpleUnit(c, 0)).toBe(false);
  });

  it('fuzz: counts and cuts exactly as the segmenter does, on mixed simple and complex text', () => {
    const next = random(29);
    const pieces = [...ATOMS, 'Aktivitet ', '”', '€', '\r\n', '\r', '\n', '\t', 'x', 'é', '\u00ad', '‼', '\ufe0f', '\u200d'];
    for (let run = 0; run < 3_000; run++) {
      const text = Array.from({ length: Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)] ?? 'a').join('');
      const max = 1 + Math.floor(next() * 40);
      expect(characterLength(text)).toBe(segments(text).length);
      const whole = segments(text);
      let kept = 0;
      let units = 0;
      for (const s of whole) {
        if (kept === max || units + s.length > max * MAX_UNITS_PER_CHARACTER) break;
        units += s.length;
        kept++;
      }
      expect(cutToLength(text, max)).toBe(text.length <= max ? text : whole.slice(0, kept).join(''));
    }
  });

  it('reads a bounded prefix of a 5 MB text: ten thousand cuts of it finish (unbounded, one cut took 1.9 s)', () => {
    const huge = 'Lång text '.repeat(500_000) + '😀';
    for (let i = 0; i < 10_000; i++) expect(cutToLength(huge, 57)).toBe(huge.slice(0, 57));
    expect(cutToLength('😀'.repeat(10) + huge, 57).length).toBe(20 + 47);
  });
});
