import { describe, expect, it } from 'vitest';
import { fieldOfId, neighbourRow } from './row-navigation.js';

describe('neighbourRow', () => {
  it.each<[string[], string, -1 | 1, string | null]>([
    [['a', 'b', 'c'], 'a', 1, 'b'],
    [['a', 'b', 'c'], 'b', -1, 'a'],
    [['a', 'b', 'c'], 'a', -1, null],
    [['a', 'b', 'c'], 'c', 1, null],
    [['a', 'b', 'c'], 'x', 1, null],
    [[], 'a', 1, null],
  ])('%j from %s by %i → %s', (rows, current, step, expected) => {
    expect(neighbourRow(rows, current, step)).toBe(expected);
  });

  it('walks every list down and back up to where it started', () => {
    for (let length = 1; length < 30; length++) {
      const rows = Array.from({ length }, (_, i) => `row-${i}`);
      let at = 'row-0';
      for (let i = 1; i < length; i++) at = neighbourRow(rows, at, 1) ?? 'stuck';
      expect(at).toBe(`row-${length - 1}`);
      expect(neighbourRow(rows, at, 1)).toBeNull();
      for (let i = 1; i < length; i++) at = neighbourRow(rows, at, -1) ?? 'stuck';
      expect(at).toBe('row-0');
    }
  });
});

describe('fieldOfId', () => {
  it.each([
    ['f-activities-0b7f1c2e-5c1d-4a8e-9d3f-2b6a7c8d9e0f-budget', 'budget'],
    ['f-activities-abc-recipients', 'recipients'],
    ['f-costs-1-amount', 'amount'],
    ['f-meta-title', null],
    ['issues', null],
    ['', null],
  ])('%s → %s', (id, expected) => {
    expect(fieldOfId(id)).toBe(expected);
  });
});
