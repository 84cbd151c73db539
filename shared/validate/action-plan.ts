/** Budget and deadline rules of an action plan. */
import type { ActionPlanJSON } from '../model/action-plan.js';
import { allActivities } from '../model/action-plan.js';
import { totals } from '../totals.js';
import { Findings, labelOf } from './checks.js';
import { checkPlanRows } from './plan-rows.js';
import type { Subject } from './issue.js';

type Period = { periodStart: string | null; periodEnd: string | null };

/**
 * Every finding of an action plan, in the order the issues panel lists them: plan, budget,
 * goals, rows, activities, costs, frame. `today` is an ISO date (YYYY-MM-DD).
 */
export function validateActionPlan(plan: ActionPlanJSON, today: string): Findings {
  const f = new Findings();
  const period = checkPlanMeta(plan, f);
  checkGoals(plan, f);
  checkPlanRows(plan, f);
  checkActivities(plan, f, period, today);
  checkCosts(plan, f);
  return f;
}

/** Title, period and budget fields; returns the period's valid dates for the activities. */
function checkPlanMeta(plan: ActionPlanJSON, f: Findings): Period {
  const planSubject: Subject = { noun: 'plan', label: plan.title };
  f.placeholder(plan.title, ['meta', 'title'], planSubject);
  f.placeholder(plan.subtitle, ['meta', 'subtitle'], planSubject);

  const periodStart = f.date(plan.periodStart, ['meta', 'periodStart'], planSubject) ? plan.periodStart : null;
  const periodEnd = f.date(plan.periodEnd, ['meta', 'periodEnd'], planSubject) ? plan.periodEnd : null;
  if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) {
    f.add('date.end-before-start', ['meta', 'periodEnd'], { subject: planSubject });
  }

  const budgetAmounts = [
    ['frame', plan.budget.frame],
    ['frameWithIncome', plan.budget.frameWithIncome],
    ['spentBefore', plan.budget.spentBefore],
  ] as const;
  for (const [field, amount] of budgetAmounts) {
    f.amount(amount, ['budget', field], { noun: field, label: '' });
  }
  f.date(plan.budget.spentBeforeDate, ['budget', 'spentBeforeDate'], { noun: 'spentBefore', label: '' });
  return { periodStart, periodEnd };
}

function checkGoals(plan: ActionPlanJSON, f: Findings): void {
  for (const goal of plan.goals) {
    if (goal.id === null) continue;
    const subject: Subject = { noun: 'goal', label: labelOf(goal.number, goal.title) };
    f.placeholder(goal.title, ['goals', goal.id, 'title'], subject);
    f.placeholder(goal.description, ['goals', goal.id, 'description'], subject);
  }
  f.duplicateNumbers(
    plan.goals.flatMap((goal) =>
      goal.id === null ? [] : [{ number: goal.number, path: ['goals', goal.id, 'number'], subject: { noun: 'goal', label: labelOf(goal.number, goal.title) } }],
    ),
  );
}

function checkActivities(plan: ActionPlanJSON, f: Findings, { periodStart, periodEnd }: Period, today: string): void {
  const activities = allActivities(plan);
  const goalIds = new Set(plan.goals.flatMap((goal) => (goal.id === null ? [] : [goal.id])));
  for (const activity of activities) {
    const at = (field: string) => ['activities', activity.id, field];
    const subject: Subject = { noun: 'activity', label: labelOf(activity.number, activity.title) };
    const active = activity.status !== 'cancelled';
    if (!goalIds.has(activity.goalId)) f.add('structure.orphan', at('goalId'), { subject });
    if (activity.budget === null) {
      if (active) f.add('budget.missing', at('budget'), { subject });
    }
    f.amount(activity.budget, at('budget'), subject);
    if (active && activity.responsible.trim() === '') f.add('responsible.missing', at('responsible'), { subject });
    for (const field of ['title', 'description', 'responsible', 'recipients'] as const) {
      f.placeholder(activity[field], at(field), subject);
    }
    const start = f.date(activity.start, at('start'), subject) ? activity.start : null;
    const end = f.date(activity.end, at('end'), subject) ? activity.end : null;
    if (start !== null && end !== null && end < start) f.add('date.end-before-start', at('end'), { subject });
    if ((start !== null && periodStart !== null && start < periodStart) || (end !== null && periodEnd !== null && end > periodEnd)) {
      f.add('date.outside-period', at(start !== null && periodStart !== null && start < periodStart ? 'start' : 'end'), { subject });
    }
    if (end !== null) f.deadline(end, activity.status === 'done' || activity.status === 'cancelled', today, at('end'), subject);
  }
  f.duplicateNumbers(
    activities.map((activity) => ({
      number: activity.number,
      path: ['activities', activity.id, 'number'],
      subject: { noun: 'activity', label: labelOf(activity.number, activity.title) },
    })),
  );
}

/** Cost lines, then the frame against what is planned and spent. */
function checkCosts(plan: ActionPlanJSON, f: Findings): void {
  for (const cost of plan.costs) {
    const subject: Subject = { noun: 'cost', label: cost.label };
    // As an activity without a budget: an empty amount reads "0 kr" in the sums.
    if (cost.amount === null) f.add('budget.missing', ['costs', cost.id, 'amount'], { subject });
    f.amount(cost.amount, ['costs', cost.id, 'amount'], subject);
    f.placeholder(cost.label, ['costs', cost.id, 'label'], subject);
    f.placeholder(cost.description, ['costs', cost.id, 'description'], subject);
  }

  const sums = totals(plan);
  if (sums.frame !== null) {
    const over = sums.planned + (sums.spentBefore ?? 0) - sums.frame;
    if (over > 0) f.add('budget.over-frame', ['budget', 'frame'], { subject: { noun: 'frame', label: '' }, amount: over });
  }
}
