/**
 * The action plan as a Word document in the formal layout (DESIGN "Audit and exports":
 * `export.docx`): title, subtitle and period; each goal with number, title and description
 * and its activity table (Aktivitet | Budget | Ansvar | Tidplan | Mottagare av resultat);
 * the cost sections; the summary — amounts as people read them (`1 234 567 kr`, shared
 * `formatMoney`), totals from shared `totals()`.
 */
import type { Paragraph, Table } from 'docx';
import type { Locale } from '../../shared/locale.js';
import type { ActionPlanJSON, ActivityJSON, CostJSON } from '../../shared/model/action-plan.js';
import { formatMoney } from '../../shared/money.js';
import { totals } from '../../shared/totals.js';
import { amountCell, heading, packDocx, paragraphs, table, title, type CellContent } from './docx-parts.js';
import { EXPORT_WORDS, type ExportWords } from './labels.js';

/** The plan's .docx bytes, in `locale`'s words. */
export async function buildPlanDocx(plan: ActionPlanJSON, locale: Locale): Promise<Uint8Array> {
  const words = EXPORT_WORDS[locale];
  const money = (minor: number | null) => (minor === null ? '' : formatMoney(minor, plan.currency, locale));
  const children: Array<Paragraph | Table> = [title(plan.title), ...paragraphs(plan.subtitle, { italics: true })];
  const period = timeframe(plan.periodStart, plan.periodEnd);
  if (period !== '') children.push(...paragraphs(`${words.period}: ${period}`));

  for (const goal of plan.goals) {
    children.push(heading(goal.id === null ? '–' : `${words.goal} ${goal.number} ${goal.title}`.trim(), 2), ...paragraphs(goal.description));
    if (goal.activities.length > 0) children.push(activityTable(goal.activities, words, money));
  }
  children.push(...costTables(plan.costs, words, money));
  children.push(heading(words.summary, 2), summaryTable(plan, words, money));
  return packDocx(plan.title, children);
}

function activityTable(activities: ActivityJSON[], words: ExportWords, money: (minor: number | null) => string): Table {
  const rows: CellContent[][] = activities.map((activity) => [
    { bold: `${activity.number} ${activity.title}`.trim(), text: activity.description },
    amountCell(money(activity.budget)),
    activity.responsible,
    timeframe(activity.start, activity.end),
    activity.recipients,
  ]);
  return table([words.activity, words.budget, words.responsible, words.timeframe, words.recipients], rows, [40, 14, 16, 14, 16]);
}

function costTables(costs: CostJSON[], words: ExportWords, money: (minor: number | null) => string): Array<Paragraph | Table> {
  const sections = [...new Set(costs.map((cost) => cost.section))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  return sections.flatMap((section) => {
    const rows = costs.filter((cost) => cost.section === section).map((cost): CellContent[] => [{ bold: cost.label, text: cost.description }, amountCell(money(cost.amount))]);
    return [heading(section === '' ? words.otherCosts : section, 2), table([words.cost, words.budget], rows, [80, 20])];
  });
}

function summaryTable(plan: ActionPlanJSON, words: ExportWords, money: (minor: number | null) => string): Table {
  const sums = totals(plan);
  const rows: Array<[string, number | null]> = [
    [words.sumActivities, sums.activities],
    ...Object.entries(sums.sections).map(([name, sum]): [string, number] => [`${words.sumOf} ${name.toLowerCase()}`, sum]),
    [words.sumCosts, sums.costs],
    [words.planned, sums.planned],
    [`${words.spentBefore}${plan.budget.spentBeforeDate ? ` (${plan.budget.spentBeforeDate})` : ''}`, sums.spentBefore],
    [words.frameWithIncome, plan.budget.frameWithIncome],
    [words.frame, sums.frame],
    [words.remaining, sums.remaining],
  ];
  const shown = rows.filter(([, minor]) => minor !== null);
  return table([words.summary, words.amount], shown.map(([label, minor]) => [label, amountCell(money(minor))]), [80, 20]);
}

/** `start – end`, one date when they are the same, '' when neither is given. */
export function timeframe(start: string | null, end: string | null): string {
  if (start !== null && start === end) return start;
  if (start === null && end === null) return '';
  return `${start ?? ''} – ${end ?? ''}`.trim();
}
