/**
 * The rows after a plan table's header (DESIGN.md "The plan table"): goals, activities,
 * cost sections and their lines, summary rows. Each row is read by the one kind it is, or
 * reported; every cell that cannot be read as the layout says is reported too, and every
 * amount read but doubted is warned about — nothing is dropped silently (issue 17).
 */
import type { ActionPlanInit, ActivityInit, CostJSON, PlanBudgetJSON } from '../model/action-plan.js';
import { isValidDate } from '../dates.js';
import { IMPLAUSIBLE_AMOUNT, formatTableAmount, parseAmount } from '../money.js';
import type { ImportWarning, SkippedRow } from './report.js';
import type { TableRow } from './read-rows.js';
import type { StatedTotalRow } from './stated-totals.js';
import { restoreFormula } from './formula-cells.js';
import { fitTexts } from './fit-texts.js';
import {
  ACTIVITY_ROW,
  ACTIVITY_WORDS,
  BUDGET_WORDS,
  FRAME_WITH_INCOME,
  FRAME_WITHOUT_INCOME,
  GOAL_ROW,
  SPENT_BEFORE,
  STATED_TOTAL,
} from './vocabulary.js';

export type Goal = NonNullable<ActionPlanInit['goals']>[number] & { activities: ActivityInit[] };

/** The table's columns; an activity row's cells past them are reported, not dropped. */
const WIDTH = 6;

export const normalized = (cell: string | undefined) => (cell ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Cells after `from` are all empty. */
function restEmpty(row: TableRow, from: number): boolean {
  return row.cells.slice(from).every((cell) => cell === '');
}

function isSectionHeading(row: TableRow): boolean {
  const [label, activities, budget] = row.cells.map(normalized);
  return label !== '' && ACTIVITY_WORDS.includes(activities ?? '') && BUDGET_WORDS.includes(budget ?? '');
}

/** Splits `Mål N <title>. <description>`: the title is the first sentence. */
function splitGoalText(text: string): { title: string; description: string } {
  const cut = /[.!?](\s+)/.exec(text);
  if (!cut) return { title: text.replace(/\.$/, '').trim(), description: '' };
  const end = cut.index + (cut[0].startsWith('.') ? 0 : 1);
  return { title: text.slice(0, end).trim(), description: text.slice(cut.index + cut[0].length).trim() };
}

const SINGLE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_RANGE = /^(\d{4}-\d{2}-\d{2})?\s*[-–—]\s*(\d{4}-\d{2}-\d{2})?$/;

/**
 * `YYYY-MM-DD - YYYY-MM-DD`, one date (start = end), an open start or end, or empty.
 * Dates are kept as written (an impossible one becomes a `date.invalid` issue);
 * undefined when the text is no timeframe at all.
 */
export function parseTimeframe(text: string): { start: string | null; end: string | null } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return { start: null, end: null };
  if (SINGLE_DATE.test(trimmed)) return { start: trimmed, end: trimmed };
  const range = DATE_RANGE.exec(trimmed);
  if (!range || (range[1] === undefined && range[2] === undefined)) return undefined;
  return { start: range[1] ?? null, end: range[2] ?? null };
}

/** `Redan förbrukade medel (kr t.o.m. 2026-12-31):` → `Redan förbrukade medel`. */
function cleanLabel(label: string): string {
  return label.replace(/:\s*$/, '').replace(/\s*\([^)]*\)\s*$/, '').trim();
}

