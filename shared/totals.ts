/** The budget summary of an action plan, exactly as DESIGN.md defines `totals`. */
import type { ActionPlanJSON } from './model/action-plan.js';
import { allActivities } from './model/action-plan.js';

export interface PlanTotals {
  /** Sum of activity budgets (activities without a budget count as 0). */
  activities: number;
  /** Sum per named cost section, keyed by section name. */
  sections: Record<string, number>;
  /** Sum of all cost lines. */
  costs: number;
  /** activities + costs */
  planned: number;
  spentBefore: number | null;
  frame: number | null;
  /** frame − planned − spentBefore, or null without a frame. */
  remaining: number | null;
}

export function totals(plan: Pick<ActionPlanJSON, 'goals' | 'costs' | 'budget'>): PlanTotals {
  const activities = allActivities(plan).reduce((sum, activity) => sum + (activity.budget ?? 0), 0);
  const sections: Record<string, number> = {};
  let costs = 0;
  for (const cost of plan.costs) {
    const amount = cost.amount ?? 0;
    // Standalone cost lines (section "") are not a section; they still count in `costs`.
    if (cost.section !== '') sections[cost.section] = (sections[cost.section] ?? 0) + amount;
    costs += amount;
  }
  const planned = activities + costs;
  const { frame, spentBefore } = plan.budget;
  return {
    activities,
    sections,
    costs,
    planned,
    spentBefore,
    frame,
    remaining: frame === null ? null : frame - planned - (spentBefore ?? 0),
  };
}
