/**
 * The import report (DESIGN.md "The plan table", amounts in minor units): every stated
 * total checked, every row that was not imported, and — an addition, README "Contract
 * notes" — every row imported with a cell to check (unreadable and left out, or kept but
 * doubtful). A row is in one of the two lists, never both.
 */
import type { StatedTotal } from './stated-totals.js';

/** A row that was not imported at all (of no kind the layout knows, or a stated total that could not be read). */
export interface SkippedRow {
  line: number;
  text: string;
  reason: string;
}

/**
 * A row that was imported, with a cell to check (issue 17: each row is in exactly one
 * place of the report). Either the cell's value was kept but looks wrong (an amount over
 * 10^12 minor units, a negative one, a title cut, an impossible date), or the cell could
 * not be read and the row was imported without it (its `reason` says which cell and what
 * was kept); `cells`: cells past the table's six columns, left out.
 */
export interface ImportWarning {
  line: number;
  text: string;
  /** `title`: a title or label cut to 200 characters; `text`: any other text cut to 20 000. */
  field: 'budget' | 'amount' | 'title' | 'text' | 'timeframe' | 'cells';
  reason: string;
}

export interface ImportReport {
  statedTotals: StatedTotal[];
  skipped: SkippedRow[];
  /** Rows imported with a cell left out or doubtful (addition to DESIGN, see README "Contract notes"). */
  warnings: ImportWarning[];
}

