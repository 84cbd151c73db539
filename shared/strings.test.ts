import { describe, expect, it } from 'vitest';
import { characterLength, cutToLength, exportSafe, exportText, fitsLength, isSimpleUnit, MAX_UNITS_PER_CHARACTER, singleLineProblem, withoutBidiControls } from './strings.js';

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

/** What `cutToLength` must give, from the segmenter over the whole text: whole characters within `max` and its code units. */
function referenceCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const whole = segments(text);
  let kept = 0;
  let units = 0;
  for (const s of whole) {
    if (kept === max || units + s.length > max * MAX_UNITS_PER_CHARACTER) break;
    units += s.length;
    kept++;
  }
  return whole.slice(0, kept).join('');
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
      expect(cutToLength(text, max)).toBe(referenceCut(text, max));
    }
  });

  it('fuzz: cuts long texts exactly as the segmenter does, across its reading windows', () => {
    const next = random(31);
    const pieces = [...ATOMS, 'Aktivitet ', '\r\n', 'x', 'é', '\u200d', '\ufe0f', '👨‍👩‍👧‍👦', '🇸🇪', '🇳', 'a\u0301\u0308'];
    for (let run = 0; run < 200; run++) {
      const text = Array.from({ length: 200 + Math.floor(next() * 1_500) }, () => pieces[Math.floor(next() * pieces.length)] ?? 'a').join('');
      const max = 1 + Math.floor(next() * 1_200);
      expect(cutToLength(text, max)).toBe(referenceCut(text, max));
    }
  });

  it('cuts 20 007 family emoji, flags or stacked marks to 20 000, ten times each, within the test timeout (at once one family cut took 8.4 s)', () => {
    for (const character of ['👨‍👩‍👧‍👦', '🇸🇪', 'a\u0301\u0308']) {
      const text = character.repeat(20_007);
      for (let i = 0; i < 10; i++) expect(cutToLength(text, 20_000)).toBe(character.repeat(20_000));
    }
  });

  it('reads a bounded prefix of a 5 MB text: ten thousand cuts of it finish (unbounded, one cut took 1.9 s)', () => {
    const huge = 'Lång text '.repeat(500_000) + '😀';
    for (let i = 0; i < 10_000; i++) expect(cutToLength(huge, 57)).toBe(huge.slice(0, 57));
    expect(cutToLength('😀'.repeat(10) + huge, 57).length).toBe(20 + 47);
  });
});

/** XML 1.0 `Char`: what an Office file's XML may hold. */
function isXmlChar(codePoint: number): boolean {
  return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
}
const isNoncharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

