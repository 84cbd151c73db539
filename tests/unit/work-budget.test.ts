/** A user's share of main-thread time for updates (server/sync/work-budget.ts). */
import { describe, expect, it } from 'vitest';
import { WorkBudget } from '../../server/sync/work-budget.js';

describe('WorkBudget', () => {
  it('lets a user spend a burst, then only what has refilled, and never touches anyone else', () => {
    const budget = new WorkBudget(200, 1_000);
    expect(budget.allows('mallory', 0)).toBe(true);
    budget.charge('mallory', 1_500, 0);
    expect(budget.allows('mallory', 0)).toBe(false);
    expect(budget.allows('mallory', 2_000)).toBe(false);
    expect(budget.allows('mallory', 2_600)).toBe(true);
    expect(budget.allows('anna', 0)).toBe(true);
  });

  it('forgets users whose budget is full again', () => {
    const budget = new WorkBudget(200, 1_000);
    budget.charge('erik', 0.5, 0);
    budget.charge('erik', 0, 10_000);
    expect((budget as unknown as { users: Map<string, unknown> }).users.size).toBe(0);
  });
});
