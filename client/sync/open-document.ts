/**
 * Opens a live document: the Y.Doc kept in IndexedDB (so it opens offline and offline
 * edits merge on reconnect), synced with the server through y-websocket, with presence
 * and a per-user undo manager that only undoes one's own changes.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Accessor } from 'solid-js';
import { createConnectionStatus, type ConnectionStatus } from './status.js';
import { announce } from './presence.js';
import { createUndoManager } from './undo.js';

export { LOCAL_ORIGIN } from './undo.js';

export interface LiveDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: Accessor<ConnectionStatus>;
  undo: Y.UndoManager;
  /** Resolves when the local copy (IndexedDB) has been read. */
  whenLocalLoaded: Promise<void>;
  destroy(): void;
}

export function openDocument(documentId: string, user: { id: string; name: string }, rootNames: readonly string[]): LiveDocument {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`samplan:${documentId}`, doc);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const provider = new WebsocketProvider(url, documentId, doc, { disableBc: true });
  announce(provider.awareness, user);
  // A laptop that loses its network may keep a dead socket for a long time; go offline at
  // once (edits stay in IndexedDB) and reconnect as soon as the network is back.
  const goOffline = () => provider.disconnect();
  const goOnline = () => provider.connect();
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  const undo = createUndoManager(doc, rootNames);
  return {
    doc,
    provider,
    status: createConnectionStatus(provider),
    undo,
    whenLocalLoaded: local.whenSynced.then(() => undefined),
    destroy: () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      undo.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
