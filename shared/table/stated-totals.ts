/**
 * Checks the totals a plan table states (`Totalsumma målaktiviteter och projektledning`)
 * against the sums of what was imported, so a table whose figures do not add up is caught.
 */
import type { ActionPlanInit } from '../model/action-plan.js';
import { ACTIVITIES_TERM, TERM_SEPARATOR } from './vocabulary.js';

export interface StatedTotal {
  label: string;
  /** Minor units, as the table states it. */
  stated: number;
  /** Minor units, summed from the imported rows; null when a term names nothing in the plan. */
  computed: number | null;
  ok: boolean;
}

export interface StatedTotalRow {
  label: string;
  /** What the total sums, after its `Totalsumma` prefix: `målaktiviteter, projektledning och …`. */
  terms: string;
  stated: number;
}

type Plan = Pick<ActionPlanInit, 'goals' | 'costs'>;

/** A term names the activities, a cost section, or a cost line (its first word is enough). */
function resolveTerm(term: string, plan: Plan): { kind: 'activities' } | { kind: 'costs'; indexes: number[] } | null {
  if (ACTIVITIES_TERM.test(term)) return { kind: 'activities' };
  const costs = plan.costs ?? [];
  const lower = term.toLowerCase();
  const inSection = costs.flatMap((cost, i) => (cost.section !== '' && cost.section.toLowerCase() === lower ? [i] : []));
  if (inSection.length > 0) return { kind: 'costs', indexes: inSection };
  const byLabel = costs.findIndex((cost) => cost.label.toLowerCase() === lower);
  if (byLabel >= 0) return { kind: 'costs', indexes: [byLabel] };
  const firstWord = lower.split(/\s+/)[0] ?? '';
  const byFirstWord = costs.findIndex((cost) => (cost.label.toLowerCase().split(/\s+/)[0] ?? '') === firstWord);
  if (firstWord !== '' && byFirstWord >= 0) return { kind: 'costs', indexes: [byFirstWord] };
  return null;
}

export function checkStatedTotals(rows: StatedTotalRow[], plan: Plan): StatedTotal[] {
  const costs = plan.costs ?? [];
  const activitiesSum = (plan.goals ?? []).flatMap((goal) => goal.activities ?? []).reduce((sum, a) => sum + (a.budget ?? 0), 0);
  const costAmount = (i: number) => costs[i]?.amount ?? 0;

  return rows.map(({ label, terms, stated }) => {
    const parts = terms
      .replace(/\([^)]*\)/g, '')
      .split(TERM_SEPARATOR)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    let computed: number | null;
    if (parts.length === 0) {
      // A bare `Totalsumma:` states the whole plan.
      computed = activitiesSum + costs.reduce((sum, _cost, i) => sum + costAmount(i), 0);
    } else {
      let includeActivities = false;
      const included = new Set<number>();
      let unknown = false;
      for (const part of parts) {
        const resolved = resolveTerm(part, plan);
        if (resolved === null) unknown = true;
        else if (resolved.kind === 'activities') includeActivities = true;
        else resolved.indexes.forEach((i) => included.add(i));
      }
      computed = unknown ? null : (includeActivities ? activitiesSum : 0) + [...included].reduce((sum, i) => sum + costAmount(i), 0);
    }
    return { label, stated, computed, ok: computed === stated };
  });
}
