/**
 * The state of a document at a past moment, rebuilt from the update log (DESIGN "Versions,
 * changes, the live draft": `changes?since=<ISO time>` lists the changes "from the state at
 * that moment to now"). The log holds every update with the time it was stored, until a
 * compaction folds the oldest into the snapshot: while the snapshot was made at or before
 * the moment, the state then is exactly the snapshot plus the updates stored up to it.
 * Once a compaction after the moment has folded them in, the log no longer knows it, and
 * the caller falls back to a stored full state (a version or a visit; states.ts).
 */
import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';

/** What the log knows of the moment: the state's bytes (null: the document held nothing yet). */
export interface LoggedState {
  data: Uint8Array | null;
}

/** Reads once more when a compaction moved the snapshot between the two reads. */
const ATTEMPTS = 3;

/**
 * The document's state at `at` (ms since epoch) from the snapshot and the update log, or
 * null when a compaction after `at` has folded the updates that led to it into a later
 * state (or kept moving the snapshot while this read). Cost: one read of the snapshot and of
 * the updates stored up to `at`, merged without decoding (`Y.mergeUpdates`).
 */
export async function loggedStateAt(kdb: Kysely<Tables>, documentId: string, at: number): Promise<LoggedState | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const snapshot = await snapshotOf(kdb, documentId);
    if (snapshot && snapshot.compactedAt > at) return null;
    const after = snapshot?.lastUpdateId ?? 0;
    const rows = await kdb
      .selectFrom('document_updates')
      .select(['data'])
      .where('document_id', '=', documentId)
      .where('id', '>', after)
      .where('created_at', '<=', at)
      .orderBy('id')
      .execute();
    // The updates after the snapshot read are still in the log only if no compaction ran since.
    if ((await snapshotOf(kdb, documentId))?.lastUpdateId !== snapshot?.lastUpdateId) continue;
    const parts = [...(snapshot ? [snapshot.data] : []), ...rows.map((row) => new Uint8Array(row.data))];
    return { data: parts.length === 0 ? null : Y.mergeUpdates(parts) };
  }
  return null;
}

async function snapshotOf(kdb: Kysely<Tables>, documentId: string): Promise<{ data: Uint8Array; lastUpdateId: number; compactedAt: number } | undefined> {
  const row = await kdb.selectFrom('document_snapshots').select(['data', 'last_update_id', 'updated_at']).where('document_id', '=', documentId).executeTakeFirst();
  return row ? { data: new Uint8Array(row.data), lastUpdateId: Number(row.last_update_id), compactedAt: Number(row.updated_at) } : undefined;
}
