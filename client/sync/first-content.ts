/**
 * When a document has something worth drawing: the server's state arrived (sync step 2),
 * or this browser's local copy held edits, or the server cannot be reached and the local
 * copy is all there is. Until then the page says "Laddar dokumentet …" instead of drawing
 * an empty plan with "0 kr" totals that a reader could take for the real figures.
 */
import { createEffect, createSignal, type Accessor } from 'solid-js';
import type { LiveDocument } from './open-document.js';

const SHOW_WHAT_WE_HAVE = new Set(['online', 'offline', 'error', 'retrying']);

/** True from the first moment the document's content can be trusted to be drawn; never false again. */
export function createFirstContent(live: Pick<LiveDocument, 'doc' | 'status'> & { whenLocalLoaded?: Promise<void> }): Accessor<boolean> {
  const [ready, setReady] = createSignal(false);
  const [localLoaded, setLocalLoaded] = createSignal(false);
  // A guest's view keeps no local copy: only the server's state, or its absence, counts.
  void (live.whenLocalLoaded ?? Promise.resolve()).then(
    () => setLocalLoaded(true),
    () => setLocalLoaded(true),
  );
  createEffect(() => {
    if (ready()) return;
    const state = live.status().state;
    if (state === 'online') return setReady(true);
    if (!localLoaded()) return;
    // A local copy with edits opens at once (offline-first); an empty one waits for the server.
    if (live.doc.store.clients.size > 0 || SHOW_WHAT_WE_HAVE.has(state)) setReady(true);
  });
  return ready;
}
