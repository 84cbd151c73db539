/**
 * Plan-table bytes to text (issue 17): declared charsets decoded, UTF-8/UTF-16/Windows-1252
 * detected, undecodable bodies refused with the encoding named — and the real-shaped
 * files in tests/fixtures/ imported end to end by the worker's `buildImport`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildImport } from '../../server/import/build-import.js';
import { charsetOf, decodeTable } from '../../server/import/decode-table.js';
import { actionPlanToJSON, allActivities } from '../../shared/model/action-plan.js';
import { ImportError } from '../../shared/table/errors.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const TEXT = 'Mål;Aktiviteter;Budget\nÅtgärd för växthusgaser: 1\u00a0000 kr – "citat" €';

/** `text` in an encoding Node's Buffer cannot write: Windows-1252 (Latin-1 plus € – at 0x80…0x9f). */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '”': 0x94 };
  return Uint8Array.from([...text].map((char) => extra[char] ?? char.charCodeAt(0)));
}
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const bom = (bytes: Uint8Array, ...mark: number[]) => Uint8Array.from([...mark, ...bytes]);

describe('decodeTable', () => {
  // [what, bytes, declared charset]
  const readable: Array<[string, Uint8Array, string | undefined]> = [
    ['UTF-8, no BOM, nothing declared', Buffer.from(TEXT), undefined],
    ['UTF-8 with BOM', bom(Buffer.from(TEXT), 0xef, 0xbb, 0xbf), undefined],
    ['UTF-8 declared', Buffer.from(TEXT), 'utf-8'],
    ['UTF-16LE with BOM (Excel "Unicode text")', bom(Buffer.from(TEXT, 'utf16le'), 0xff, 0xfe), undefined],
    ['UTF-16BE with BOM', bom(utf16be(TEXT), 0xfe, 0xff), undefined],
    ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le'), undefined],
    ['UTF-16BE without BOM', utf16be(TEXT), undefined],
    ['UTF-16LE declared', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
    ['Windows-1252, nothing declared (Swedish Excel)', windows1252(TEXT), undefined],
    ['Windows-1252 declared', windows1252(TEXT), 'windows-1252'],
    ['ISO-8859-1 declared (browsers read it as Windows-1252)', windows1252(TEXT), 'iso-8859-1'],
    ['cp1252 label', windows1252(TEXT), 'cp1252'],
    ['a BOM wins over a wrong declaration', bom(Buffer.from(TEXT), 0xef, 0xbb, 0xbf), 'windows-1252'],
  ];
  it.each(readable)('%s', (_what, bytes, charset) => {
    expect(decodeTable(bytes, charset).replace(/^\uFEFF/, '')).toBe(TEXT);
  });

  // [what, bytes, declared charset, the encoding the message names]
  const refused: Array<[string, Uint8Array, string, string]> = [
    ['Windows-1252 bytes declared UTF-8', windows1252(TEXT), 'utf-8', 'UTF-8'],
    ['an unknown charset', Buffer.from(TEXT), 'klingon-8', 'klingon-8'],
    ['UTF-16 with an odd byte count', Buffer.from(TEXT + 'x', 'utf16le').subarray(0, 9), 'utf-16le', 'UTF-16LE'],
  ];
  it.each(refused)('refuses %s with import.encoding naming it', (_what, bytes, charset, named) => {
    expect(() => decodeTable(bytes, charset)).toThrow(ImportError);
    expect(() => decodeTable(bytes, charset)).toThrow(expect.objectContaining({ code: 'import.encoding', message: expect.stringContaining(named) }));
  });
});

describe('charsetOf', () => {
  it.each([
    ['text/csv; charset=windows-1252', 'windows-1252'],
    ['text/csv;charset="UTF-16LE"', 'utf-16le'],
    ['text/tab-separated-values; header=present; Charset=ISO-8859-1', 'iso-8859-1'],
    ['text/csv', undefined],
    ['text/csv; charset=', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, charset) => {
    expect(charsetOf(header)).toBe(charset);
  });
});

function imported(name: string, charset?: string) {
  const built = buildImport({ bytes: fixture(name), maxRows: 20_000, ...(charset ? { charset } : {}) });
  const doc = new Y.Doc();
  for (const update of built.updates) Y.applyUpdate(doc, update);
  return { ...built, json: actionPlanToJSON(doc) };
}

describe('real-shaped files, end to end', () => {
  it.each([undefined, 'windows-1252'])('Windows-1252 CSV from Swedish Excel with sep=; (charset %s)', (charset) => {
    const { title, json, report } = imported('handlingsplan-windows-1252-sep.csv', charset);
    expect(title).toBe('Handlingsplan Energinätverket Höglandet 2027–2028');
    expect(json.subtitle).toBe('Ett samarbete mellan Eksjö, Nässjö och Sävsjö');
    expect(allActivities(json).map((a) => [a.number, a.description, a.budget])).toEqual([
      ['1.1', 'Kartläggning; rapport per kommun', 1_234_567_00],
      ['1.2', 'Tre dagar på Öland – ”studieresa”', 96_500_00],
    ]);
    expect(json.costs).toEqual([expect.objectContaining({ section: 'Projektledning', label: 'Nätverkssamordnare', amount: 450_000_00 })]);
    expect(report.statedTotals.map((t) => t.ok)).toEqual([true, true]);
    expect(report.skipped).toEqual([]);
  });

  it('UTF-16LE "Unicode text" with BOM, quoted cells and a line break in a cell', () => {
    const { title, json, report } = imported('handlingsplan-unicode-text.txt');
    expect(title).toBe('Handlingsplan Klimatsmart skola 2027');
    expect(allActivities(json).map((a) => [a.number, a.title, a.description])).toEqual([
      ['1.1', '"Klimatsmart" skola', 'Utbildning för lärare och elever'],
      ['1.2', 'Skolgårdar', 'Plantering\nOch regnbäddar'],
    ]);
    expect(report.statedTotals).toEqual([expect.objectContaining({ stated: 200_000_00, ok: true })]);
    expect(report.skipped).toEqual([]);
  });

  it('a Word paste whose cells start with stray quotes, and Norwegian dot grouping', () => {
    const { json, report } = imported('handlingsplan-quoted-cell.tsv');
    expect(allActivities(json).map((a) => [a.number, a.description, a.budget])).toEqual([
      ['1.1', '"Klimatsmart" skola – resor utan bil', 50_000_00],
      ['1.2', '"Klimatsmart mat i matsalen', 70_000_00],
      ['2.1', 'På kommunens tak', 1_234_567_00],
    ]);
    expect(report.statedTotals).toEqual([expect.objectContaining({ stated: 1_354_567_00, computed: 1_354_567_00, ok: true })]);
    expect(report.skipped).toEqual([]);
  });

  it('refuses the Windows-1252 file declared as UTF-8, naming UTF-8', () => {
    expect(() => imported('handlingsplan-windows-1252-sep.csv', 'utf-8')).toThrow(expect.objectContaining({ code: 'import.encoding' }));
  });
});
