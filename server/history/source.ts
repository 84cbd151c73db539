/**
 * What the history deriver reads (docs/history.md, docs/database.md "Field history on
 * PostgreSQL"): a batch of committed updates after a cursor and, for documents it has no
 * shadow of, their stored state up to that cursor — all from one consistent read, so a
 * compaction committed meanwhile cannot take updates from under it. SQLite: one read
 * transaction on a (read-only) connection. PostgreSQL: one REPEATABLE READ transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Kdb } from '../db/kysely.js';

export interface LoggedUpdate {
  id: number;
  documentId: string;
  data: Uint8Array;
  userId: string | null;
  at: number;
}

/** A document's stored state up to the cursor: its snapshot (if any) and the logged updates after it. */
export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

export interface Batch {
  rows: LoggedUpdate[];
  /** For each document of `rows` that `needsState` asked for. */
  states: Map<string, StoredState>;
}

export interface UpdateSource {
  /**
   * Up to `limit` updates with `cursor < id <= horizon`, in id order, and the stored states
   * (up to `cursor`) of those documents `needsState` names.
   */
  read(cursor: number, limit: number, horizon: number, needsState: (documentId: string) => boolean): Promise<Batch>;
  close(): Promise<void>;
}

const documentsOf = (rows: readonly LoggedUpdate[], needsState: (documentId: string) => boolean) => [...new Set(rows.map((r) => r.documentId))].filter(needsState);

/** Reads from a SQLite connection (the worker's own read-only one, or the server's). */
export function sqliteSource(db: Db): UpdateSource {
  const updates = db.prepare('SELECT id, document_id AS documentId, data, user_id AS userId, created_at AS at FROM document_updates WHERE id > ? AND id <= ? ORDER BY id LIMIT ?');
  const snapshot = db.prepare('SELECT data, last_update_id AS lastUpdateId FROM document_snapshots WHERE document_id = ?');
  const logged = db.prepare('SELECT data FROM document_updates WHERE document_id = ? AND id > ? AND id <= ? ORDER BY id');
  const read = db.transaction((cursor: number, limit: number, horizon: number, needsState: (documentId: string) => boolean): Batch => {
    const rows = updates.all(cursor, horizon, limit) as LoggedUpdate[];
    const states = new Map<string, StoredState>();
    for (const documentId of documentsOf(rows, needsState)) {
      const snap = snapshot.get(documentId) as { data: Buffer; lastUpdateId: number } | undefined;
      const after = logged.all(documentId, snap?.lastUpdateId ?? 0, cursor) as Array<{ data: Buffer }>;
      states.set(documentId, { snapshot: snap ? snap.data : null, updates: after.map((r) => r.data) });
    }
    return { rows, states };
  });
  return { read: async (...args) => read(...args), close: async () => undefined };
}

/** Reads from PostgreSQL through `kdb` (the worker's own pool). */
export function postgresSource(kdb: Kdb, close: () => Promise<void>): UpdateSource {
  return {
    close,
    read: (cursor, limit, horizon, needsState) =>
      kdb.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        const rows = await trx
          .selectFrom('document_updates')
          .select(['id', 'document_id as documentId', 'data', 'user_id as userId', 'created_at as at'])
          .where('id', '>', cursor)
          .where('id', '<=', horizon)
          .orderBy('id')
          .limit(limit)
          .execute();
        const states = new Map<string, StoredState>();
        for (const documentId of documentsOf(rows, needsState)) {
          const snap = await trx.selectFrom('document_snapshots').select(['data', 'last_update_id as lastUpdateId']).where('document_id', '=', documentId).executeTakeFirst();
          const after = await trx
            .selectFrom('document_updates')
            .select('data')
            .where('document_id', '=', documentId)
            .where('id', '>', snap?.lastUpdateId ?? 0)
            .where('id', '<=', cursor)
            .orderBy('id')
            .execute();
          states.set(documentId, { snapshot: snap ? snap.data : null, updates: after.map((r) => r.data) });
        }
        return { rows, states };
      }),
  };
}

/**
 * The newest update id below which every update is committed: on PostgreSQL ids are drawn
 * when a row is inserted, not when it commits, so a lower id may still become visible
 * after a higher one. A SHARE lock on the log waits for every insert in flight (and holds
 * new ones back for the moment of one MAX), so what it then sees has no gaps to fill later.
 * Only taken when a plain read shows something new: an idle server never locks.
 */
export async function postgresHorizon(kdb: Kdb, cursor: number): Promise<number> {
  const latest = await kdb.selectFrom('document_updates').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  if (Number(latest?.id ?? 0) <= cursor) return cursor;
  return kdb.transaction().execute(async (trx) => {
    await sql`LOCK TABLE document_updates IN SHARE MODE`.execute(trx);
    const row = await trx.selectFrom('document_updates').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  });
}
