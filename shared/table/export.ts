/**
 * Writes an action plan as a plan table (TSV) in the import layout, in the language its
 * currency implies, with the computed totals as stated totals — so import → export →
 * import gives the same plan. Cells that a spreadsheet would run as a formula are written
 * with a leading `'` (formula-cells.ts; red-team F5), which the import takes off again.
 */
import Papa from 'papaparse';
import type { ActionPlanJSON, ActivityJSON } from '../model/action-plan.js';
import { formatTableAmount } from '../money.js';
import { totals } from '../totals.js';
import { TABLE_WORDS, tableLocaleOf } from './vocabulary.js';
import { FORMULA_CELL } from './formula-cells.js';

type Row = string[];
const WIDTH = 6;
const pad = (cells: string[]): Row => [...cells, ...Array<string>(Math.max(0, WIDTH - cells.length)).fill('')];
const amount = (minor: number | null) => (minor === null ? '' : formatTableAmount(minor));

function timeframe(activity: Pick<ActivityJSON, 'start' | 'end'>): string {
  const { start, end } = activity;
  if (start !== null && start === end) return start;
  if (start === null && end === null) return '';
  return `${start ?? ''} - ${end ?? ''}`.trim();
}

function activityRow(activity: ActivityJSON): Row {
  return [
    `${activity.number} ${activity.title}`.trim(),
    activity.description,
    amount(activity.budget),
    activity.responsible,
    timeframe(activity),
    activity.recipients,
  ];
}

/** The plan table's rows (cells as the table writes them, before any formula neutralising): TSV and CSV share them. */
export function planTableRows(plan: ActionPlanJSON): string[][] {
  const words = TABLE_WORDS[tableLocaleOf(plan.currency)];
  const unit = words.unit(plan.currency);
  const sums = totals(plan);
  const rows: Row[] = [];

  rows.push([plan.title], ['']);
  if (plan.subtitle !== '') rows.push(...plan.subtitle.split('\n').map((line) => [line]), ['']);
  rows.push([...words.header]);

  // Activities without a goal go before the first goal row, so they stay without one on import.
  for (const goal of [...plan.goals].sort((a, b) => (a.id === null ? -1 : b.id === null ? 1 : 0))) {
    if (goal.id !== null) {
      const title = goal.title.replace(/\.$/, '');
      const text = goal.description === '' ? title : `${title}. ${goal.description}`;
      rows.push(pad([`${words.goal} ${goal.number} ${text}`.trim()]));
    }
    rows.push(...goal.activities.map(activityRow));
  }

  const sections = [...new Set(plan.costs.map((cost) => cost.section).filter((section) => section !== ''))];
  for (const section of sections) {
    rows.push(pad([section, words.header[1], words.header[2]]));
    for (const cost of plan.costs.filter((c) => c.section === section)) {
      rows.push(pad([cost.label, cost.description, amount(cost.amount)]));
    }
  }

  const summary = (label: string, minor: number | null, qualifier = '') => rows.push([`${label} (${unit}${qualifier}):`, amount(minor)]);
  rows.push(['']);
  summary(`${words.totalPrefix} ${words.activitiesTotal}`, sums.activities);
  for (const section of sections) summary(`${words.totalPrefix} ${section.toLowerCase()}`, sums.sections[section] ?? 0);
  const standalone = plan.costs.filter((cost) => cost.section === '');
  for (const cost of standalone) summary(cost.label, cost.amount);
  if (plan.costs.length > 0) {
    const names = [words.activitiesTotal, ...sections.map((s) => s.toLowerCase()), ...standalone.map((c) => c.label.toLowerCase())];
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${words.and} ${names.at(-1) ?? ''}` : names.join('');
    summary(`${words.totalPrefix} ${list}`, sums.planned);
  }
  if (plan.budget.spentBefore !== null) {
    const until = plan.budget.spentBeforeDate ? ` ${words.until} ${plan.budget.spentBeforeDate}` : '';
    summary(words.spentBefore, plan.budget.spentBefore, until);
  }
  if (plan.budget.frameWithIncome !== null) summary(words.frameWithIncome, plan.budget.frameWithIncome);
  if (plan.budget.frame !== null) summary(words.frame, plan.budget.frame);
  return rows;
}

export function exportPlanTable(plan: ActionPlanJSON): string {
  const rows = planTableRows(plan);
  // PapaParse's own formula escaping, with our rule: its default leaves amounts like `-1 200` no number.
  return Papa.unparse(rows, { delimiter: '\t', newline: '\n', escapeFormulae: FORMULA_CELL }) + '\n';
}
