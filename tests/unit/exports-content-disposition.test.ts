/** `Content-Disposition` of the file exports: an ASCII `filename` and the exact title as RFC 5987 `filename*`, for any title. */
import { describe, expect, it } from 'vitest';
import { asciiFileName, attachment } from '../../server/export/content-disposition.js';

/** What a browser does with the header: the `filename*` value, decoded. */
function savedName(header: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)$/.exec(header)?.[1];
  if (encoded === undefined) throw new Error(`no filename* in ${header}`);
  // RFC 5987 attr-chars only: no space, quote, semicolon, comma or non-ASCII left raw.
  expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  return decodeURIComponent(encoded);
}

describe('attachment()', () => {
  it.each([
    ['Handlingsplan Klimatnätverket Småland 2027–2028', 'xlsx', 'Handlingsplan-Klimatnatverket-Smaland-2027-2028.xlsx'],
    ['Tiltaksplan Innherred – Ørland og Ærø', 'docx', 'Tiltaksplan-Innherred-Orland-og-AEro.docx'],
    // Saved as it may be on Windows (shared/file-name.test.ts has the whole class).
    ['Plan "A"; (utkast) 50% *ny*', 'csv', 'Plan-A-utkast-50-ny.csv', 'Plan ”A”; (utkast) 50% ny.csv'],
    ["Kim's plan, v2", 'ics', 'Kim-s-plan-v2.ics'],
    ['ÅÄÖ', 'xlsx', 'AAO.xlsx'],
    ['…', 'xlsx', 'dokument.xlsx'],
  ])('%s.%s', (title, extension, ascii, saved = `${title}.${extension}`) => {
    const header = attachment(title, extension);
    expect(header.startsWith(`attachment; filename="${ascii}"; `)).toBe(true);
    expect(asciiFileName(title, extension)).toBe(ascii);
    expect(savedName(header)).toBe(saved);
  });

  it('takes control characters and path separators out of the saved name', () => {
    expect(savedName(attachment('a/b\\c\r\nd', 'xlsx'))).toBe('a b c d.xlsx');
  });

  // Red-team FA2-1: a title set through the websocket is not refused per field.
  it.each([
    ['a right-to-left override', 'faktura\u202Egpj.exe', 'fakturagpj.exe.xlsx'],
    ['isolates and embeddings', '\u2066a\u2069\u202Ab\u202C', 'ab.xlsx'],
    ['noncharacters and a lone surrogate', 'a\uffff\ufffeb\ud800', 'ab.xlsx'],
    ['an emoji across the 150-character cut (the whole name, .xlsx included)', `${'a'.repeat(144)}😀`, `${'a'.repeat(144)}😀.xlsx`],
    ['an emoji one past the cut', `${'a'.repeat(145)}😀`, `${'a'.repeat(145)}.xlsx`],
  ])('takes %s out of the saved name', (_what, title, saved) => {
    expect(savedName(attachment(title, 'xlsx'))).toBe(saved);
  });

  it('fuzz: any title gives a header (never a throw) whose saved name holds no control, bidi control, noncharacter or lone surrogate', () => {
    const pool = ['a', 'å', ' ', '/', '\\', '\r', '\n', '\u0000', '\u0007', '\u202e', '\u2066', '\ufffe', '\uffff', '\ud800', '\udc00', '😀', '\u200b'];
    let state = 7;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 2_000; run++) {
      const title = Array.from({ length: Math.floor(next() * 200) }, () => pool[Math.floor(next() * pool.length)] ?? 'a').join('');
      const saved = savedName(attachment(title, 'docx'));
      expect(saved).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff/\\]/);
      expect(saved.endsWith('.docx')).toBe(true);
    }
  });

  it.each([200, 3_500, 100_000])('a title of %i characters (set over the websocket) gives a header of bounded size, both names cut', (length) => {
    for (const unit of ['A', 'å', '😀', 'e\u0301']) {
      const header = attachment(unit.repeat(length), 'xlsx');
      // Both names at most 150 characters, the extension included: well under any proxy's header buffer.
      expect(/filename="([^"]*)"/.exec(header)?.[1]?.length).toBeLessThanOrEqual(150);
      const graphemes = [...new Intl.Segmenter('sv', { granularity: 'grapheme' }).segment(savedName(header))].length;
      expect(graphemes).toBeLessThanOrEqual(150);
      expect(Buffer.byteLength(header)).toBeLessThan(2_500);
    }
  });
});
