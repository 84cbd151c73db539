/**
 * Splits a pasted or uploaded plan table into rows of cells with their line numbers.
 *
 * Quoting follows what Excel writes (RFC 4180: a cell wholly in `"…"`, inner quotes
 * doubled, separators and line breaks allowed inside), but leniently, because Word and
 * pasted text put quotes in cells without meaning them as quoting: a cell that starts with
 * a quote is a quoted cell only when its closing quote is followed by the separator, a
 * line break or the end, and does not itself start a cell (a ditto mark `"` after a
 * separator). Otherwise (`"Klimatsmart" skola…`, an unclosed `"Klimatsmart`) the cell is
 * read as written, up to the next separator or line break — it never swallows the rows
 * after it (issue 17). A general CSV library (PapaParse) reads such a
 * cell to the next "valid" quote, often the end of the file, so this reader is our own.
 */

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

/** Excel's first line `sep=;` (also `sep=,`, `sep=<tab>` or `sep=\t`) names the separator. */
const SEP_LINE = /^"?sep=(\\t|\t|;|,)"?[\t;,]*$/i;

/**
 * The separator an Excel `sep=` first line declares, and the text after that line;
 * null when the first line is no such line.
 */
export function readSepLine(text: string): { delimiter: Delimiter; rest: string } | null {
  const lineEnd = text.indexOf('\n');
  // Trim spaces only: `sep=<tab>` ends in the separator it names.
  const first = (lineEnd < 0 ? text : text.slice(0, lineEnd)).replace(/^ +| +$/g, '');
  const match = SEP_LINE.exec(first);
  if (!match) return null;
  const declared = match[1] === '\\t' ? '\t' : match[1];
  const delimiter = DELIMITERS.find((d) => d === declared);
  return delimiter ? { delimiter, rest: lineEnd < 0 ? '' : text.slice(lineEnd + 1) } : null;
}

const QUOTE = 34;
const NEWLINE = 10;
const SPACE = 32;

/**
 * A quoted cell starting at `start` (a `"`): its value and the index after its closing
 * quote (and any spaces after it); undefined when it is not a well-formed quoted cell.
 */
function readQuoted(text: string, start: number, delimiter: Delimiter): { value: string; end: number } | undefined {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return undefined;
    if (text.charCodeAt(quote + 1) === QUOTE) {
      from = quote + 2;
      continue;
    }
    let end = quote + 1;
    while (text.charCodeAt(end) === SPACE) end++;
    const after = text[end];
    if (after !== undefined && after !== delimiter && after !== '\n') return undefined;
    // A quote right after a separator starts a cell of its own (a ditto mark `"`, another
    // stray quote): it never closes this one. (After a line break it may: a cell whose
    // text ends in a line break, as our own export writes it.)
    if (quote - 1 > start && text[quote - 1] === delimiter) return undefined;
    return { value: text.slice(start + 1, quote).replace(/""/g, '"'), end };
  }
}

/** Index of the next separator or line break at or after `from` (or the end). */
function cellEnd(text: string, from: number, delimiterCode: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === delimiterCode || code === NEWLINE) break;
    i++;
  }
  return i;
}

/** One row from `start`: its cells and the index of its line break (or the end). */
function readRow(text: string, start: number, delimiter: Delimiter): { cells: string[]; end: number } {
  const cells: string[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let i = start;
  for (;;) {
    const quoted = text.charCodeAt(i) === QUOTE ? readQuoted(text, i, delimiter) : undefined;
    if (quoted) {
      cells.push(quoted.value.trim());
      i = quoted.end;
    } else {
      const end = cellEnd(text, i, delimiterCode);
      cells.push(text.slice(i, end).trim());
      i = end;
    }
    if (i < text.length && text.charCodeAt(i) === delimiterCode) {
      i++;
      continue;
    }
    return { cells, end: i };
  }
}

/**
 * The rows of `text` (line breaks `\n`, see `normalizeInput`); with `maxRows`, reading
 * stops after that many (the caller checks). `firstLine` is the line number of the text's
 * first line in the file (2 after a `sep=` line).
 */
export function readRows(text: string, delimiter: Delimiter, maxRows = 0, firstLine = 1): TableRow[] {
  const rows: TableRow[] = [];
  let start = 0;
  let line = firstLine;
  while (start <= text.length && (maxRows === 0 || rows.length < maxRows)) {
    const { cells, end } = readRow(text, start, delimiter);
    const raw = text.slice(start, end);
    rows.push({ line, cells, text: raw.trim() });
    line += countLineBreaks(raw) + 1;
    start = end + 1;
  }
  return rows;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function isEmptyRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell === '');
}
