/**
 * The document store on PostgreSQL (DATABASE_URL; docs/database.md "Conversion plan" step 5),
 * the same `DocumentStore` as SQLite's (server/sync/persistence.ts). Appends handled in one
 * go are one multi-row INSERT, which commits on its own before any of their promises
 * resolves (durable before broadcast, DESIGN "Storage"), and fails whole. Several processes
 * may share the database: a compaction holds a transaction-scoped advisory lock on its
 * document, so two never interleave, and one whose snapshot is older than the stored one
 * leaves it alone (that one already covers more).
 */
import { sql, type Transaction } from 'kysely';
import type { Kdb } from '../db/kysely.js';
import type { Tables } from '../db/schema.js';
import type { DocumentStore, UpdateMeta } from './persistence.js';

/** First key of the compaction lock (pg_advisory_xact_lock(int4, int4)); the second is the document id's hash. */
const COMPACTION_LOCK = 0x5a4d_0001;
/** At most this many rows per INSERT: 4 parameters each, well under PostgreSQL's 65 535. */
const MAX_BATCH = 1000;

interface PendingAppend {
  documentId: string;
  update: Uint8Array;
  meta: UpdateMeta;
  resolve(id: number): void;
  reject(error: unknown): void;
}

/** pg writes a Buffer as BYTEA; a view on the same memory, not a copy. */
function bytea(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Inserts `batch` in one statement and settles every promise in it. */
async function insertBatch(kdb: Kdb, batch: PendingAppend[]): Promise<void> {
  try {
    const rows = await kdb
      .insertInto('document_updates')
      .values(batch.map((entry) => ({ document_id: entry.documentId, data: bytea(entry.update), user_id: entry.meta.userId, created_at: entry.meta.at })))
      .returning('id')
      .execute();
    // The identity is drawn row by row in VALUES order, so the ids ascending are the batch's
    // own order, whatever order RETURNING lists them in.
    const ids = rows.map((row) => row.id).sort((a, b) => a - b);
    if (ids.length !== batch.length) throw new Error(`Update log: ${ids.length} ids for ${batch.length} updates`);
    batch.forEach((entry, i) => entry.resolve(ids[i] ?? 0));
  } catch (error) {
    for (const entry of batch) entry.reject(error);
  }
}

/** `append` with the updates handled in one callback stored by one INSERT (group commit). */
function createBatchedAppend(kdb: Kdb): DocumentStore['append'] {
  let open: PendingAppend[] | null = null;
  return function append(documentId, update, meta) {
    return new Promise<number>((resolve, reject) => {
      if (open === null || open.length >= MAX_BATCH) {
        const batch: PendingAppend[] = [];
        open = batch;
        queueMicrotask(() => {
          if (open === batch) open = null;
          void insertBatch(kdb, batch);
        });
      }
      open.push({ documentId, update, meta, resolve, reject });
    });
  };
}

/** Replaces the log up to `upTo` by `state`, unless the stored snapshot already covers it. */
async function compactIn(trx: Transaction<Tables>, documentId: string, state: Uint8Array, upTo: number, at: number, schemaVersion: number): Promise<void> {
  // Held until commit: another process's compaction of this document waits here, then
  // sees this one's snapshot (READ COMMITTED reads afresh per statement).
  await sql`SELECT pg_advisory_xact_lock(${COMPACTION_LOCK}::int4, hashtext(${documentId}))`.execute(trx);
  const stored = await trx.selectFrom('document_snapshots').select('last_update_id').where('document_id', '=', documentId).executeTakeFirst();
  if (stored && stored.last_update_id >= upTo) return;
  await trx
    .insertInto('document_snapshots')
    .values({ document_id: documentId, data: bytea(state), last_update_id: upTo, updated_at: at, schema_version: schemaVersion })
    .onConflict((oc) =>
      oc.column('document_id').doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        last_update_id: eb.ref('excluded.last_update_id'),
        updated_at: eb.ref('excluded.updated_at'),
        schema_version: eb.ref('excluded.schema_version'),
      })),
    )
    .execute();
  await sql`INSERT INTO document_edits (document_id, user_id, first_at, last_at, updates)
    SELECT document_id, user_id, MIN(created_at), MAX(created_at), COUNT(*) FROM document_updates
    WHERE document_id = ${documentId} AND id <= ${upTo} GROUP BY document_id, user_id`.execute(trx);
  await trx.deleteFrom('document_updates').where('document_id', '=', documentId).where('id', '<=', upTo).execute();
  await trx.updateTable('documents').set({ updated_at: at }).where('id', '=', documentId).execute();
}

/** The store on PostgreSQL through `kdb` (server/db/kysely.ts `openPostgres`). */
export function createPostgresStore(kdb: Kdb): DocumentStore {
  return {
    async load(documentId) {
      // One snapshot of both tables: a compaction committing between the two reads would
      // otherwise drop updates the older snapshot does not hold.
      return kdb
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const snapshot = await trx.selectFrom('document_snapshots').select(['data', 'last_update_id', 'schema_version']).where('document_id', '=', documentId).executeTakeFirst();
          const after = snapshot?.last_update_id ?? 0;
          const rows = await trx.selectFrom('document_updates').select(['id', 'data']).where('document_id', '=', documentId).where('id', '>', after).orderBy('id').execute();
          return {
            snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
            updates: rows.map((row) => new Uint8Array(row.data)),
            lastUpdateId: rows.at(-1)?.id ?? after,
            snapshotSchemaVersion: snapshot?.schema_version ?? null,
          };
        });
    },
    append: createBatchedAppend(kdb),
    async compact(documentId, state, upToUpdateId, at, schemaVersion) {
      await kdb.transaction().execute((trx) => compactIn(trx, documentId, state, upToUpdateId, at, schemaVersion));
    },
    async pendingUpdates(documentId) {
      const row = await kdb.selectFrom('document_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