/** Collects a plan from the rows after the header, and the report of what it could not read. */
export class PlanRows {
  readonly skipped: SkippedRow[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly goals: Goal[] = [];
  readonly orphanActivities: ActivityInit[] = [];
  readonly costs: Array<Omit<CostJSON, 'id'>> = [];
  readonly budget: PlanBudgetJSON = { frame: null, frameWithIncome: null, spentBefore: null, spentBeforeDate: null };
  readonly statedRows: StatedTotalRow[] = [];
  /** The cost section the rows are in, or null outside one. */
  private section: string | null = null;

  /** Reads one row as the first kind it matches; a row of no kind is reported. */
  read(tableRow: TableRow): void {
    // The `'` our export put before formula-like cells is not part of the plan (formula-cells.ts).
    const row = { ...tableRow, cells: tableRow.cells.map(restoreFormula) };
    const [first = ''] = row.cells;
    const goalMatch = GOAL_ROW.exec(first);
    if (goalMatch && restEmpty(row, 1)) {
      this.section = null;
      const goal = fitTexts({ number: goalMatch[1] ?? '', ...splitGoalText(goalMatch[2] ?? ''), activities: [] }, ['title', 'description'], row, this.warnings);
      this.goals.push(goal);
      return;
    }
    const activityMatch = ACTIVITY_ROW.exec(first);
    if (activityMatch && this.section === null) return this.activity(row, activityMatch[1] ?? '', activityMatch[2] ?? '');
    if (isSectionHeading(row)) {
      this.section = first;
      return;
    }
    if (/:\s*$/.test(first) && restEmpty(row, 2)) return this.summary(row);
    if (this.section !== null && first !== '' && restEmpty(row, 3)) {
      const amount = this.amountOf(row, row.cells[2] ?? '', 'amount', 'Belopp', 'kostnadsraden importerades utan belopp');
      this.costs.push(fitTexts({ section: this.section, label: first, description: row.cells[1] ?? '', amount }, ['section', 'label', 'description'], row, this.warnings));
      return;
    }
    this.skipped.push({
      line: row.line,
      text: row.text,
      reason: 'Raden är varken ett mål, en aktivitet, en kostnadsrad eller en summeringsrad och importerades inte.',
    });
  }

  /**
   * Dates are imported as written, so the report names every one the plan will flag: a
   * day the calendar lacks (2027-02-30), and a timeframe that ends before it starts.
   */
  private checkDates(row: TableRow, start: string | null, end: string | null): void {
    const impossible = [start, end].filter((date, i, both): date is string => date !== null && both.indexOf(date) === i && !isValidDate(date));
    for (const date of impossible) {
      this.warnings.push({ line: row.line, text: row.text, field: 'timeframe', reason: `Datumet ${date} finns inte i kalendern; det importerades som det står och visas under Att åtgärda.` });
    }
    if (impossible.length === 0 && start !== null && end !== null && end < start) {
      this.warnings.push({ line: row.line, text: row.text, field: 'timeframe', reason: `Tidplanen slutar ${end}, före sin start ${start}; kontrollera datumen.` });
    }
  }

  private activity(row: TableRow, number: string, title: string): void {
    const [, description = '', budgetCell = '', responsible = '', timeframeCell = '', recipients = ''] = row.cells;
    const budget = this.amountOf(row, budgetCell, 'budget', 'Budget', 'aktiviteten importerades utan budget');
    const timeframe = parseTimeframe(timeframeCell);
    if (timeframe === undefined) {
      this.warnings.push({
        line: row.line,
        text: row.text,
        field: 'timeframe',
        reason: `Tidplan: ”${timeframeCell}” kunde inte läsas (ÅÅÅÅ-MM-DD - ÅÅÅÅ-MM-DD); aktiviteten importerades utan datum.`,
      });
    }
    const extra = row.cells.slice(WIDTH).filter((cell) => cell !== '');
    if (extra.length > 0) {
      this.warnings.push({
        line: row.line,
        text: row.text,
        field: 'cells',
        reason: `Raden har fler celler än tabellens ${WIDTH} kolumner; ”${extra.join(' | ')}” importerades inte.`,
      });
    }
    const start = timeframe?.start ?? null;
    const end = timeframe?.end ?? null;
    this.checkDates(row, start, end);
    const texts = ['title', 'description', 'responsible', 'recipients'] as const;
    const activity: ActivityInit = fitTexts({ number, title: title.trim(), description, budget, responsible, start, end, recipients }, texts, row, this.warnings);
    const goal = this.goals.at(-1);
    if (goal) goal.activities.push(activity);
    else this.orphanActivities.push(activity);
  }

  /** A `label:` | amount row after the table: a stated total, a budget figure or a standalone cost line. */
  private summary(row: TableRow): void {
    const [first = '', second = ''] = row.cells;
    const label = cleanLabel(first);
    this.section = null;
    if (STATED_TOTAL.test(label)) {
      const stated = parseAmount(second);
      if (stated === undefined || stated === null) {
        this.skipped.push({ line: row.line, text: row.text, reason: `Summan ”${second}” kunde inte läsas; raden importerades inte och summan kontrollerades inte.` });
      } else {
        this.statedRows.push({ label: first.replace(/:\s*$/, ''), terms: label.replace(STATED_TOTAL, ''), stated });
      }
    } else if (SPENT_BEFORE.test(label)) {
      this.budget.spentBefore = this.amountOf(row, second, 'amount', 'Belopp', 'raden importerades utan belopp');
      this.budget.spentBeforeDate = /(\d{4}-\d{2}-\d{2})/.exec(first)?.[1] ?? null;
    } else if (FRAME_WITHOUT_INCOME.test(label)) {
      this.budget.frame = this.amountOf(row, second, 'amount', 'Belopp', 'raden importerades utan belopp');
    } else if (FRAME_WITH_INCOME.test(label)) {
      this.budget.frameWithIncome = this.amountOf(row, second, 'amount', 'Belopp', 'raden importerades utan belopp');
    } else {
      const amount = this.amountOf(row, second, 'amount', 'Belopp', 'kostnadsraden importerades utan belopp');
      this.costs.push(fitTexts({ section: '', label, description: '', amount }, ['label'], row, this.warnings));
    }
  }

  /**
   * The amount in `cell` in minor units, null when empty. Unreadable: a warning naming the
   * cell (`column`) and saying what was imported without it (`kept`) — the row was read, so
   * it is never among the skipped rows. Negative or above `IMPLAUSIBLE_AMOUNT`: kept, and a
   * warning says to check it.
   */
  private amountOf(row: TableRow, cell: string, field: 'budget' | 'amount', column: string, kept: string): number | null {
    const amount = parseAmount(cell);
    if (amount === undefined) {
      this.warnings.push({ line: row.line, text: row.text, field, reason: `${column}: ”${cell}” kunde inte läsas som ett belopp; ${kept}.` });
      return null;
    }
    if (amount !== null && amount < 0) {
      this.warnings.push({ line: row.line, text: row.text, field, reason: `Beloppet ${formatTableAmount(amount)} är negativt; kontrollera det.` });
    } else if (amount !== null && amount > IMPLAUSIBLE_AMOUNT) {
      const reason = `Beloppet ${formatTableAmount(amount)} är orimligt stort (över ${formatTableAmount(IMPLAUSIBLE_AMOUNT)}); kontrollera det.`;
      this.warnings.push({ line: row.line, text: row.text, field, reason });
    }
    return amount;
  }
}
