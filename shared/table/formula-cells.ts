/**
 * Spreadsheet formula injection (OWASP "CSV Injection", red-team F5 and FA2-3): a plan-table
 * cell that a spreadsheet may run as a formula (or DDE command) when a coordinator opens the
 * exported file. Every export of the plan table prefixes such a cell with `'`, which Excel
 * and LibreOffice show as text and do not display; the import takes exactly that prefix off
 * again, so export → import is lossless.
 *
 * The rule, precisely (decided from OWASP's list `= + - @ TAB CR` and ASVS 1.2.10's NUL,
 * widened because spreadsheets skip leading blanks and some map full-width forms):
 * - A cell *triggers* when, after any number of leading `'`, it starts
 *   - with TAB, CR, LF or NUL (a cell starting with a line break hides what follows it
 *     on the next line: `\n=2+2` was written bare, red-team FA2-3), or
 *   - with one of `= + - @` or their full-width forms `＝ ＋ － ＠` (U+FF1D, U+FF0B,
 *     U+FF0D, U+FF20), after any run of whitespace (`\s`: spaces, NBSP, U+3000 …) or
 *     C0 control characters.
 * - A triggering cell is neutralised unless the whole cell is a negative amount as the
 *   table writes it: `-` then digits, optionally in groups of three separated by single
 *   spaces, optionally `,` and two digits of öre (`-1200`, `-1 200`, `-1 200,50`). A number
 *   is no formula, and amounts must stay numbers to be summed.
 * - Leading `'` count so that a cell the user wrote as `'=x` survives: it is written `''=x`
 *   and read back as `'=x`.
 * - The import removes one leading `'` from a cell that starts with `'` followed, after any
 *   further `'`, by a trigger; nothing else changes.
 */

/** A negative amount in the table's own notation (money.ts formatTableAmount writes these). */
const NEGATIVE_AMOUNT = String.raw`-(?:\d{1,3}(?: \d{3})+|\d+)(?:,\d{2})?$`;

/** What starts a formula (see the rule above); `\s` already holds TAB, CR and LF. */
const TRIGGER = String.raw`(?:[\t\r\n\u0000]|[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20])`;

/**
 * Cells the export neutralises. Not global or sticky: PapaParse calls `test` on it for every
 * cell, and a stateful `lastIndex` would skip cells. `[\s\S]`-free on purpose: only the
 * start of the cell matters, however many lines it has.
 */
export const FORMULA_CELL = new RegExp(String.raw`^(?!${NEGATIVE_AMOUNT})'*${TRIGGER}`);

/** A cell the export neutralised: one `'`, then (after any more `'`) a trigger. */
const NEUTRALISED_CELL = new RegExp(String.raw`^'(?='*${TRIGGER})`);

/**
 * The cell as it is written to a file: `'` + cell when `FORMULA_CELL` matches, else as is.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * @example neutraliseFormula('-1 200') // '-1 200' (an amount)
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_CELL.test(cell) ? `'${cell}` : cell;
}

/**
 * The cell as it was before `neutraliseFormula`: one leading `'` off a neutralised cell.
 * @example restoreFormula(`'=1+1`) // '=1+1'
 * @example restoreFormula(`'quoted`) // `'quoted` (not something the export wrote)
 */
export function restoreFormula(cell: string): string {
  return NEUTRALISED_CELL.test(cell) ? cell.slice(1) : cell;
}
