/** The change list between two flattened documents. */
import type { Change, ChangeValue, FieldValue, FlatItem, ParentRef } from './types.js';

const parentValue = (parent: ParentRef): ChangeValue => ({ id: parent.id, label: parent.label });

/** A field's value as JSON would write it: missing and non-finite numbers are null. */
const plain = (value: FieldValue | undefined): FieldValue => (value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value);

/**
 * Whether two field values are equal as JSON (what an export or a client would see), without
 * writing them as JSON: history compares every field of every item after each run of edits,
 * and a string per field per side was most of that work and its garbage.
 */
function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const x = plain(a);
  const y = plain(b);
  if (x === y) return true;
  if (!Array.isArray(x) || !Array.isArray(y)) return false;
  return x.length === y.length && x.every((entry, i) => entry === y[i]);
}

/** Items by collection, in the order each collection first appears, and by id within it. */
function byCollection(items: readonly FlatItem[]): Map<string, Map<string, FlatItem>> {
  const collections = new Map<string, Map<string, FlatItem>>();
  for (const item of items) {
    let ids = collections.get(item.collection);
    if (!ids) collections.set(item.collection, (ids = new Map()));
    ids.set(item.id, item); // ids are unique per collection in every kind's shape; were one twice, the last would win
  }
  return collections;
}

/**
 * Changes from `before` to `after`, collection by collection in the order they first
 * appear: within one, the items of `after` in their order (added, moved, then each changed
 * field), then the removed ones in their old order. Deterministic for equal inputs.
 * Linear in the items: each side is grouped once (history runs this after every run of edits).
 */
export function diffItems(before: readonly FlatItem[], after: readonly FlatItem[]): Change[] {
  const old = byCollection(before);
  const now = byCollection(after);
  const collections = new Set([...now.keys(), ...old.keys()]);
  const changes: Change[] = [];
  for (const collection of collections) {
    const oldItems = old.get(collection);
    const newItems = now.get(collection);
    for (const item of after) {
      if (item.collection !== collection) continue;
      const previous = oldItems?.get(item.id);
      if (previous) pushItemChanges(changes, previous, item);
      else changes.push({ op: 'added', collection, id: item.id, label: item.label, after: item.fields });
    }
    for (const item of before) {
      if (item.collection === collection && !newItems?.has(item.id)) changes.push({ op: 'removed', collection, id: item.id, label: item.label, before: item.fields });
    }
  }
  return changes;
}

/** Appends an item's changes: moved (its parent), then each field of `after` then each only `before` has, that differs. */
function pushItemChanges(changes: Change[], before: FlatItem, after: FlatItem): void {
  const base = () => ({ collection: after.collection, id: after.id, label: after.label });
  if (before.parent && after.parent && before.parent.id !== after.parent.id) {
    changes.push({ op: 'moved', ...base(), field: after.parent.field, before: parentValue(before.parent), after: parentValue(after.parent) });
  }
  for (const field in after.fields) {
    const from = before.fields[field];
    const to = after.fields[field];
    if (!same(from, to)) changes.push({ op: 'changed', ...base(), field, before: from ?? null, after: to ?? null });
  }
  for (const field in before.fields) {
    if (Object.hasOwn(after.fields, field)) continue;
    const from = before.fields[field];
    if (!same(from, undefined)) changes.push({ op: 'changed', ...base(), field, before: from ?? null, after: null });
  }
}
