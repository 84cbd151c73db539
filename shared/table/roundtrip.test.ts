import { describe, expect, it } from 'vitest';
import { readSample } from '../../tests/support/samples.js';
import { createDocument } from '../model/document.js';
import { actionPlanToJSON, addActivity, addCost, addGoal, updatePlanBudget, type ActionPlanJSON } from '../model/action-plan.js';
import { exportPlanTable } from './export.js';
import { importPlanTable } from './import.js';

/** What the table layout carries: everything but ids, status and progress, period. */
function carried(plan: ActionPlanJSON) {
  return {
    title: plan.title,
    subtitle: plan.subtitle,
    currency: plan.currency,
    budget: plan.budget,
    goals: plan.goals.map(({ id, number, title, description, activities }) => ({
      hasGoal: id !== null,
      number,
      title,
      description,
      activities: activities.map(({ number: n, title: t, description: d, budget, responsible, start, end, recipients }) => ({
        n,
        t,
        d,
        budget,
        responsible,
        start,
        end,
        recipients,
      })),
    })),
    costs: plan.costs.map(({ section, label, description, amount }) => ({ section, label, description: section === '' ? '' : description, amount })),
  };
}

function roundTrip(plan: ActionPlanJSON) {
  const tsv = exportPlanTable(plan);
  const again = importPlanTable(tsv);
  return { tsv, report: again.report, plan: actionPlanToJSON(createDocument('action-plan', again.plan)) };
}

describe('import → export → import', () => {
  it.each(['handlingsplan-smaland.tsv', 'handlingsplan-innherred.csv'] as const)('is the identity for %s', (name) => {
    const first = actionPlanToJSON(createDocument('action-plan', importPlanTable(readSample(name)).plan));
    const { plan, report } = roundTrip(first);
    expect(carried(plan)).toEqual(carried(first));
    // The exported stated totals are the computed ones, so all of them check out.
    expect(report.statedTotals.length).toBeGreaterThan(0);
    expect(report.statedTotals.every((t) => t.ok)).toBe(true);
    expect(report.skipped).toEqual([]);
  });

  it('carries English plans, öre, open ends, orphans and tabs in text', () => {
    const doc = createDocument('action-plan', { title: 'Air plan', currency: 'EUR' });
    const goal = addGoal(doc, { number: '1', title: 'Cleaner air', description: 'Fewer cars; more bikes.' });
    addActivity(doc, goal, { number: '1.1', title: 'Survey', description: 'Count\tcars\nand "bikes"', budget: 1_250, start: '2027-01-01', end: null });
    addActivity(doc, 'gone', { number: '9.1', title: 'Lost one', budget: 100 });
    addCost(doc, { section: 'Project management', label: 'Coordinator', description: 'Half time', amount: 500_000 });
    addCost(doc, { section: '', label: 'Audit', description: '', amount: 20_000 });
    updatePlanBudget(doc, { frame: 1_000_000, frameWithIncome: 1_200_000, spentBefore: 10_000, spentBeforeDate: '2026-12-31' });
    const first = actionPlanToJSON(doc);
    const { plan, report, tsv } = roundTrip(first);
    expect(tsv).toContain('Goal\tActivities\tBudget');
    expect(carried(plan)).toEqual(carried(first));
    expect(report.statedTotals.every((t) => t.ok)).toBe(true);
  });
});
