/**
 * Reads a plan table (DESIGN.md "The plan table") into an action plan and a report of
 * every stated total checked, every row or cell it could not read and every value it
 * read but doubts. Never throws for a malformed row; throws `ImportError` only when
 * there is no header row at all or the table is over the row limit.
 */
import type { ActionPlanInit } from '../model/action-plan.js';
import type { Currency } from '../model/kinds.js';
import type { Locale } from '../locale.js';
import { Limits } from '../limits.js';
import { asSingleLine, cutToLength } from '../strings.js';
import { ImportError } from './errors.js';
import { DELIMITERS, isEmptyRow, normalizeInput, readRows, readSepLine, type Delimiter, type TableRow } from './read-rows.js';
import { PlanRows, normalized } from './plan-rows.js';
import type { ImportReport } from './report.js';
import { checkStatedTotals } from './stated-totals.js';
import { ACTIVITY_WORDS, BUDGET_WORDS, CURRENCY_OF, GOAL_WORDS, NORWEGIAN_HEADER_WORDS } from './vocabulary.js';
import { restoreFormula } from './formula-cells.js';

export type { ImportReport, ImportWarning, SkippedRow } from './report.js';
export { parseTimeframe } from './plan-rows.js';

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


/** The header row's language, or null when `row` is not a header row. */
function headerLanguage(row: TableRow): Locale | null {
  const [goal, activities, budget, , timeframe, recipients] = row.cells.map(normalized);
  if (!GOAL_WORDS.includes(goal ?? '') || !ACTIVITY_WORDS.includes(activities ?? '') || !BUDGET_WORDS.includes(budget ?? '')) {
    return null;
  }
  if (goal?.startsWith('goal')) return 'en';
  return [budget, timeframe, recipients].some((word) => NORWEGIAN_HEADER_WORDS.includes(word ?? '')) ? 'nb' : 'sv';
}

/**
 * Finds the delimiter under which the table has a header row: the one an Excel `sep=`
 * first line names (that line is no title), else the first of tab, `;`, `,` that gives one.
 */
function locateTable(input: string, maxRows = 0): { rows: TableRow[]; headerIndex: number; language: Locale } {
  const sep = readSepLine(input);
  const text = sep ? sep.rest : input;
  const delimiters: readonly Delimiter[] = sep ? [sep.delimiter] : DELIMITERS;
  for (const delimiter of delimiters) {
    const rows = readRows(text, delimiter, maxRows > 0 ? maxRows + 1 : 0, sep ? 2 : 1);
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


/** Lines before the header row, without empty ones: the first is the title, the rest the subtitle. */
function preambleOf(rows: TableRow[]): string[] {
  // Title lines come back without the `'` an export put before a formula-like start.
  return rows.map((row) => row.cells.map(restoreFormula).filter((cell) => cell !== '').join(' ')).filter((line) => line !== '');
}

/**
 * The first preamble line as a title (X17 finding 2): one line by the rules every title
 * passes (shared/strings.ts `asSingleLine`), cut to `Limits.maxNameLength` whole characters;
 * '' when nothing visible is left. A warning (field `title`) when characters were removed or cut.
 */
function planTitle(first: string, preambleRows: TableRow[], read: PlanRows): string {
  const line = asSingleLine(first);
  const title = asSingleLine(cutToLength(line, Limits.maxNameLength));
  const problems = [
    ...(line !== first.trim() ? ['Styrtecken, radbrytningar och tecken som vänder textriktningen togs bort ur titeln.'] : []),
    ...(title !== line ? [`Titeln är längre än ${Limits.maxNameLength} tecken och kortades.`] : []),
  ];
  if (problems.length > 0) {
    const row = preambleRows.find((r) => !isEmptyRow(r));
    read.warnings.push({ line: row?.line ?? 1, text: first, field: 'title', reason: problems.join(' ') });
  }
  return title;
}

/**
 * Reads a plan table (text: TSV or CSV, see DESIGN "The plan table") into an action plan
 * and its report. The title is one clean line cut to `Limits.maxNameLength` whole characters
 * (`planTitle`, with a warning), '' when the table has none. Throws `ImportError` `import.unreadable` (no header row) or
 * `import.too-large` (more than `options.maxRows` rows).
 * @example importPlanTable('sep=;\nPlan\nMål;Aktiviteter;Budget;Ansvar;Tidplan;Mottagare av resultat').plan.title // 'Plan'
 */
export function importPlanTable(input: string, options: ImportOptions = {}): ImportResult {
  // Line breaks at the very end hold no row; without them "20 000 rows" means 20 000 lines.
  const text = normalizeInput(input).replace(/\n+$/, '');
  const { rows, headerIndex, language } = locateTable(text, options.maxRows);
  const read = new PlanRows();
  for (const row of rows.slice(headerIndex + 1)) if (!isEmptyRow(row)) read.read(row);

  const preamble = preambleOf(rows.slice(0, headerIndex));
  const title = planTitle(preamble[0] ?? '', rows.slice(0, headerIndex), read);
  const goals = read.orphanActivities.length > 0
    ? [{ id: null, number: '', title: '', description: '', activities: read.orphanActivities }, ...read.goals]
    : read.goals;
  const plan: ImportResult['plan'] = {
    title,
    subtitle: preamble.slice(1).join('\n'),
    currency: options.currency ?? CURRENCY_OF[language],
    budget: read.budget,
    goals,
    costs: read.costs,
  };
  const report = { statedTotals: checkStatedTotals(read.statedRows, plan), skipped: read.skipped, warnings: read.warnings };
  return { plan, language, report };
}
