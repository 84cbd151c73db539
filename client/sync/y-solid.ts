/**
 * Yjs ↔ Solid: typed reactive views of a Y.Doc. Components read these views, never
 * `doc.getMap('…')`; edits go through the accessors in `shared/`.
 */
import { createStore, reconcile, type Store } from 'solid-js/store';
import { onCleanup } from 'solid-js';
import type * as Y from 'yjs';

/**
 * A Solid store holding `read(doc)`, refreshed after every change to the document (or,
 * with `relevant`, after a change it says `read` can see: a whole-document read on every
 * keystroke of a 2 000-activity plan costs hundreds of milliseconds, issue 17 item 14).
 * `reconcile` keeps unchanged rows identical, so only what changed re-renders. Refreshes
 * are batched per task, so a burst of remote updates costs one read.
 */
export function createDocView<T extends object>(doc: Y.Doc, read: (doc: Y.Doc) => T, relevant: (transaction: Y.Transaction) => boolean = () => true): Store<T> {
  const [view, setView] = createStore<T>(read(doc));
  let scheduled = false;
  const refresh = () => {
    scheduled = false;
    setView(reconcile(read(doc), { key: 'id', merge: true }));
  };
  const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (scheduled || !relevant(transaction)) return;
    scheduled = true;
    queueMicrotask(refresh);
  };
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));
  return view;
}

/**
 * Whether a transaction may have changed what a reader of `keys` sees: a root changed
 * (items added, removed, or a document-level field), one of `keys` was set on a map, or a
 * text stored under one of `keys` was typed in. A keystroke in any other field says no.
 */
export function touchesKeys(transaction: Y.Transaction, keys: ReadonlySet<string>): boolean {
  for (const [type, changed] of transaction.changed) {
    const item = type._item;
    if (item === null) return true;
    for (const key of changed) if (key !== null && keys.has(key)) return true;
    if (typeof item.parentSub === 'string' && keys.has(item.parentSub)) return true;
  }
  return false;
}

/**
 * A read-only map over a Solid store record: `get(key)` tracks that key alone, so a reader
 * of one field's entry re-runs only when that entry changes. `entries`/`size` track all.
 */
export class StoreMap<V> implements ReadonlyMap<string, V> {
  constructor(private readonly record: Record<string, V | undefined>) {}
  get(key: string): V | undefined {
    return this.record[key];
  }
  has(key: string): boolean {
    return this.record[key] !== undefined;
  }
  get size(): number {
    return [...this.keys()].length;
  }
  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of Object.entries(this.record)) if (value !== undefined) yield [key, value];
  }
  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  forEach(run: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) run(value, key, this);
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** A read-only set over a Solid store record of flags: `has(id)` tracks that id alone. */
export class StoreSet implements ReadonlySet<string> {
  private readonly map: StoreMap<true>;
  constructor(record: Record<string, true | undefined>) {
    this.map = new StoreMap(record);
  }
  has(id: string): boolean {
    return this.map.has(id);
  }
  get size(): number {
    return this.map.size;
  }
  *entries(): SetIterator<[string, string]> {
    for (const key of this.map.keys()) yield [key, key];
  }
  keys(): SetIterator<string> {
    return this.map.keys();
  }
  values(): SetIterator<string> {
    return this.map.keys();
  }
  forEach(run: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const key of this.map.keys()) run(key, key, this);
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.map.keys();
  }
}
