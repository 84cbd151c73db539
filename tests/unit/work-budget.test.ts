/** A user's share of main-thread time for updates (server/sync/work-budget.ts). */
import { describe, expect, it } from 'vitest';
import { WorkBudget } from '../../server/sync/work-budget.js';

describe('WorkBudget', () => {
  it('lets a user spend a burst, then only what has refilled, and never touches anyone else', () => {
    let now = 0;
    const budget = new WorkBudget(200, 1_000, () => now);
    expect(budget.allows('mallory')).toBe(true);
    budget.charge('mallory', 1_500);
    expect(budget.allows('mallory')).toBe(false);
    now = 2_000;
    expect(budget.allows('mallory')).toBe(false);
    now = 2_600;
    expect(budget.allows('mallory')).toBe(true);
    expect(budget.allows('anna')).toBe(true);
  });

  it('forgets users whose budget is full again', () => {
    let now = 0;
    const budget = new WorkBudget(200, 1_000, () => now);
    budget.charge('erik', 0.5);
    now = 10_000;
    budget.charge('erik', 0);
    expect((budget as unknown as { users: Map<string, unknown> }).users.size).toBe(0);
  });
});
