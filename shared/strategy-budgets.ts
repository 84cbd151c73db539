/**
 * What a strategy's goals cost: the budgets of the action-plan activities linked to each
 * goal, summed per goal and per national objective.
 */
import { allActivities, type ActionPlanJSON } from './model/action-plan.js';
import { allStrategyGoals, type StrategyJSON } from './model/strategy.js';

export interface LinkedBudgets {
  /** Minor units per goal id. */
  byGoal: Record<string, number>;
  /** Minor units per objective code; an activity counts once per objective even if several goals link it. */
  byObjective: Record<string, number>;
}

/** A link is `"<documentId>:<activityId>"`. */
export function parseLink(link: string): { documentId: string; activityId: string } | null {
  const at = link.indexOf(':');
  return at > 0 && at < link.length - 1 ? { documentId: link.slice(0, at), activityId: link.slice(at + 1) } : null;
}

export function linkedBudgets(strategy: Pick<StrategyJSON, 'focusAreas' | 'goals'>, plans: ReadonlyMap<string, ActionPlanJSON>): LinkedBudgets {
  const budgetOf = new Map<string, number>();
  for (const [documentId, plan] of plans) {
    for (const activity of allActivities(plan)) budgetOf.set(`${documentId}:${activity.id}`, activity.budget ?? 0);
  }
  const byGoal: Record<string, number> = {};
  const perObjective = new Map<string, Set<string>>();
  for (const goal of allStrategyGoals(strategy)) {
    byGoal[goal.id] = goal.links.reduce((sum, link) => sum + (budgetOf.get(link) ?? 0), 0);
    for (const code of goal.objectives) {
      const links = perObjective.get(code) ?? new Set<string>();
      goal.links.forEach((link) => links.add(link));
      perObjective.set(code, links);
    }
  }
  const byObjective: Record<string, number> = {};
  for (const [code, links] of perObjective) byObjective[code] = [...links].reduce((sum, link) => sum + (budgetOf.get(link) ?? 0), 0);
  return { byGoal, byObjective };
}
