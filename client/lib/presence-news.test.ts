import { describe, expect, it } from 'vitest';
import { presenceNews } from './presence-news.js';
import { seeded } from '../../tests/support/seeded.js';

describe('presenceNews', () => {
  it.each([
    [[], [], [], []],
    [[], ['Erik'], ['Erik'], []],
    [['Erik'], [], [], ['Erik']],
    [['Erik'], ['Erik'], [], []],
    [['Erik'], ['Erik', 'Erik'], [], []],
    [['Erik', 'Erik'], ['Erik'], [], []],
    [['Anna', 'Erik'], ['Erik', 'Lena'], ['Lena'], ['Anna']],
  ])('%j → %j: joined %j, left %j', (before, after, joined, left) => {
    expect(presenceNews(before, after)).toEqual({ joined, left });
  });

  it('names someone only when the last of their windows comes or goes', () => {
    const people = ['Anna', 'Erik', 'Lena'];
    const random = seeded(17);
    for (let run = 0; run < 300; run++) {
      const pick = () => Array.from({ length: random.int(5) }, () => random.pick(people));
      const before = pick();
      const after = pick();
      const { joined, left } = presenceNews(before, after);
      for (const name of people) {
        expect(joined.includes(name)).toBe(!before.includes(name) && after.includes(name));
        expect(left.includes(name)).toBe(before.includes(name) && !after.includes(name));
      }
    }
  });
});
