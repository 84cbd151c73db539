/**
 * Yjs ↔ Solid: typed reactive views of a Y.Doc. Components read these views, never
 * `doc.getMap('…')`; edits go through the accessors in `shared/`.
 */
import { createStore, reconcile, type Store } from 'solid-js/store';
import { onCleanup } from 'solid-js';
import type * as Y from 'yjs';

/**
 * A Solid store holding `read(doc)`, refreshed after every change to the document.
 * `reconcile` keeps unchanged rows identical, so only what changed re-renders. Refreshes
 * are batched per task, so a burst of remote updates costs one read.
 */
export function createDocView<T extends object>(doc: Y.Doc, read: (doc: Y.Doc) => T): Store<T> {
  const [view, setView] = createStore<T>(read(doc));
  let scheduled = false;
  const refresh = () => {
    scheduled = false;
    setView(reconcile(read(doc), { key: 'id', merge: true }));
  };
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));
  return view;
}
