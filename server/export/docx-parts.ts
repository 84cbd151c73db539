/**
 * Building blocks of the Word exports (`export.docx`, `minutes.docx`) with the `docx`
 * library: headings, paragraphs that keep the text's own line breaks, and full-width
 * tables with a repeated bold header row — the "formal Word layout" offices paste into
 * council papers. Every text passes through `exportText` (shared/strings.ts) here, so no
 * control character, noncharacter or lone surrogate from a document reaches Word's XML,
 * which Word would refuse to open (red-team FA2-1).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type IStylesOptions } from 'docx';
import { exportText } from '../../shared/strings.js';
import { INTL_LOCALE, type Locale } from '../../shared/locale.js';

/** One paragraph per line of `text` (Word ignores `\n` inside a run). */
export function paragraphs(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph[] {
  if (text.trim() === '') return [];
  return exportText(text).split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, ...options })] }));
}

/** A Word heading (Heading 1–3 styles, so Word's navigation pane and table of contents see it). */
export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ text: exportText(text, { multiLine: false }), heading: levels[level] });
}

/** The document's title line (Word's Title style). */
export function title(text: string): Paragraph {
  return new Paragraph({ text: exportText(text, { multiLine: false }), heading: HeadingLevel.TITLE });
}

/** A cell's content: text (lines kept), or a title line in bold with text lines under it. */
export type CellContent = string | { bold: string; text?: string; alignRight?: boolean };

function cell(content: CellContent, widthPct: number, header: boolean): TableCell {
  const raw = typeof content === 'string' ? { bold: '', text: content } : content;
  const spec = { ...raw, bold: exportText(raw.bold), text: exportText(raw.text ?? '') };
  const lines: Paragraph[] = [];
  const alignment = spec.alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT;
  if (spec.bold !== '') lines.push(new Paragraph({ alignment, children: [new TextRun({ text: spec.bold, bold: true })] }));
  for (const line of (spec.text ?? '').split('\n')) {
    if (line !== '' || lines.length === 0) lines.push(new Paragraph({ alignment, children: [new TextRun({ text: line, bold: header })] }));
  }
  return new TableCell({ children: lines, width: { size: widthPct, type: WidthType.PERCENTAGE }, ...(header ? { shading: { fill: 'E8EEF4' } } : {}) });
}

/** A full-width table; `widths` in percent per column; the header row repeats on every page. */
export function table(header: string[], rows: CellContent[][], widths: number[]): Table {
  const headerRow = new TableRow({ tableHeader: true, children: header.map((text, i) => cell(text, widths[i] ?? 10, true)) });
  const bodyRows = rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content, i) => cell(content, widths[i] ?? 10, false)) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [headerRow, ...bodyRows] });
}

/** A right-aligned amount cell. */
export function amountCell(text: string): CellContent {
  return { bold: '', text, alignRight: true };
}

/**
 * The document defaults every export's .docx carries: the language of `locale` (w:lang), so
 * Word proofs a Swedish plan in Swedish whatever its own language (user test u13).
 */
export function docxStyles(locale: Locale): IStylesOptions {
  return { default: { document: { run: { language: { value: INTL_LOCALE[locale] } } } } };
}

/** The .docx bytes of a document made of `children`, titled `name` in its properties, in `locale`'s language. */
export async function packDocx(name: string, children: FileChild[], locale: Locale): Promise<Uint8Array> {
  const document = new Document({ title: exportText(name, { multiLine: false }), creator: 'Samplan', styles: docxStyles(locale), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
