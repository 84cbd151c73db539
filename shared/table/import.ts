/**
 * Reads a plan table (DESIGN.md "The plan table") into an action plan and a report of
 * every stated total checked and every row or cell it could not read. Never throws for
 * a malformed row; throws `ImportError` only when there is no header row at all.
 */
import type { ActionPlanInit, ActivityInit, CostJSON, PlanBudgetJSON } from '../model/action-plan.js';
import type { Currency } from '../model/kinds.js';
import type { Locale } from '../locale.js';
import { parseAmount } from '../money.js';
import { ImportError } from './errors.js';
import { DELIMITERS, isEmptyRow, normalizeInput, readRows, type TableRow } from './read-rows.js';
import { checkStatedTotals, type StatedTotal, type StatedTotalRow } from './stated-totals.js';
import {
  ACTIVITY_ROW,
  ACTIVITY_WORDS,
  BUDGET_WORDS,
  CURRENCY_OF,
  FRAME_WITH_INCOME,
  FRAME_WITHOUT_INCOME,
  GOAL_ROW,
  GOAL_WORDS,
  NORWEGIAN_HEADER_WORDS,
  SPENT_BEFORE,
  STATED_TOTAL,
} from './vocabulary.js';

export interface SkippedRow {
  line: number;
  text: string;
  reason: string;
  /** Set when only this cell was left out and the rest of the row was imported. */
  field?: 'budget' | 'timeframe' | 'amount';
}

export interface ImportReport {
  statedTotals: StatedTotal[];
  skipped: SkippedRow[];
}

export interface ImportResult {
  plan: ActionPlanInit & { currency: Currency };
  /** The language of the header row, which decides the default currency. */
  language: Locale;
  report: ImportReport;
}

export interface ImportOptions {
  /** Overrides the currency the header's language implies. */
  currency?: Currency;
  /** More rows than this: `ImportError` `import.too-large` (DESIGN "Limits every boundary enforces"). */
  maxRows?: number;
}

type Goal = NonNullable<ActionPlanInit['goals']>[number] & { activities: ActivityInit[] };

