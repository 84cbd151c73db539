/**
 * Document records (the Yjs content lives in the document store, see sync/persistence.ts),
 * on the async layer (docs/database.md "Conversion plan" step 3): SQLite or PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { AppError, notFound } from '../errors.js';
import { isPostgres } from './dialect.js';
import type { Kdb } from './kysely.js';
import { precompiled } from './precompiled.js';
import type { Tables } from './schema.js';

/** `deps.kdb` or a transaction on it. */
type Q = Kysely<Tables>;

export interface DocumentRow {
  id: string;
  workspaceId: string;
  kind: DocumentKind;
  title: string;
}

/** Documents of a workspace that count against its cap: every one not in the trash. */
export async function documentsInWorkspace(kdb: Q, workspaceId: string): Promise<number> {
  const row = await kdb
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 409 `workspace.full`: the workspace holds `max` documents (DOCUMENTS_PER_WORKSPACE). */
export function workspaceFull(max: number): AppError {
  return new AppError(409, 'workspace.full', `Arbetsytan har redan ${max} dokument, det högsta antalet. Flytta något till papperskorgen först.`);
}

/** Throws 409 `workspace.full` when one more document would take the workspace past `max`. */
export async function assertRoomForDocument(kdb: Q, workspaceId: string, max: number): Promise<void> {
  if ((await documentsInWorkspace(kdb, workspaceId)) >= max) throw workspaceFull(max);
}

/** The cap's condition inside a statement: fewer than `max` documents outside the trash. */
const roomLeft = (workspaceId: string, max: number) =>
  sql`(SELECT COUNT(*) FROM documents WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL) < ${max}`;

/**
 * Runs `write` (one statement that writes only when `roomLeft` holds) so that two at once
 * cannot both take a workspace's last place. SQLite: the statement alone is atomic (one
 * connection, one writer). PostgreSQL (READ COMMITTED): in a transaction that first locks
 * the workspace row, so the other waits and then counts this one's document. Throws 409
 * `workspace.full` when `write` changed nothing.
 */
async function underCap(kdb: Kdb, workspaceId: string, max: number, write: (q: Q) => Promise<bigint | undefined>, refusal = async (_q: Q) => workspaceFull(max)): Promise<void> {
  const attempt = async (q: Q) => ((await write(q)) ? null : refusal(q));
  const refused = isPostgres(kdb)
    ? await kdb.transaction().execute(async (trx) => {
        await sql`SELECT id FROM workspaces WHERE id = ${workspaceId} FOR UPDATE`.execute(trx);
        return attempt(trx);
      })
    : await attempt(kdb);
  if (refused) throw refused;
}

/**
 * Stores a new document's record. Every way a document enters a workspace — create, import,
 * duplicate — comes through here, so the cap (DOCUMENTS_PER_WORKSPACE, `maxPerWorkspace`)
 * holds for all of them, also under concurrency (`underCap`). Throws 409 `workspace.full`.
 */
export async function insertDocument(kdb: Kdb, row: DocumentRow, createdBy: string | null, now: number, maxPerWorkspace: number): Promise<void> {
  await underCap(kdb, row.workspaceId, maxPerWorkspace, async (q) => {
    // Typed casts: PostgreSQL reads a bare parameter in a SELECT list as text.
    const result = await sql`INSERT INTO documents (id, workspace_id, kind, title, created_by, created_at, updated_at)
      SELECT ${row.id}, ${row.workspaceId}, ${row.kind}, ${row.title}, ${createdBy}, CAST(${now} AS BIGINT), CAST(${now} AS BIGINT)
      WHERE ${roomLeft(row.workspaceId, maxPerWorkspace)}`.execute(q);
    return result.numAffectedRows;
  });
}

/**
 * Takes a document out of the trash (DESIGN "Audit and exports") if the cap leaves room:
 * back from the trash it counts again, as a new document would. Throws 409
 * `workspace.full`, or 404 `not-found` when it is no longer in the trash (purged, or
 * taken out by someone else at the same time: only one of them restores it).
 */
export async function restoreDocument(kdb: Kdb, row: DocumentRow, maxPerWorkspace: number): Promise<void> {
  const write = async (q: Q) => {
    const result = await sql`UPDATE documents SET deleted_at = NULL, deleted_by = NULL
      WHERE id = ${row.id} AND deleted_at IS NOT NULL AND ${roomLeft(row.workspaceId, maxPerWorkspace)}`.execute(q);
    return result.numAffectedRows;
  };
  // Why nothing changed, read where it was written (after the lock on PostgreSQL).
  const refusal = async (q: Q) => {
    const state = await q.selectFrom('documents').select('deleted_at').where('id', '=', row.id).executeTakeFirst();
    return state?.deleted_at == null ? notFound('Dokumentet finns inte i papperskorgen.') : workspaceFull(maxPerWorkspace);
  };
  await underCap(kdb, row.workspaceId, maxPerWorkspace, write, refusal);
}

// Precompiled (docs/database.md "Hot paths"): every document route and every upgrade asks.
const liveDocumentById = precompiled(1, (kdb, id: string) =>
  kdb.selectFrom('documents').select(['id', 'workspace_id as workspaceId', 'kind', 'title']).where('id', '=', id).where('deleted_at', 'is', null),
);

/**
 * The document, unless it is deleted: a deleted document (in the trash, DESIGN "Audit and
 * exports") is 404 for everyone, over HTTP and the websocket, because every lookup goes
 * through here. The trash and undelete use `findDocumentWithState`. Built once, so a lookup
 * costs about what main's cached statement did (tests/bench/db-lookup.ts).
 */
export async function findDocument(kdb: Q, id: string): Promise<DocumentRow | undefined> {
  return liveDocumentById.first(kdb, id);
}


/** Every document of the workspace that is not deleted, archived ones included (role changes reach them too). */
export async function documentsOf(kdb: Q, workspaceId: string): Promise<Array<Omit<DocumentRow, 'workspaceId'>>> {
  return kdb
    .selectFrom('documents')
    .select(['id', 'kind', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy(sql`title COLLATE NOCASE`)
    .execute();
}

/** Keeps the listed title in step with the title people edit inside the document. */
export async function setDocumentTitle(kdb: Q, id: string, title: string, now: number): Promise<void> {
  await kdb.updateTable('documents').set({ title, updated_at: now }).where('id', '=', id).execute();
}

/** A document row with its lifecycle marks (ms since the epoch, or null). */
export interface DocumentWithState extends DocumentRow {
  archivedAt: number | null;
  deletedAt: number | null;
  deletedBy: string | null;
}

/** The document whatever its state (trash, undelete, purge). */
export async function findDocumentWithState(kdb: Q, id: string): Promise<DocumentWithState | undefined> {
  return kdb
    .selectFrom('documents')
    .select(['id', 'workspace_id as workspaceId', 'kind', 'title', 'archived_at as archivedAt', 'deleted_at as deletedAt', 'deleted_by as deletedBy'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether a (not deleted) document is archived: read-only for everyone. */
export async function isArchived(kdb: Q, id: string): Promise<boolean> {
  const row = await kdb.selectFrom('documents').select('archived_at').where('id', '=', id).executeTakeFirst();
  return row?.archived_at != null;
}

export interface ListedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
}

/**
 * The workspace's listing (`GET /api/workspaces/:ws`): `documents` as before (live ones only,
 * so nothing that lists them offers an archived one for writing) and `archived` apart, each
 * with `archivedAt` (ISO).
 */
export async function documentListing(kdb: Q, workspaceId: string): Promise<{ documents: ListedDocument[]; archived: Array<ListedDocument & { archivedAt: string }> }> {
  const rows = await kdb
    .selectFrom('documents')
    .select(['id', 'kind', 'title', 'archived_at as archivedAt'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy(sql`title COLLATE NOCASE`)
    .execute();
  const documents: ListedDocument[] = [];
  const archived: Array<ListedDocument & { archivedAt: string }> = [];
  for (const { archivedAt, ...row } of rows) {
    if (archivedAt === null) documents.push(row);
    else archived.push({ ...row, archivedAt: new Date(archivedAt).toISOString() });
  }
  return { documents, archived };
}

/** Archives (`at` set) or unarchives (`at` null) a document; true when this call changed it. */
export async function setArchived(kdb: Q, id: string, at: number | null, by: string | null): Promise<boolean> {
  // Only a row in the other state matches: a repeat keeps the first archiving's time and
  // author, and of two calls at once exactly one changes the row (and is audited).
  const result = await kdb
    .updateTable('documents')
    .set({ archived_at: at, archived_by: at === null ? null : by })
    .where('id', '=', id)
    .where('archived_at', at === null ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves a document to the trash (undelete: `restoreDocument`, which keeps the cap); false when it already was. */
export async function setDeleted(kdb: Q, id: string, at: number, by: string | null): Promise<boolean> {
  // Only a document not in the trash matches: of two deletes at once, one moves it (and is audited).
  const result = await kdb.updateTable('documents').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface TrashRow extends ListedDocument {
  deletedAt: number;
  deletedBy: string | null;
  deletedByName: string | null;
  deletedByGone: number | null;
}

/** The workspace's deleted documents, most recently deleted first. */
export async function trashOf(kdb: Q, workspaceId: string): Promise<TrashRow[]> {
  const rows = await kdb
    .selectFrom('documents as d')
    .leftJoin('users as u', 'u.id', 'd.deleted_by')
    .select(['d.id', 'd.kind', 'd.title', 'd.deleted_at as deletedAt', 'd.deleted_by as deletedBy', 'u.name as deletedByName', 'u.deleted_at as deletedByGone'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.deleted_at', 'is not', null)
    .orderBy('d.deleted_at', 'desc')
    .execute();
  return rows.flatMap(({ deletedAt, ...row }) => (deletedAt === null ? [] : [{ ...row, deletedAt }]));
}

/** Documents deleted at or before `cutoff` (ms), for the purge sweep. */
export async function deletedBefore(kdb: Q, cutoff: number): Promise<Array<{ id: string; workspaceId: string; title: string }>> {
  return kdb
    .selectFrom('documents')
    .select(['id', 'workspace_id as workspaceId', 'title'])
    .where('deleted_at', 'is not', null)
    .where('deleted_at', '<=', cutoff)
    .execute();
}

/** Removes a document for good; its updates, snapshots, versions and links go with it (ON DELETE CASCADE). */
export async function purgeDocument(kdb: Q, id: string): Promise<void> {
  await kdb.deleteFrom('documents').where('id', '=', id).execute();
}
