/** The change list between two flattened documents. */
import type { Change, ChangeValue, FieldValue, FlatItem, ParentRef } from './types.js';

const keyOf = (item: FlatItem) => `${item.collection}\u0000${item.id}`;
const same = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const parentValue = (parent: ParentRef): ChangeValue => ({ id: parent.id, label: parent.label });

/**
 * Changes from `before` to `after`, collection by collection in the order they first
 * appear: within one, the items of `after` in their order (added, moved, then each changed
 * field), then the removed ones in their old order. Deterministic for equal inputs.
 */
export function diffItems(before: readonly FlatItem[], after: readonly FlatItem[]): Change[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const kept = new Set(after.map(keyOf));
  const collections = [...new Set([...after, ...before].map((item) => item.collection))];
  const changes: Change[] = [];
  for (const collection of collections) {
    for (const item of after) {
      if (item.collection !== collection) continue;
      const previous = old.get(keyOf(item));
      if (previous) changes.push(...itemChanges(previous, item));
      else changes.push({ op: 'added', collection, id: item.id, label: item.label, after: item.fields });
    }
    for (const item of before) {
      if (item.collection === collection && !kept.has(keyOf(item))) changes.push({ op: 'removed', collection, id: item.id, label: item.label, before: item.fields });
    }
  }
  return changes;
}

function itemChanges(before: FlatItem, after: FlatItem): Change[] {
  const base = { collection: after.collection, id: after.id, label: after.label };
  const changes: Change[] = [];
  if (before.parent && after.parent && before.parent.id !== after.parent.id) {
    changes.push({ op: 'moved', ...base, field: after.parent.field, before: parentValue(before.parent), after: parentValue(after.parent) });
  }
  const fields = new Set([...Object.keys(after.fields), ...Object.keys(before.fields)]);
  for (const field of fields) {
    const from = before.fields[field];
    const to = after.fields[field];
    if (!same(from, to)) changes.push({ op: 'changed', ...base, field, before: from ?? null, after: to ?? null });
  }
  return changes;
}
