/**
 * Amounts a peer pushes into the document as any number at all (red team F6): only exact
 * integers (safe integers: JavaScript's exact range) are amounts; anything else reads as no
 * amount, so totals, validation and every export agree and a table export re-imports whole.
 */
import { describe, expect, it } from 'vitest';
import { exportPlanTable } from '../table/export.js';
import { importPlanTable } from '../table/import.js';
import { totals } from '../totals.js';
import { actionPlanRoots, actionPlanToJSON, allActivities } from './action-plan.js';
import { createDocument } from './document.js';

function planWithBudget(budget: unknown) {
  const doc = createDocument('action-plan', {
    title: 'Plan',
    goals: [{ number: '1', title: 'Mål', description: '', activities: [{ number: '1.1', title: 'A', budget: 100_00 }, { number: '1.2', title: 'B', budget: 200_00 }] }],
  });
  const first = actionPlanRoots(doc).activities.values().next().value as { set(key: string, value: unknown): void } | undefined;
  first?.set('budget', budget);
  actionPlanRoots(doc).budget.set('frame', budget);
  return doc;
}

describe('amounts are exact integers', () => {
  it.each([
    [2 ** 50, 2 ** 50],
    [-(2 ** 50), -(2 ** 50)],
    [0, 0],
    [2 ** 53, null],
    [2 ** 60, null],
    [1e300, null],
    [-1e20, null],
    [-1e308, null],
    [12.5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    ['100', null],
    [{ value: 1 }, null],
  ])('%s reads as %s, everywhere', (pushed, read) => {
    const doc = planWithBudget(pushed);
    const json = actionPlanToJSON(doc);
    const amounts = allActivities(json).map((a) => a.budget);
    expect(amounts.filter((b) => b !== 200_00)).toEqual([read]);
    expect(json.budget.frame).toBe(read);
    const sum = totals(json).activities;
    expect(Number.isSafeInteger(sum)).toBe(true);
    const table = exportPlanTable(json);
    expect(table).not.toMatch(/e\+|NaN|Infinity/);
    const back = importPlanTable(table).plan;
    expect((back.goals ?? []).flatMap((g) => (g.activities ?? []).map((a) => a.budget ?? null))).toEqual(allActivities(json).map((a) => a.budget));
  });
});
