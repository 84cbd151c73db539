/**
 * The database side of automatic versions (DESIGN "Versions": after 10 minutes of quiet
 * following edits), so that none is lost to a restart and none is made twice: which
 * documents hold edits no version covers (read once at start-up), and an automatic version
 * stored only while no version is at least as new as the edits it is for.
 */
import { sql } from 'kysely';
import type { Kdb } from '../db/kysely.js';
import { insertVersion, type Version } from './store.js';
import { makeRoom, type VersionDeps } from './versions.js';

/** A document with edits newer than its newest version: the time (ms) of its last edit. */
export interface UnversionedEdit {
  documentId: string;
  lastEditAt: number;
}

/**
 * Every document (not in the trash) whose last edit — the newest update in the log, or the
 * newest edit a compaction summarised — is not older than its newest version of any kind
 * (an edit in the version's millisecond may have come after it was encoded). One
 * statement whatever the number of documents. A document's first content (creation,
 * import, a copy) is stored at its `created_at` and is no edit, so only later ones count.
 */
export async function unversionedEdits(kdb: Kdb): Promise<UnversionedEdit[]> {
  const { rows } = await sql<{ document_id: string; last_edit_at: number | string }>`
    SELECT d.id AS document_id, MAX(e.at) AS last_edit_at
    FROM documents d
    JOIN (
      SELECT document_id, created_at AS at FROM document_updates
      UNION ALL
      SELECT document_id, last_at AS at FROM document_edits
    ) e ON e.document_id = d.id
    WHERE d.deleted_at IS NULL AND e.at > d.created_at
    GROUP BY d.id
    HAVING MAX(e.at) >= COALESCE((SELECT MAX(v.created_at) FROM document_versions v WHERE v.document_id = d.id), 0)
  `.execute(kdb);
  return rows.map((row) => ({ documentId: row.document_id, lastEditAt: Number(row.last_edit_at) }));
}

/**
 * Stores an automatic version of the document as it is now for the edits up to `editAt`
 * (ms), unless a version made after `editAt` already covers them (answers null then).
 * Decided under the document row's lock in one transaction, so two processes sweeping the
 * same edits (each noted them at start-up) store one version. Makes room under `cap` like
 * `makeVersion` (409 `version.limit`, nothing stored, when there is none).
 */
export async function makeAutoVersion(deps: VersionDeps, documentId: string, editAt: number, name: string, cap: number): Promise<Version | null> {
  const data = await deps.rooms.encodeState(documentId);
  return deps.kdb.transaction().execute(async (trx) => {
    // The documents row as the lock: a no-op write both dialects hold until commit.
    await trx.updateTable('documents').set({ id: sql.ref('id') }).where('id', '=', documentId).execute();
    const newer = await trx.selectFrom('document_versions').select('id').where('document_id', '=', documentId).where('created_at', '>', editAt).executeTakeFirst();
    if (newer) return null;
    await makeRoom(trx, documentId, cap);
    return insertVersion(trx, { documentId, kind: 'auto', name, createdBy: null, decision: null, data, at: deps.clock.now(), restoreOf: null });
  });
}