const normalized = (cell: string | undefined) => (cell ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The header row's language, or null when `row` is not a header row. */
function headerLanguage(row: TableRow): Locale | null {
  const [goal, activities, budget, , timeframe, recipients] = row.cells.map(normalized);
  if (!GOAL_WORDS.includes(goal ?? '') || !ACTIVITY_WORDS.includes(activities ?? '') || !BUDGET_WORDS.includes(budget ?? '')) {
    return null;
  }
  if (goal?.startsWith('goal')) return 'en';
  return [budget, timeframe, recipients].some((word) => NORWEGIAN_HEADER_WORDS.includes(word ?? '')) ? 'nb' : 'sv';
}

function isSectionHeading(row: TableRow): boolean {
  const [label, activities, budget] = row.cells.map(normalized);
  return label !== '' && ACTIVITY_WORDS.includes(activities ?? '') && BUDGET_WORDS.includes(budget ?? '');
}

/** Cells after `from` are all empty. */
function restEmpty(row: TableRow, from: number): boolean {
  return row.cells.slice(from).every((cell) => cell === '');
}

/** Finds the delimiter under which the table has a header row. */
function locateTable(text: string, maxRows = 0): { rows: TableRow[]; headerIndex: number; language: Locale } {
  for (const delimiter of DELIMITERS) {
    const rows = readRows(text, delimiter, maxRows > 0 ? maxRows + 1 : 0);
    if (maxRows > 0 && rows.length > maxRows) {
      throw new ImportError(`Tabellen har fler än ${maxRows} rader; dela upp den.`, 'import.too-large');
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const language = row ? headerLanguage(row) : null;
      if (language) return { rows, headerIndex: i, language };
    }
  }
  throw new ImportError(
    'Ingen rubrikrad hittades (Mål | Aktiviteter | Budget | Ansvar | Tidplan | Mottagare av resultat); det här är inte en plantabell.',
  );
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

export function importPlanTable(input: string, options: ImportOptions = {}): ImportResult {
  // Line breaks at the very end hold no row; without them "20 000 rows" means 20 000 lines.
  const text = normalizeInput(input).replace(/\n+$/, '');
  const { rows, headerIndex, language } = locateTable(text, options.maxRows);
  const skipped: SkippedRow[] = [];
  const goals: Goal[] = [];
  const orphanActivities: ActivityInit[] = [];
  const costs: Array<Omit<CostJSON, 'id'>> = [];
  const budget: PlanBudgetJSON = { frame: null, frameWithIncome: null, spentBefore: null, spentBeforeDate: null };
  const statedRows: StatedTotalRow[] = [];
  let section: string | null = null;

  const preamble = rows
    .slice(0, headerIndex)
    .map((row) => row.cells.filter((cell) => cell !== '').join(' '))
    .filter((line) => line !== '');

  const amountOf = (row: TableRow, cell: string, field: SkippedRow['field'], what: string): number | null => {
    const amount = parseAmount(cell);
    if (amount !== undefined) return amount;
    skipped.push({ line: row.line, text: row.text, field, reason: `Beloppet ”${cell}” kunde inte läsas; ${what} importerades utan belopp.` });
    return null;
  };

  for (const row of rows.slice(headerIndex + 1)) {
    if (isEmptyRow(row)) continue;
    const [first = '', second = ''] = row.cells;

    const goalMatch = GOAL_ROW.exec(first);
    if (goalMatch && restEmpty(row, 1)) {
      section = null;
      goals.push({ number: goalMatch[1] ?? '', ...splitGoalText(goalMatch[2] ?? ''), activities: [] });
      continue;
    }

    const activityMatch = ACTIVITY_ROW.exec(first);
    if (activityMatch && section === null) {
      const [, number = '', title = ''] = activityMatch;
      const [, , budgetCell = '', responsible = '', timeframeCell = '', recipients = ''] = row.cells;
      const activityBudget = amountOf(row, budgetCell, 'budget', 'aktiviteten');
      const timeframe = parseTimeframe(timeframeCell);
      if (timeframe === undefined) {
        skipped.push({
          line: row.line,
          text: row.text,
          field: 'timeframe',
          reason: `Tidplanen ”${timeframeCell}” kunde inte läsas (ÅÅÅÅ-MM-DD - ÅÅÅÅ-MM-DD); aktiviteten importerades utan datum.`,
        });
      }
      const activity: ActivityInit = {
        number,
        title: title.trim(),
        description: second,
        budget: activityBudget,
        responsible,
        start: timeframe?.start ?? null,
        end: timeframe?.end ?? null,
        recipients,
      };
      const goal = goals.at(-1);
      if (goal) goal.activities.push(activity);
      else orphanActivities.push(activity);
      continue;
    }

    if (isSectionHeading(row)) {
      section = first;
      continue;
    }

    if (/:\s*$/.test(first) && restEmpty(row, 2)) {
      const label = cleanLabel(first);
      if (STATED_TOTAL.test(label)) {
        const stated = parseAmount(second);
        if (stated === undefined || stated === null) {
          skipped.push({ line: row.line, text: row.text, reason: `Summan ”${second}” kunde inte läsas.` });
        } else {
          statedRows.push({ label: first.replace(/:\s*$/, ''), terms: label.replace(STATED_TOTAL, ''), stated });
        }
      } else if (SPENT_BEFORE.test(label)) {
        budget.spentBefore = amountOf(row, second, 'amount', 'raden');
        budget.spentBeforeDate = /(\d{4}-\d{2}-\d{2})/.exec(first)?.[1] ?? null;
      } else if (FRAME_WITHOUT_INCOME.test(label)) {
        budget.frame = amountOf(row, second, 'amount', 'raden');
      } else if (FRAME_WITH_INCOME.test(label)) {
        budget.frameWithIncome = amountOf(row, second, 'amount', 'raden');
      } else {
        costs.push({ section: '', label, description: '', amount: amountOf(row, second, 'amount', 'kostnadsraden') });
      }
      section = null;
      continue;
    }

    if (section !== null && first !== '' && restEmpty(row, 3)) {
      costs.push({ section, label: first, description: second, amount: amountOf(row, row.cells[2] ?? '', 'amount', 'kostnadsraden') });
      continue;
    }

    skipped.push({
      line: row.line,
      text: row.text,
      reason: 'Raden är varken ett mål, en aktivitet, en kostnadsrad eller en summeringsrad och importerades inte.',
    });
  }

  const plan: ImportResult['plan'] = {
    title: preamble[0] ?? '',
    subtitle: preamble.slice(1).join('\n'),
    currency: options.currency ?? CURRENCY_OF[language],
    budget,
    goals: orphanActivities.length > 0 ? [{ id: null, number: '', title: '', description: '', activities: orphanActivities }, ...goals] : goals,
    costs,
  };
  return { plan, language, report: { statedTotals: checkStatedTotals(statedRows, plan), skipped } };
}
