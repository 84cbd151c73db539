/**
 * The local copy (y-indexeddb) is written after the frame, not inside the keystroke: the
 * library opens an IndexedDB transaction for every Yjs update in the update event itself,
 * about 1 ms of each keystroke's handlers at 20–400 activities (issue 17 item 14, profile in
 * docs/bench/client-2026-11.md). Updates made before the next frame are merged into one
 * write; a page being hidden or closed writes what waits at once.
 */
import * as Y from 'yjs';

/** What of `IndexeddbPersistence` this needs (its own update handler and whether it is closed). */
export interface LocalCopy {
  _storeUpdate: (update: Uint8Array, origin: unknown) => void;
  _destroyed: boolean;
}

/** Runs `run` once, later; the browser's is after the next frame (or at once-ish when hidden). */
export type Later = (run: () => void) => void;

/** A task after the next frame; in a hidden page (no frames) the next task. */
export const afterFrame: Later = (run) => {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') setTimeout(run, 0);
  else requestAnimationFrame(() => setTimeout(run, 0));
};

/**
 * Replaces `local`'s per-update write with one merged write per `later` slot. Returns
 * `flush`, which writes what waits now (call it before closing the copy). Updates the copy
 * itself applied (read from IndexedDB) are not written back, as before. A flush after the
 * copy was closed writes nothing.
 */
export function storeLater(local: LocalCopy, doc: Y.Doc, later: Later = afterFrame): () => void {
  const store = local._storeUpdate;
  let waiting: Uint8Array[] = [];
  const flush = () => {
    const updates = waiting;
    waiting = [];
    const [only] = updates;
    if (!only || local._destroyed) return;
    store(updates.length === 1 ? only : Y.mergeUpdates(updates), null);
  };
  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === local) return;
    if (waiting.length === 0) later(flush);
    waiting.push(update);
  };
  doc.off('update', store);
  doc.on('update', collect);
  // The copy's `destroy` unregisters whatever `_storeUpdate` holds then.
  local._storeUpdate = collect;
  return flush;
}
