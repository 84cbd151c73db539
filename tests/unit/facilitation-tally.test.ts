/**
 * The dot-vote arithmetic (server/facilitation/tally.ts; docs/facilitation.md): the
 * ranking's tie-break (dots, then voters, then the order the items were listed), the
 * priorities it gives (zero dots: null), and every way a ballot can break the allowance.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { checkBallot, priorities, tally, type Dots, type RoundRules } from '../../server/facilitation/tally.js';

const items = ['a', 'b', 'c', 'd'].map((id) => ({ collection: 'goals', id }));
const rules: RoundRules = { items, dotsPerPerson: 4, maxPerItem: 2 };
const ranked = (ballots: Dots[]) => tally(rules, ballots).map((r) => `${r.id}${r.dots}/${r.voters}`).join(' ');

describe('tally and priorities', () => {
  it.each<[string, Dots[], string]>([
    ['most dots first', [{ 'goals:c': 2, 'goals:a': 1 }, { 'goals:c': 1 }], 'c3/2 a1/1 b0/0 d0/0'],
    ['equal dots: more voters first', [{ 'goals:a': 2 }, { 'goals:b': 1 }, { 'goals:b': 1 }], 'b2/2 a2/1 c0/0 d0/0'],
    ['equal dots and voters: the order they were listed', [{ 'goals:d': 1, 'goals:b': 1 }], 'b1/1 d1/1 a0/0 c0/0'],
    ['no ballots: as listed', [], 'a0/0 b0/0 c0/0 d0/0'],
  ])('%s', (_what, ballots, expected) => {
    expect(ranked(ballots)).toBe(expected);
  });

  it('gives places 1, 2, … to items with dots and null to those without', () => {
    const result = priorities(tally(rules, [{ 'goals:c': 2, 'goals:a': 1 }]));
    expect(result.map((p) => [p.item.id, p.priority])).toEqual([['c', 1], ['a', 2], ['b', null], ['d', null]]);
  });
});

describe('checkBallot', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['within the allowance', { 'goals:a': 2, 'goals:b': 2 }, null],
    ['zeros are fine (and dropped)', { 'goals:a': 0 }, null],
    ['over the total', { 'goals:a': 2, 'goals:b': 2, 'goals:c': 1 }, 'round.over-allowance'],
    ['over maxPerItem', { 'goals:a': 3 }, 'round.over-allowance'],
    ['an unknown item', { 'goals:x': 1 }, 'validation'],
    ['a collection not in the round', { 'activities:a': 1 }, 'validation'],
    ['negative', { 'goals:a': -1 }, 'validation'],
    ['fractional', { 'goals:a': 0.5 }, 'validation'],
    ['not a number', { 'goals:a': '1' }, 'validation'],
    ['NaN', { 'goals:a': Number.NaN }, 'validation'],
  ])('%s', (_what, dots, code) => {
    const run = () => checkBallot(rules, dots);
    if (code === null) return expect(run()).toEqual(Object.fromEntries(Object.entries(dots).filter(([, n]) => n !== 0)));
    try {
      run();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).status).toBe(400);
    }
  });

  it('without maxPerItem, one item may take every dot', () => {
    expect(checkBallot({ ...rules, maxPerItem: null }, { 'goals:a': 4 })).toEqual({ 'goals:a': 4 });
  });
});
