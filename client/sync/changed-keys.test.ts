/**
 * User test U14 (leftovers, item 2): what the presentation view marks from the server's list
 * of the last minutes' changes (`changedKeys`), for every kind of change: an item's id, a
 * document field as `meta:<field>`, nothing for a removed item; each key once.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/compare/types.js';
import { changedKeys } from './recent-changes.js';

const change = (op: Change['op'], collection: string, id: string, field?: string): Change => ({ op, collection, id, label: id, ...(field ? { field } : {}) });

describe('changedKeys', () => {
  it.each<[string, Change[], string[]]>([
    ['a changed field of an item', [change('changed', 'activities', 'a1', 'title')], ['a1']],
    ['an added item', [change('added', 'goals', 'g1')], ['g1']],
    ['a moved item', [change('moved', 'activities', 'a1', 'goalId')], ['a1']],
    ['a removed item', [change('removed', 'activities', 'a1')], []],
    ['a document field', [change('changed', 'document', 'document', 'subtitle')], ['meta:subtitle']],
    ['two fields of one item', [change('changed', 'items', 'i1', 'title'), change('changed', 'items', 'i1', 'minutes')], ['i1']],
    ['nothing', [], []],
  ])('%s', (_case, changes, keys) => {
    expect(changedKeys(changes)).toEqual(keys);
  });
});
