/**
 * Where document content lives: a snapshot plus the log of updates since. The interface
 * is async so PostgreSQL can fill it too (server/sync/persistence-pg.ts, several processes). The SQLite
 * store commits the updates handled in one go together (group commit: every frame read
 * from the network in one callback), so a busy server spends its time relaying edits
 * rather than committing them one by one. The commit runs as a microtask right after that
 * callback, not at the end of the event-loop turn: waiting for the turn's other I/O put
 * 0.5–0.8 ms on the median broadcast in one big room.
 */
import { CommitGate } from '../db/commit-gate.js';
import type { Db } from '../db/database.js';

export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the newest update read, so compaction knows what the snapshot covers. */
  lastUpdateId: number;
  /** Schema version of the code that wrote the snapshot; null when unknown. */
  snapshotSchemaVersion: number | null;
}

export interface UpdateMeta {
  userId: string | null;
  at: number;
}

export interface DocumentStore {
  load(documentId: string): Promise<StoredDocument>;
  /** Durable when the promise resolves: only then may the update be broadcast. */
  append(documentId: string, update: Uint8Array, meta: UpdateMeta): Promise<number>;
  /**
   * Replaces the snapshot by `state` (written by code at `schemaVersion`) and drops the
   * updates it covers (id ≤ `upToUpdateId`).
   */
  compact(documentId: string, state: Uint8Array, upToUpdateId: number, at: number, schemaVersion: number): Promise<void>;
  /** Number of updates logged since the snapshot. */
  pendingUpdates(documentId: string): Promise<number>;
}

interface PendingAppend {
  documentId: string;
  update: Uint8Array;
  meta: UpdateMeta;
  resolve(id: number): void;
  reject(error: unknown): void;
}

/** The store's statements, prepared once per database. */
function prepareStatements(db: Db) {
  const upsertSnapshot = db.prepare(
    `INSERT INTO document_snapshots (document_id, data, last_update_id, updated_at, schema_version) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET data = excluded.data, last_update_id = excluded.last_update_id,
       updated_at = excluded.updated_at, schema_version = excluded.schema_version`,
  );
  const summariseEdits = db.prepare(
    `INSERT INTO document_edits (document_id, user_id, first_at, last_at, updates)
     SELECT document_id, user_id, MIN(created_at), MAX(created_at), COUNT(*) FROM document_updates
     WHERE document_id = ? AND id <= ? GROUP BY user_id`,
  );
  const deleteUpdates = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND id <= ?');
  const touchDocument = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const snapshotCovers = db.prepare('SELECT 1 FROM document_snapshots WHERE document_id = ? AND last_update_id >= ?').pluck();
  return {
    selectSnapshot: db.prepare('SELECT data, last_update_id AS lastUpdateId, schema_version AS schemaVersion FROM document_snapshots WHERE document_id = ?'),
    selectUpdates: db.prepare('SELECT id, data FROM document_updates WHERE document_id = ? AND id > ? ORDER BY id'),
    insertUpdate: db.prepare('INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES (?, ?, ?, ?)'),
    countUpdates: db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?'),
    compact: db.transaction((documentId: string, state: Uint8Array, upTo: number, at: number, schemaVersion: number) => {
      // A snapshot covering as much or more is already stored (a compaction that started
      // earlier ended later): replacing it would drop the updates it alone still holds.
      if (snapshotCovers.get(documentId, upTo) !== undefined) return;
      upsertSnapshot.run(documentId, state, upTo, at, schemaVersion);
      summariseEdits.run(documentId, upTo);
      deleteUpdates.run(documentId, upTo);
      touchDocument.run(at, documentId);
    }),
  };
}

/** `append` with group commit: every update handled in one callback commits in one transaction. */
function createGroupAppend(db: Db, insertUpdate: ReturnType<typeof prepareStatements>['insertUpdate'], gate: CommitGate): DocumentStore['append'] {
  let pending: PendingAppend[] = [];
  const insertAll = db.transaction((batch: PendingAppend[]) =>
    batch.map((entry) => Number(insertUpdate.run(entry.documentId, entry.update, entry.meta.userId, entry.meta.at).lastInsertRowid)),
  );
  // Runs when the current callback's work is done: every update it handled is in the
  // batch. Until it commits, none of them is broadcast; if it fails, none of them is.
  const commitPending = () => {
    const batch = pending;
    pending = [];
    let ids: number[];
    try {
      ids = insertAll(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => entry.resolve(ids[i] ?? 0));
  };
  return function append(documentId, update, meta) {
    return new Promise<number>((resolve, reject) => {
      if (pending.length === 0) queueMicrotask(() => gate.whenOpen(commitPending));
      pending.push({ documentId, update, meta, resolve, reject });
    });
  };
}

/** `gate`: where the WAL checkpointer may hold commits for a moment (see checkpointer.ts); one nobody holds by default. */
export function createSqliteStore(db: Db, gate = new CommitGate()): DocumentStore {
  const { selectSnapshot, selectUpdates, insertUpdate, countUpdates, compact } = prepareStatements(db);
  return {
    async load(documentId) {
      const snapshot = selectSnapshot.get(documentId) as { data: Buffer; lastUpdateId: number; schemaVersion: number | null } | undefined;
      const after = snapshot?.lastUpdateId ?? 0;
      const rows = selectUpdates.all(documentId, after) as Array<{ id: number; data: Buffer }>;
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastUpdateId: rows.at(-1)?.id ?? after,
        snapshotSchemaVersion: snapshot?.schemaVersion ?? null,
      };
    },
    append: createGroupAppend(db, insertUpdate, gate),
    async compact(documentId, state, upToUpdateId, at, schemaVersion) {
      compact(documentId, state, upToUpdateId, at, schemaVersion);
    },
    async pendingUpdates(documentId) {
      return (countUpdates.get(documentId) as { n: number }).n;
    },
  };
}
