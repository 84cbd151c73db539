/**
 * The document store as rooms see it when history is kept (docs/history.md): unchanged,
 * except that a compaction first derives the history of the updates it is about to drop.
 * Appends pass straight through, so the edit path (apply → commit → broadcast) does no
 * work for history at all.
 */
import type { DocumentStore } from '../sync/persistence.js';
import type { HistoryDeriver } from './deriver.js';

/**
 * `store` with compaction waiting for `deriver` up to the updates it covers.
 * @example new Rooms({ store: withHistory(createSqliteStore(db), deriver), … })
 */
export function withHistory(store: DocumentStore, deriver: Pick<HistoryDeriver, 'catchUp'>): DocumentStore {
  return {
    load: (documentId) => store.load(documentId),
    append: (documentId, update, meta) => store.append(documentId, update, meta),
    async compact(documentId, state, upToUpdateId, at, schemaVersion) {
      deriver.catchUp(upToUpdateId);
      await store.compact(documentId, state, upToUpdateId, at, schemaVersion);
    },
    pendingUpdates: (documentId) => store.pendingUpdates(documentId),
  };
}
