import { describe, expect, it } from 'vitest';
import { totals } from './totals.js';
import type { ActionPlanJSON } from './model/action-plan.js';

const activity = (budget: number | null) => ({
  id: String(budget), goalId: 'g', number: '', title: '', description: '', budget, responsible: '', start: null, end: null,
  recipients: '', status: 'planned' as const, progress: 0, priority: null, source: null,
});

describe('totals', () => {
  const plan: Pick<ActionPlanJSON, 'goals' | 'costs' | 'budget'> = {
    goals: [{ id: 'g', number: '1', title: '', description: '', priority: null, activities: [activity(1_000), activity(null), activity(2_500)] }],
    costs: [
      { id: 'c1', section: 'Projektledning', label: 'Lön', description: '', amount: 10_000 },
      { id: 'c2', section: 'Projektledning', label: 'Resor', description: '', amount: null },
      { id: 'c3', section: 'Projektledning', label: 'Möten', description: '', amount: 500 },
      { id: 'c4', section: '', label: 'Utvärdering', description: '', amount: 700 },
    ],
    budget: { frame: 20_000, frameWithIncome: null, spentBefore: 1_000, spentBeforeDate: null },
  };

  it('sums activities, sections, costs and what remains of the frame', () => {
    expect(totals(plan)).toEqual({
      activities: 3_500,
      sections: { Projektledning: 10_500 },
      costs: 11_200,
      planned: 14_700,
      spentBefore: 1_000,
      frame: 20_000,
      remaining: 4_300,
    });
  });

  it('has no remaining without a frame, and counts no spentBefore as zero', () => {
    expect(totals({ ...plan, budget: { frame: null, frameWithIncome: null, spentBefore: null, spentBeforeDate: null } }).remaining).toBeNull();
    expect(totals({ ...plan, budget: { frame: 20_000, frameWithIncome: null, spentBefore: null, spentBeforeDate: null } }).remaining).toBe(5_300);
  });
});
