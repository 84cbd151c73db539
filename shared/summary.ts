/**
 * The lines of a plan's "Sammanställning" (summary), in the order the plan table writes
 * them: the activities, each cost section, then each cost line without a section. Every
 * amount in `totals().planned` is on exactly one line, so the lines on screen add up to
 * "Planerat totalt" (issue 17 item 7: the demo's standalone "Extern utvärdering" had none).
 */
import type { ActionPlanJSON } from './model/action-plan.js';
import type { PlanTotals } from './totals.js';

export type SummaryLine =
  | { kind: 'activities'; amount: number }
  | { kind: 'section'; section: string; amount: number }
  /** A cost line outside every section, by its own label (may be empty). */
  | { kind: 'cost'; id: string; label: string; amount: number };

/**
 * Summary lines of `plan` from its `totals` (amounts in minor units; a missing amount
 * counts as 0, as in `totals`). Their amounts sum to `sums.planned`.
 * @example summaryLines(plan, totals(plan)).reduce((s, l) => s + l.amount, 0) === totals(plan).planned
 */
export function summaryLines(plan: Pick<ActionPlanJSON, 'costs'>, sums: Pick<PlanTotals, 'activities' | 'sections'>): SummaryLine[] {
  const lines: SummaryLine[] = [{ kind: 'activities', amount: sums.activities }];
  for (const [section, amount] of Object.entries(sums.sections)) lines.push({ kind: 'section', section, amount });
  for (const cost of plan.costs) {
    if (cost.section === '') lines.push({ kind: 'cost', id: cost.id, label: cost.label, amount: cost.amount ?? 0 });
  }
  return lines;
}
