/**
 * User test U15 item 2: a cost line with no amount showed "0 kr" and no warning, while an
 * activity without a budget is flagged. Every item of the plan that carries a figure is
 * flagged when it is empty, in each language, and not once it has one (zero included).
 */
import { describe, expect, it } from 'vitest';
import { createDocument } from '../model/document.js';
import { validate } from './index.js';

const TODAY = '2027-03-01';

function planWith(amount: number | null, budget: number | null) {
  return createDocument('action-plan', {
    title: 'Plan',
    periodStart: '2027-01-01',
    periodEnd: '2028-12-31',
    budget: { frame: 1_000_000 },
    goals: [{ number: '1', title: 'Mål', description: '', activities: [{ id: 'a1', number: '1.1', title: 'Resa', budget, responsible: 'Kommunen', start: '2027-04-01', end: '2027-06-30' }] }],
    costs: [{ id: 'c1', section: 'Lokaler', label: 'Hyra', description: '', amount }],
  });
}

const missing = (amount: number | null, budget: number | null, locale: 'sv' | 'nb' | 'en' = 'sv') =>
  validate(planWith(amount, budget), { today: TODAY, locale })
    .filter((issue) => issue.code === 'budget.missing')
    .map((issue) => ({ path: issue.path, severity: issue.severity, message: issue.message }));

describe('validate: an item with no figure', () => {
  it.each([
    ['sv', 'Kostnadsraden ”Hyra” saknar belopp.', 'Aktiviteten ”1.1 Resa” saknar budget.'],
    ['nb', 'Kostnadslinjen «Hyra» mangler beløp.', 'Tiltaket «1.1 Resa» mangler budsjett.'],
    ['en', 'The cost line “Hyra” has no amount.', 'The activity “1.1 Resa” has no budget.'],
  ] as const)('%s: a cost line without amount is flagged as an activity without budget is', (locale, cost, activity) => {
    expect(missing(null, null, locale)).toEqual([
      { path: ['activities', 'a1', 'budget'], severity: 'warning', message: activity },
      { path: ['costs', 'c1', 'amount'], severity: 'warning', message: cost },
    ]);
  });

  it.each([0, 1, 25_000])('flags nothing once the amount is %d', (amount) => {
    expect(missing(amount, amount)).toEqual([]);
  });
});
