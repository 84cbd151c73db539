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
    ['Plan "A"; (utkast) 50% *ny*', 'csv', 'Plan-A-utkast-50-ny.csv'],
    ["Kim's plan, v2", 'ics', 'Kim-s-plan-v2.ics'],
    ['ÅÄÖ', 'xlsx', 'AAO.xlsx'],
    ['…', 'xlsx', 'dokument.xlsx'],
  ])('%s.%s', (title, extension, ascii) => {
    const header = attachment(title, extension);
    expect(header.startsWith(`attachment; filename="${ascii}"; `)).toBe(true);
    expect(asciiFileName(title, extension)).toBe(ascii);
    expect(savedName(header)).toBe(`${title}.${extension}`);
  });

  it('takes control characters and path separators out of the saved name', () => {
    expect(savedName(attachment('a/b\\c\r\nd', 'xlsx'))).toBe('a b c d.xlsx');
  });
});
