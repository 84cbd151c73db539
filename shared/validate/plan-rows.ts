/**
 * Row rules of an action plan (issue 17 item 9): a goal or activity without a title, and an
 * activity numbered as another goal's (`2.3` under Mål 3, after a move). Duplicates are
 * `Findings.duplicateNumbers`; "Numrera om" (shared/numbering.ts) fixes both number rules.
 */
import type { ActionPlanJSON, GoalJSON } from '../model/action-plan.js';
import { labelOf, type Findings } from './checks.js';

/** Adds `title.empty` and `number.out-of-place` findings for every goal and its activities. */
export function checkPlanRows(plan: Pick<ActionPlanJSON, 'goals'>, f: Findings): void {
  for (const goal of plan.goals) {
    // Orphans have no goal to be numbered under; `structure.orphan` covers them.
    if (goal.id === null) continue;
    if (goal.title.trim() === '') f.add('title.empty', ['goals', goal.id, 'title'], { subject: { noun: 'goal', label: goal.number } });
    for (const activity of goal.activities) {
      // The label only when reporting: labelOf costs a grapheme count on big plans.
      const subject = () => ({ noun: 'activity', label: labelOf(activity.number, activity.title) }) as const;
      if (activity.title.trim() === '') f.add('title.empty', ['activities', activity.id, 'title'], { subject: subject() });
      if (!numberedUnder(activity.number, goal)) f.add('number.out-of-place', ['activities', activity.id, 'number'], { subject: subject(), value: goal.number.trim() });
    }
  }
}

/**
 * True when `number` belongs under `goal`: it starts with `<goal number>.`. Rows or goals
 * without a number, and free-form numbers (`A`, `7` — no dot), are the plan's own
 * convention, not a clash.
 */
function numberedUnder(number: string, goal: Pick<GoalJSON, 'number'>): boolean {
  const own = number.trim();
  const goalNumber = goal.number.trim();
  if (own === '' || goalNumber === '' || !own.includes('.')) return true;
  return own.startsWith(`${goalNumber}.`);
}
