/**
 * The action plan as an Excel sheet (DESIGN "Audit and exports": `export.xlsx`): the plan
 * table (goals, activities with number, title, description, budget, responsible, start,
 * end, recipients, status), the cost lines under their sections, and the summary as live
 * formulas. The summary's lines are the editor's (shared/summary `summaryLines`: activities,
 * each section, each cost line without a section; no "Summa kostnader" on top of the
 * sections, user test U14 item 4), planned = their sum, remaining = frame − planned − spent
 * before — whose cached results are `totals()` (shared/totals.ts), so a viewer that
 * does not recalculate still shows the right numbers and Excel's own recalculation agrees.
 * Amounts are whole currency units (minor units / 100) shown as `#,##0 "kr"`.
 */
import type ExcelJS from 'exceljs';
import type { ActionPlanJSON, CostJSON } from '../../shared/model/action-plan.js';
import { summaryLines as screenLines } from '../../shared/summary.js';
import { totals, type PlanTotals } from '../../shared/totals.js';
import { amountFormat, type ExportWords } from './labels.js';
import { addTableSheet, dateCell, formatDateColumns, money } from './xlsx-sheet.js';

/** Column D holds every amount, so each summary formula sums one contiguous range of it. */
const AMOUNT_COLUMN = 'D';

/** One summary line: its label and either a formula with its cached result, a stated value, or nothing. */
interface SummaryLine {
  label: string;
  formula?: string;
  value: number | null;
}

/** Adds the plan sheet to `workbook`. Row 1 is the bold, frozen header. */
export function addPlanSheet(workbook: ExcelJS.Workbook, plan: ActionPlanJSON, words: ExportWords): void {
  const header = [words.number, words.title, words.description, words.budget, words.responsible, words.start, words.end, words.recipients, words.status];
  const sheet = addTableSheet(workbook, words.plan, header, [10, 42, 50, 16, 24, 12, 12, 30, 12]);
  const withCents = hasCents(plan);
  sheet.getColumn(4).numFmt = amountFormat(plan.currency, withCents);
  formatDateColumns(sheet, [6, 7]);

  for (const goal of plan.goals) {
    const goalRow = sheet.addRow([goal.id === null ? '' : `${words.goal} ${goal.number}`.trim(), goal.id === null ? '–' : goal.title, goal.description]);
    goalRow.font = { bold: true };
    for (const activity of goal.activities) {
      sheet.addRow([
        activity.number,
        activity.title,
        activity.description,
        money(activity.budget),
        activity.responsible,
        dateCell(activity.start),
        dateCell(activity.end),
        activity.recipients,
        words.statuses[activity.status],
      ]);
    }
  }
  const activityRows = { first: 2, last: sheet.rowCount };
  const costRows = addCosts(sheet, plan.costs, words);
  addSummary(sheet, summaryLines(plan, words, totals(plan), activityRows, costRows));
}

/** First and last row of each section's cost lines, and the row of each cost line without a section (by id). */
type CostRanges = { sections: Array<{ name: string; range: Range }>; standalone: Map<string, number> };
type Range = { first: number; last: number };

function addCosts(sheet: ExcelJS.Worksheet, costs: CostJSON[], words: ExportWords): CostRanges {
  // Named sections in the order they first appear, standalone lines (section "") last.
  const names = [...new Set(costs.map((cost) => cost.section))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  const sections: CostRanges['sections'] = [];
  const standalone = new Map<string, number>();
  for (const name of names) {
    sheet.addRow([]);
    sheet.addRow([null, name === '' ? words.otherCosts : name]).font = { bold: true };
    const first = sheet.rowCount + 1;
    for (const cost of costs.filter((c) => c.section === name)) {
      sheet.addRow([null, cost.label, cost.description, money(cost.amount)]);
      if (name === '') standalone.set(cost.id, sheet.rowCount);
    }
    if (name !== '') sections.push({ name, range: { first, last: sheet.rowCount } });
  }
  return { sections, standalone };
}

function summaryLines(plan: ActionPlanJSON, words: ExportWords, sums: PlanTotals, activities: Range, costs: CostRanges): (row: number) => SummaryLine[] {
  const sum = (range: Range | null) => (range === null || range.last < range.first ? undefined : `SUM(${AMOUNT_COLUMN}${range.first}:${AMOUNT_COLUMN}${range.last})`);
  const amount = (minor: number | null) => (minor === null ? null : minor / 100);
  const sectionRange = new Map(costs.sections.map(({ name, range }) => [name, range]));
  return (start) => {
    const rowOf = (index: number) => `${AMOUNT_COLUMN}${start + index}`;
    // The editor's lines, with its figures: each amount of `planned` on exactly one line.
    const lines: SummaryLine[] = screenLines(plan, sums).map((line): SummaryLine => {
      if (line.kind === 'activities') return { label: words.sumActivities, formula: sum(activities), value: amount(line.amount) };
      if (line.kind === 'section') return { label: `${words.sumOf} ${line.section.toLowerCase()}`, formula: sum(sectionRange.get(line.section) ?? null), value: amount(line.amount) };
      const row = costs.standalone.get(line.id);
      return { label: line.label || words.otherCosts, formula: row === undefined ? undefined : `${AMOUNT_COLUMN}${row}`, value: amount(line.amount) };
    });
    const plannedAt = rowOf(lines.length);
    lines.push({ label: words.planned, formula: sum({ first: start, last: start + lines.length - 1 }), value: amount(sums.planned) });
    const spentAt = rowOf(lines.length);
    const until = plan.budget.spentBeforeDate ? ` (${plan.budget.spentBeforeDate})` : '';
    lines.push({ label: `${words.spentBefore}${until}`, value: amount(plan.budget.spentBefore) });
    lines.push({ label: words.frameWithIncome, value: amount(plan.budget.frameWithIncome) });
    const frameAt = rowOf(lines.length);
    lines.push({ label: words.frame, value: amount(plan.budget.frame) });
    // Remaining is blank without a frame, as `totals().remaining` is null then.
    const remaining = sums.remaining === null ? undefined : `${frameAt}-${plannedAt}-${spentAt}`;
    lines.push({ label: words.remaining, formula: remaining, value: amount(sums.remaining) });
    return lines;
  };
}

function addSummary(sheet: ExcelJS.Worksheet, linesFrom: (firstRow: number) => SummaryLine[]): void {
  sheet.addRow([]);
  const lines = linesFrom(sheet.rowCount + 1);
  for (const line of lines) {
    const row = sheet.addRow([null, line.label]);
    row.font = { bold: true };
    const cell = row.getCell(4);
    // A formula carries its computed result as the cached value; an empty range is a plain 0.
    if (line.formula !== undefined) cell.value = { formula: line.formula, result: line.value ?? 0 };
    else if (line.value !== null) cell.value = line.value;
  }
}

function hasCents(plan: ActionPlanJSON): boolean {
  const amounts = [...plan.goals.flatMap((g) => g.activities.map((a) => a.budget)), ...plan.costs.map((c) => c.amount), ...Object.values(plan.budget)];
  return amounts.some((value) => typeof value === 'number' && value % 100 !== 0);
}
