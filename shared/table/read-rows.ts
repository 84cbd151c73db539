/**
 * Splits a pasted or uploaded plan table into rows of cells with their line numbers,
 * using PapaParse (quoted cells with separators and line breaks, `,` `;` or tab).
 */
import Papa from 'papaparse';

export interface TableRow {
  /** 1-based line in the input where the row starts (a quoted cell may span lines). */
  line: number;
  /** Cells, trimmed. */
  cells: string[];
  /** The row as it was written, for the import report. */
  text: string;
}

export const DELIMITERS = ['\t', ';', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Removes what editors add around the table: a byte-order mark, `\r\n` or `\r` line ends. */
export function normalizeInput(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The rows of `text`; with `maxRows`, reading stops after that many (the caller checks). */
export function readRows(text: string, delimiter: Delimiter, maxRows = 0): TableRow[] {
  const rows: TableRow[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    // 0 reads everything; otherwise PapaParse stops there, so a huge body costs no more.
    preview: maxRows,
    step: (result) => {
      const end = result.meta.cursor;
      const raw = text.slice(offset, end);
      const cells = result.data.map((cell) => cell.trim());
      rows.push({ line, cells, text: raw.replace(/\n$/, '').trim() });
      // The cursor points past the row's line break, so the next row starts there.
      line += countLineBreaks(raw);
      offset = end;
    },
  });
  return rows;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}

export function isEmptyRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell === '');
}
