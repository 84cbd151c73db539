/**
 * A change list's amounts say how much and which way (issue 18 follow-up, finding 6):
 * every money difference carries its sign, a missing amount counts as 0, non-amount fields
 * have none, and an added or removed item shows the amounts it carries.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/compare/types.js';
import { itemAmounts, moneyDelta, signedMoney } from './change-format.js';

const plain = (text: string) => text.replace(/\s/g, ' ');
const changed = (field: string, before: Change['before'], after: Change['after']): Change => ({ op: 'changed', collection: 'activities', id: 'a', label: '1.1', field, before, after });

describe('signedMoney', () => {
  it.each([
    [60_000_00, '+60 000 kr'],
    [-20_000_00, '−20 000 kr'],
    [0, '±0 kr'],
    [1, '+0,01 kr'],
  ])('%i minor units → %s', (delta, text) => {
    expect(plain(signedMoney(delta, 'SEK'))).toBe(text);
  });
});

describe('moneyDelta', () => {
  it.each([
    ['a raised budget', changed('budget', 420_000_00, 480_000_00), 60_000_00],
    ['a budget set for the first time', changed('budget', null, 75_000_00), 75_000_00],
    ['a budget cleared', changed('budget', 10_000_00, null), -10_000_00],
    ['already spent', changed('spentBefore', 230_000_00, 200_000_00), -30_000_00],
    ['a text field', changed('title', 'A', 'B'), null],
    ['a date', changed('end', '2027-01-01', '2027-02-01'), null],
    ['a moved item', { op: 'moved', collection: 'activities', id: 'a', label: '1.1', field: 'goalId', before: { id: 'g1', label: '1' }, after: { id: 'g2', label: '2' } } as Change, null],
  ])('%s', (_what, change, delta) => {
    expect(moneyDelta(change)).toBe(delta);
  });
});

describe('itemAmounts', () => {
  it.each([
    ['an added activity with a budget', { op: 'added', collection: 'activities', id: 'n', label: '1.3', after: { title: 'Solceller', budget: 75_000_00 } } as Change, [['budget', 75_000_00]]],
    ['a removed cost line', { op: 'removed', collection: 'costs', id: 'c', label: 'Resor', before: { label: 'Resor', amount: 85_000_00 } } as Change, [['amount', 85_000_00]]],
    ['an added activity without a budget', { op: 'added', collection: 'activities', id: 'n', label: '1.4', after: { title: 'X', budget: null } } as Change, []],
    ['a changed field', changed('budget', 1, 2), []],
  ])('%s', (_what, change, amounts) => {
    expect(itemAmounts(change)).toEqual(amounts);
  });
});
