/**
 * The plan table as CSV for Swedish and Norwegian Excel (DESIGN "Audit and exports":
 * `export.csv`): the same rows and columns as the TSV export (export.ts, DESIGN "The plan
 * table"), separated by `;` (what Excel expects where `,` is the decimal mark), CRLF line
 * ends, and a UTF-8 byte order mark — without it Excel reads the file as Windows-1252 and
 * shows "MÃ¥l" for "Mål". Formula-like cells are neutralised as in the TSV (formula-cells.ts),
 * and the importer reads the file back (BOM, `;` and quoted cells included) to the same plan.
 * Text passes through `exportSafe` (strings.ts): no NUL, noncharacter or lone surrogate
 * from the live document reaches the file (red-team FA2-1).
 */
import Papa from 'papaparse';
import type { ActionPlanJSON } from '../model/action-plan.js';
import { planTableRows } from './export.js';
import { exportSafe } from '../strings.js';
import { FORMULA_CELL } from './formula-cells.js';

/** U+FEFF, written first: Excel's signal that the file is UTF-8. */
export const UTF8_BOM = '\ufeff';

/**
 * The plan table as Excel-ready CSV text (a string; encode it as UTF-8).
 * @example exportPlanTableCsv(plan).startsWith('\ufeff') // true
 */
export function exportPlanTableCsv(plan: ActionPlanJSON): string {
  const body = Papa.unparse(planTableRows(exportSafe(plan)), { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_CELL });
  return `${UTF8_BOM}${body}\r\n`;
}
