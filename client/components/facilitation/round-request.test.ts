import { describe, expect, it } from 'vitest';
import { choiceKey, newRoundFrom } from './round-request.js';

const form = (fields: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe('a new round from the form', () => {
  const items = [{ collection: 'items', id: 'a' }];
  it.each([
    ['every field', { title: ' Prioritera ', dots: '5', max: '2', anonymous: 'on' }, { title: 'Prioritera', dotsPerPerson: 5, maxPerItem: 2, anonymous: true }],
    ['blank title and max, not anonymous', { title: ' ', dots: '3', max: '' }, { title: 'Ny prickröstning', dotsPerPerson: 3, maxPerItem: undefined, anonymous: false }],
  ])('%s', (_name, fields, expected) => {
    expect(newRoundFrom(form(fields), items)).toEqual({ ...expected, items });
  });
  it('keys a chosen item as collection:id', () => {
    expect(choiceKey({ collection: 'goals', id: 'g1' })).toBe('goals:g1');
  });
});
