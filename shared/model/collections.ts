/**
 * Edits every keyed collection shares: add an item at the end, set fields, remove,
 * move one step among its siblings. Each is one transaction; `origin` tags who made it.
 */
import * as Y from 'yjs';
import { newId } from './ids.js';
import { orderAfterLast, orderBetween } from './order.js';
import { itemsInOrder, itemsOf, readString, writeFields, type YItem } from './ymap.js';

export interface CollectionSpec {
  /** Root name of the keyed collection. */
  root: string;
  /** Fields that are co-edited `Y.Text`. */
  textKeys?: readonly string[];
  /** The parent field siblings share (`goalId`, `meetingId`, …); none when all items are siblings. */
  groupKey?: string;
  /** Fields every new item starts with unless given (e.g. `priority: null` on votable items). */
  defaults?: Readonly<Record<string, unknown>>;
}

function group(spec: CollectionSpec, fields: Record<string, unknown> | YItem): unknown {
  if (!spec.groupKey) return undefined;
  return fields instanceof Y.Map ? fields.get(spec.groupKey) : fields[spec.groupKey];
}

/** The `order` that puts an item after the last one whose group field is `parent` (after every item when the spec has no group). */
export function orderAtEnd(doc: Y.Doc, spec: CollectionSpec, parent: unknown): string {
  const siblings = itemsOf(doc.getMap<unknown>(spec.root)).filter(([, map]) => group(spec, map) === parent);
  return orderAfterLast(siblings.map(([, m]) => readString(m, 'order')));
}

/** Adds an item after the last of its siblings; returns its id. */
export function addItem(doc: Y.Doc, spec: CollectionSpec, fields: Record<string, unknown>, origin?: unknown): string {
  const collection = doc.getMap<unknown>(spec.root);
  const id = newId();
  doc.transact(() => {
    const order = orderAtEnd(doc, spec, group(spec, fields));
    const map = new Y.Map<unknown>();
    collection.set(id, map);
    writeFields(map, { order, ...spec.defaults, ...fields }, spec.textKeys);
  }, origin);
  return id;
}

/** Sets fields of an item; those in `textKeys` are written as `Y.Text`. No-op for an unknown id. */
export function setItemFields(doc: Y.Doc, spec: CollectionSpec, id: string, fields: Record<string, unknown>, origin?: unknown): void {
  const map = doc.getMap<unknown>(spec.root).get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => writeFields(map as YItem, fields, spec.textKeys), origin);
}

/** Removes an item. Its children are kept (as orphans, reported) rather than silently deleted. */
export function deleteItem(doc: Y.Doc, spec: CollectionSpec, id: string, origin?: unknown): void {
  doc.transact(() => doc.getMap<unknown>(spec.root).delete(id), origin);
}

/**
 * Moves an item one step up (-1) or down (+1) among its siblings with one write to its
 * `order`, which merges with whatever others edit in it at the same moment.
 */
export function moveItem(doc: Y.Doc, spec: CollectionSpec, id: string, direction: -1 | 1, origin?: unknown): void {
  const collection = doc.getMap<unknown>(spec.root);
  const item = collection.get(id);
  if (!(item instanceof Y.Map)) return;
  const parent = group(spec, item as YItem);
  const siblings = itemsInOrder(collection)
    .filter(([, map]) => group(spec, map) === parent)
    .map(([sid, map]) => ({ id: sid, order: readString(map, 'order') }));
  const index = siblings.findIndex((s) => s.id === id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= siblings.length) return;
  const rest = siblings.filter((s) => s.id !== id);
  doc.transact(() => item.set('order', orderBetween(rest[target - 1]?.order ?? null, rest[target]?.order ?? null)), origin);
}

/** Sets or clears one key of a `Y.Map<key, true>` set inside an item (objectives, links). */
export function toggleInSet(doc: Y.Doc, spec: CollectionSpec, id: string, field: string, key: string, on: boolean, origin?: unknown): void {
  const item = doc.getMap<unknown>(spec.root).get(id);
  if (!(item instanceof Y.Map)) return;
  doc.transact(() => {
    let set = item.get(field);
    if (!(set instanceof Y.Map)) {
      set = new Y.Map<true>();
      item.set(field, set);
    }
    if (on) (set as Y.Map<true>).set(key, true);
    else (set as Y.Map<true>).delete(key);
  }, origin);
}
