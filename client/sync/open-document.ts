/**
 * Opens a live document: the Y.Doc kept in IndexedDB (so it opens offline and offline
 * edits merge on reconnect), synced with the server through y-websocket, with presence
 * and a per-user undo manager that only undoes one's own changes.
 */
import * as Y from 'yjs';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type { Accessor } from 'solid-js';
import type { ConnectionStatus } from './status.js';
import { announce } from './presence.js';
import { connectDocument } from './provider.js';
import { createUndoManager } from './undo.js';
import { localCopyName } from './local-copies.js';
import { storeLater } from './local-writes.js';

export { LOCAL_ORIGIN } from './undo.js';

export interface LiveDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: Accessor<ConnectionStatus>;
  undo: Y.UndoManager;
  /** Resolves when the local copy (IndexedDB) has been read. */
  whenLocalLoaded: Promise<void>;
  /** Connects again after the provider stopped (close-codes.ts); a no-op while connected. */
  reconnect(): void;
  /** Closes everything; resolves when the local copy is closed. Safe to call twice. */
  destroy(): Promise<void>;
  /**
   * Closes everything and deletes the local copy: for when the server did not accept what
   * this browser holds (a lowered role, a refused change), so the next open starts from
   * the server's version instead of re-sending what was refused.
   */
  discardLocal(): Promise<void>;
  /**
   * Stops keeping the document in this browser and deletes the local copy, leaving what is
   * on screen readable: for when the session ended (4401), so nothing typed afterwards, and
   * nothing unsent from before, is ever sent by a later session.
   */
  forgetLocal(): Promise<void>;
}

export function openDocument(documentId: string, user: { id: string; name: string }, rootNames: readonly string[]): LiveDocument {
  const doc = new Y.Doc();
  // Per person (local-copies.ts): one person's unsent edits are never sent by another's session.
  const localName = localCopyName(user.id, documentId);
  const local = new IndexeddbPersistence(localName, doc);
  // Written after the frame, not inside each keystroke (local-writes.ts); a page being
  // hidden or closed writes what waits at once.
  const flushLocal = storeLater(local, doc);
  const flushWhenHidden = () => document.visibilityState === 'hidden' && flushLocal();
  document.addEventListener('visibilitychange', flushWhenHidden);
  window.addEventListener('pagehide', flushLocal);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const connection = connectDocument(url, documentId, doc);
  const provider = connection.provider;
  announce(provider.awareness, user);
  // A laptop that loses its network may keep a dead socket for a long time; go offline at
  // once (edits stay in IndexedDB) and reconnect as soon as the network is back — unless
  // the server ended the session (4401/4403/4404): then only the page decides.
  const goOffline = () => provider.disconnect();
  const goOnline = () => {
    if (!connection.stopped()) provider.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  const undo = createUndoManager(doc, rootNames);
  let closed: Promise<void> | null = null;
  const destroy = (): Promise<void> => {
    if (closed) return closed;
    window.removeEventListener('offline', goOffline);
    window.removeEventListener('online', goOnline);
    document.removeEventListener('visibilitychange', flushWhenHidden);
    window.removeEventListener('pagehide', flushLocal);
    flushLocal();
    undo.destroy();
    provider.destroy();
    closed = local.destroy().then(() => doc.destroy());
    return closed;
  };
  return {
    doc,
    provider,
    status: connection.status,
    undo,
    whenLocalLoaded: local.whenSynced.then(() => undefined),
    reconnect: () => connection.resume(),
    destroy,
    discardLocal: async () => {
      await destroy();
      await clearDocument(localName);
    },
    forgetLocal: async () => {
      await local.destroy();
      await clearDocument(localName);
    },
  };
}
