/**
 * server/export/docx-xml.ts writes what the `docx` library writes: for the same titles,
 * headings, paragraphs and tables — hostile text included (controls, lone surrogates,
 * XML's own characters, CRLF, blank lines) and random ones — word/document.xml is the same
 * bytes whether docx-parts.ts's objects or docx-xml.ts's strings made it.
 */
import JSZip from 'jszip';
import type { FileChild } from 'docx';
import { describe, expect, it } from 'vitest';
import { amountCell, heading, packDocx, paragraphs, table, title, type CellContent } from '../../server/export/docx-parts.js';
import { headingXml, packDocxXml, paragraphsXml, tableXml } from '../../server/export/docx-xml.js';

async function documentXml(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml;
}

/** One body part, built both ways. */
interface Part {
  objects: FileChild[];
  xml: string;
}

const titlePart = (text: string): Part => ({ objects: [title(text)], xml: headingXml(text, 'title') });
const headingPart = (text: string, level: 1 | 2 | 3): Part => ({ objects: [heading(text, level)], xml: headingXml(text, level) });
const paragraphsPart = (text: string, options: { bold?: boolean; italics?: boolean } = {}): Part => ({ objects: paragraphs(text, options), xml: paragraphsXml(text, options) });
const tablePart = (header: string[], rows: CellContent[][], widths: number[]): Part => ({ objects: [table(header, rows, widths)], xml: tableXml(header, rows, widths) });

async function expectSame(parts: Part[]): Promise<void> {
  const viaObjects = await documentXml(await packDocx('Plan', parts.flatMap((part) => part.objects), 'sv'));
  const viaXml = await documentXml(await packDocxXml('Plan', parts.map((part) => part.xml), 'sv'));
  expect(viaXml).toBe(viaObjects);
}

const HOSTILE = ['', ' ', 'vanlig text', '<b>&amp;"\'</b>', 'rad 1\nrad 2\r\nrad 3\n\n', 'nul\u0000 bell\u0007 tab\t vt\u000b ff\u000c', 'lone \ud800 surrogate \udfff', 'noncharacter \ufffe \uffff', '👨‍👩‍👧 🇸🇪 e\u0301', ']]> <![CDATA[ x'];

describe('docx-xml.ts writes what docx writes', () => {
  it.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('title, headings and paragraphs of %s', { timeout: 30_000 }, async (_name, text) => {
    await expectSame([titlePart(text), headingPart(text, 1), headingPart(text, 2), headingPart(text, 3), paragraphsPart(text), paragraphsPart(text, { italics: true }), paragraphsPart(text, { bold: true })]);
  });

  it.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('table cells of %s', { timeout: 30_000 }, async (_name, text) => {
    const rows: CellContent[][] = [
      [{ bold: text, text }, amountCell(text), text, '', { bold: '', text: text }],
      [{ bold: text }, { bold: 'x', text: '', alignRight: true }, text, text, text],
    ];
    await expectSame([tablePart([text, 'Budget', 'Ansvar', text, 'Mottagare'], rows, [40, 14, 16, 14, 16]), tablePart(['Kostnad', 'Belopp'], [], [80, 20])]);
  });

  it('random documents (fuzz)', { timeout: 60_000 }, async () => {
    let state = 4_711;
    const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)] ?? (values[0] as T);
    const text = () => Array.from({ length: Math.floor(next() * 4) }, () => pick(HOSTILE)).join(pick(['', '\n', ' ']));
    for (let round = 0; round < 20; round++) {
      const parts: Part[] = [titlePart(text())];
      for (let i = Math.floor(next() * 6); i > 0; i--) {
        const columns = 1 + Math.floor(next() * 5);
        const widths = Array.from({ length: columns }, () => 5 + Math.floor(next() * 40));
        const cell = (): CellContent => pick([text(), { bold: text(), text: text() }, amountCell(text()), { bold: text() }]);
        const rows = Array.from({ length: Math.floor(next() * 4) }, () => Array.from({ length: columns }, cell));
        parts.push(pick([headingPart(text(), pick([1, 2, 3] as const)), paragraphsPart(text(), { ...pick([{}, { bold: true }, { bold: false }]), ...pick([{}, { italics: true }, { italics: false }]) })]));
        parts.push(tablePart(Array.from({ length: columns }, text), rows, widths));
      }
      await expectSame(parts);
    }
  });
});
