import { describe, expect, it } from 'vitest';
import { diffItems } from './diff.js';
import type { FieldValue, FlatItem } from './types.js';

const item = (fields: Record<string, FieldValue | undefined>, id = 'a', collection = 'costs'): FlatItem => ({ collection, id, label: id, parent: null, fields: fields as Record<string, FieldValue> });

/** What the differ did before it stopped writing every field as JSON: its rule is the contract. */
const asJson = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const VALUES: Array<FieldValue | undefined> = [undefined, null, 0, -0, 1, 1.5, NaN, Infinity, -Infinity, '', '0', '1', 'a', true, false, [], ['a'], ['a', 'b'], ['b', 'a'], ['1'], ['']];

describe('a field counts as changed exactly when its JSON differs', () => {
  for (const before of VALUES) {
    for (const after of VALUES) {
      it(`${JSON.stringify(before) ?? 'missing'} → ${JSON.stringify(after) ?? 'missing'}`, () => {
        const changes = diffItems([item({ x: before })], [item({ x: after })]);
        expect(changes.length === 0).toBe(asJson(before, after));
      });
    }
  }
});

describe('the change list keeps its order', () => {
  it('collections as first seen in after then before; items of after in order, then removed ones; fields of after, then those only before had', () => {
    const before = [item({ a: 1, gone: 'x' }, 'c1'), item({ t: 'g' }, 'g1', 'goals'), item({ a: 1 }, 'c2'), item({ q: 1 }, 'm1', 'meetings')];
    const after = [item({ t: 'h' }, 'g1', 'goals'), item({ a: 2, b: 3 }, 'c1'), item({ a: 1 }, 'c3')];
    const changes = diffItems(before, after).map((c) => `${c.op} ${c.collection} ${c.id} ${c.field ?? ''}`.trim());
    expect(changes).toEqual(['changed goals g1 t', 'changed costs c1 a', 'changed costs c1 b', 'changed costs c1 gone', 'added costs c3', 'removed costs c2', 'removed meetings m1']);
  });

  it('a move names the old and new parent before the fields', () => {
    const parent = (id: string) => ({ field: 'goalId', id, label: `Mål ${id}` });
    const changes = diffItems([{ ...item({ t: 'x' }, 'a1', 'activities'), parent: parent('g1') }], [{ ...item({ t: 'y' }, 'a1', 'activities'), parent: parent('g2') }]);
    expect(changes.map((c) => [c.op, c.field, c.before, c.after])).toEqual([
      ['moved', 'goalId', { id: 'g1', label: 'Mål g1' }, { id: 'g2', label: 'Mål g2' }],
      ['changed', 't', 'x', 'y'],
    ]);
  });
});