describe('singleLineProblem (red-team FA2-1: one rule for every single-line text)', () => {
  // [what, text, problem]
  const cases: Array<[string, string, ReturnType<typeof singleLineProblem>]> = [
    ['a forged calendar event', 'Nätverk\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT', 'control'],
    ['a lone LF', 'a\nb', 'control'],
    ['a tab', 'a\tb', 'control'],
    ['NUL', 'a\u0000b', 'control'],
    ['BEL', 'a\u0007b', 'control'],
    ['DEL', 'a\u007fb', 'control'],
    ['C1 NEL', 'a\u0085b', 'control'],
    ['line separator', 'a\u2028b', 'control'],
    ['right-to-left override', 'faktura\u202Egpj.exe', 'bidi'],
    ['left-to-right embedding', '\u202Aab', 'bidi'],
    ['first strong isolate', 'a\u2068b\u2069', 'bidi'],
    ['U+FFFE', 'a\ufffe', 'invalid'],
    ['U+FFFF', 'a\uffff', 'invalid'],
    ['U+FDD0', 'a\ufdd0', 'invalid'],
    ['astral noncharacter', 'a\u{10ffff}', 'invalid'],
    ['lone high surrogate', 'a\ud83d', 'invalid'],
    ['lone low surrogate', '\ude00a', 'invalid'],
    ['only zero-width spaces', '\u200b\u200b\u200b', 'blank'],
    ['zero-width joiners and BOM', '\u200d\ufeff\u2060', 'blank'],
    ['Hangul fillers and braille blank', '\u3164\u115f\u2800', 'blank'],
    ['only spaces', '   \u00a0\u3000', 'blank'],
    ['empty', '', 'blank'],
    ['Swedish title', 'Handlingsplan Klimatnätverket Småland 2027–2028', null],
    ['emoji with ZWJ and a flag', 'Plan 👨‍👩‍👧 🇸🇪', null],
    ['Arabic with RLM', 'خطة\u200f 2027', null],
    ['a zero-width space inside text', 'Plan\u200bA', null],
    ['quotes, semicolons and commas', 'Möte; "A", B \\ C', null],
  ];
  it.each(cases)('%s', (_what, text, problem) => {
    expect(singleLineProblem(text)).toBe(problem);
  });

  it('every BMP code unit on its own inside a title: refused exactly when it is a control, bidi control, noncharacter or surrogate', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      const control = unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029;
      const bidi = (unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069);
      const invalid = isNoncharacter(unit) || (unit >= 0xd800 && unit <= 0xdfff);
      const expected = control ? 'control' : bidi ? 'bidi' : invalid ? 'invalid' : null;
      if (singleLineProblem(`Plan ${c} A`) !== expected) wrong.push(`U+${unit.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('exportText and exportSafe (red-team FA2-1: what every file writer writes)', () => {
  it('removes what XML 1.0 cannot carry and keeps line breaks in multi-line text', () => {
    expect(exportText('A\u0000B\u0007C\ufffeD\uffffE\ud800F')).toBe('ABCDEF');
    expect(exportText('rad 1\r\nrad 2\tx')).toBe('rad 1\r\nrad 2\tx');
    expect(exportText('Plan\r\nBEGIN:VEVENT', { multiLine: false })).toBe('Plan BEGIN:VEVENT');
    expect(exportText('Plan 👍🏽 🇸🇪')).toBe('Plan 👍🏽 🇸🇪');
  });

  it('fuzz: the output holds only XML 1.0 characters, no noncharacter, is idempotent and keeps every allowed character', () => {
    const next = random(41);
    const pool = ['a', 'å', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u000b', '\u001f', '\u007f', '\u0085', '\ufffe', '\uffff', '\ufdd0', '\ud83d', '\ude00', '😀', '\u{1fffe}', '\u202e', '\u200b', '€'];
    const wrong: string[] = [];
    for (let run = 0; run < 1_500; run++) {
      const text = Array.from({ length: Math.floor(next() * 20) }, () => pool[Math.floor(next() * pool.length)] ?? 'a').join('');
      for (const multiLine of [true, false]) {
        const out = exportText(text, { multiLine });
        for (const ch of out) {
          const cp = ch.codePointAt(0) ?? 0;
          const allowed = isXmlChar(cp) && !isNoncharacter(cp) && !(cp >= 0x7f && cp <= 0x9f) && (multiLine || !'\t\n\r'.includes(ch));
          if (!allowed) wrong.push(`U+${cp.toString(16)} in ${JSON.stringify(out)}`);
        }
        expect(exportText(out, { multiLine })).toBe(out);
        const kept = [...text].filter((ch) => exportText(ch) === ch && !(multiLine === false && '\t\n\r'.includes(ch)));
        expect([...out].filter((ch) => ch !== ' ').join('')).toBe(kept.filter((ch) => ch !== ' ').join(''));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('exportSafe cleans every string of a document, deep, and leaves numbers, booleans and null', () => {
    const doc = { title: 'T\uffff', n: 3, ok: true, none: null, items: [{ title: 'a\u0000', tags: ['x\ud800'] }] };
    expect(exportSafe(doc)).toEqual({ title: 'T', n: 3, ok: true, none: null, items: [{ title: 'a', tags: ['x'] }] });
  });

  it('withoutBidiControls strips overrides, embeddings and isolates only', () => {
    expect(withoutBidiControls('faktura\u202Egpj.exe\u2066x\u2069\u200f')).toBe('fakturagpj.exex\u200f');
  });
});
