/**
 * The document store as rooms see it when history is kept (docs/history.md): unchanged,
 * except that a compaction first derives the history of the updates it is about to drop.
 * Waits for the worker thread, not the event loop. Appends pass straight through, so the edit path (apply → commit → broadcast) does no
 * work for history at all.
 */
import type { DocumentStore } from '../sync/persistence.js';
import type { HistoryDeriver } from './deriver.js';
import { loggableFailure } from './refusal.js';

/**
 * `store` with compaction waiting for `deriver` up to the updates it covers.
 * @example new Rooms({ store: withHistory(createSqliteStore(db), deriver), … })
 */
export function withHistory(store: DocumentStore, deriver: Pick<HistoryDeriver, 'catchUp'>): DocumentStore {
  return {
    load: (documentId) => store.load(documentId),
    append: (documentId, update, meta) => store.append(documentId, update, meta),
    async compact(documentId, state, upToUpdateId, at, schemaVersion) {
      // Never holds up the room for good: if deriving fails, compaction goes ahead (logged).
      // A refused value's message or detail (PostgreSQL's "Failing row contains …") may quote personal data: its code only.
      await deriver.catchUp(upToUpdateId).catch((error: unknown) =>
        console.error(`History: ${documentId} compacted before its history was derived`, loggableFailure(error)),
      );
      await store.compact(documentId, state, upToUpdateId, at, schemaVersion);
    },
    pendingUpdates: (documentId) => store.pendingUpdates(documentId),
  };
}
