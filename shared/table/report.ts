/**
 * The import report (DESIGN.md "The plan table", amounts in minor units): every stated
 * total checked, every row or cell that could not be read, and — an addition, README
 * "Contract notes" — every value imported that looks like a mistake.
 */
import type { StatedTotal } from './stated-totals.js';

export interface SkippedRow {
  line: number;
  text: string;
  reason: string;
  /**
   * Set when only this cell was left out and the rest of the row was imported; `cells`:
   * cells past the table's six columns.
   */
  field?: 'budget' | 'timeframe' | 'amount' | 'cells';
}

/** A value that was imported but looks wrong: check it (an amount over 10^12 minor units, a negative one, a title cut). */
export interface ImportWarning {
  line: number;
  text: string;
  field: 'budget' | 'amount' | 'title' | 'timeframe';
  reason: string;
}

export interface ImportReport {
  statedTotals: StatedTotal[];
  skipped: SkippedRow[];
  /** Values imported as written that are probably mistakes (addition to DESIGN, see README "Contract notes"). */
  warnings: ImportWarning[];
}

