/** Document records (the Yjs content lives in the document store, see sync/persistence.ts). */
import type { DocumentKind } from '../../shared/model/kinds.js';
import { AppError } from '../errors.js';
import { statement, type Db } from './database.js';

export interface DocumentRow {
  id: string;
  workspaceId: string;
  kind: DocumentKind;
  title: string;
}

/** Documents of a workspace that count against its cap: every one not in the trash. */
export function documentsInWorkspace(db: Db, workspaceId: string): number {
  const row = statement(db, 'SELECT COUNT(*) AS n FROM documents WHERE workspace_id = ? AND deleted_at IS NULL').get(workspaceId) as { n: number };
  return row.n;
}

/** 409 `workspace.full`: the workspace holds `max` documents (DOCUMENTS_PER_WORKSPACE). */
export function workspaceFull(max: number): AppError {
  return new AppError(409, 'workspace.full', `Arbetsytan har redan ${max} dokument, det högsta antalet. Flytta något till papperskorgen först.`);
}

/** Throws 409 `workspace.full` when one more document would take the workspace past `max`. */
export function assertRoomForDocument(db: Db, workspaceId: string, max: number): void {
  if (documentsInWorkspace(db, workspaceId) >= max) throw workspaceFull(max);
}

/**
 * Stores a new document's record. Every way a document enters a workspace — create, import,
 * duplicate — comes through here, so the cap (DOCUMENTS_PER_WORKSPACE, `maxPerWorkspace`)
 * holds for all of them; counted and inserted in one transaction, so two at once cannot
 * both take the last place. Throws 409 `workspace.full`.
 */
export function insertDocument(db: Db, row: DocumentRow, createdBy: string | null, now: number, maxPerWorkspace: number): void {
  db.transaction(() => {
    assertRoomForDocument(db, row.workspaceId, maxPerWorkspace);
    statement(db, 'INSERT INTO documents (id, workspace_id, kind, title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.workspaceId,
      row.kind,
      row.title,
      createdBy,
      now,
      now,
    );
  })();
}

/**
 * The document, unless it is deleted: a deleted document (in the trash, DESIGN "Audit and
 * exports") is 404 for everyone, over HTTP and the websocket, because every lookup goes
 * through here. The trash and undelete use `findDocumentWithState`.
 */
export function findDocument(db: Db, id: string): DocumentRow | undefined {
  return statement(db, 'SELECT id, workspace_id AS workspaceId, kind, title FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as
    | DocumentRow
    | undefined;
}

/** Every document of the workspace that is not deleted, archived ones included (role changes reach them too). */
export function documentsOf(db: Db, workspaceId: string): Array<Omit<DocumentRow, 'workspaceId'>> {
  return statement(db, 'SELECT id, kind, title FROM documents WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY created_at, title COLLATE NOCASE')
    .all(workspaceId) as Array<Omit<DocumentRow, 'workspaceId'>>;
}

/** Keeps the listed title in step with the title people edit inside the document. */
export function setDocumentTitle(db: Db, id: string, title: string, now: number): void {
  statement(db, 'UPDATE documents SET title = ?, updated_at = ? WHERE id = ?').run(title, now, id);
}

/** A document row with its lifecycle marks (ms since the epoch, or null). */
export interface DocumentWithState extends DocumentRow {
  archivedAt: number | null;
  deletedAt: number | null;
  deletedBy: string | null;
}

/** The document whatever its state (trash, undelete, purge). */
export function findDocumentWithState(db: Db, id: string): DocumentWithState | undefined {
  return statement(
    db,
    `SELECT id, workspace_id AS workspaceId, kind, title, archived_at AS archivedAt, deleted_at AS deletedAt, deleted_by AS deletedBy
     FROM documents WHERE id = ?`,
  ).get(id) as DocumentWithState | undefined;
}

/** Whether a (not deleted) document is archived: read-only for everyone. */
export function isArchived(db: Db, id: string): boolean {
  const row = statement(db, 'SELECT archived_at AS archivedAt FROM documents WHERE id = ?').get(id) as { archivedAt: number | null } | undefined;
  return row?.archivedAt != null;
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
export function documentListing(db: Db, workspaceId: string): { documents: ListedDocument[]; archived: Array<ListedDocument & { archivedAt: string }> } {
  const rows = statement(
    db,
    `SELECT id, kind, title, archived_at AS archivedAt FROM documents WHERE workspace_id = ? AND deleted_at IS NULL
     ORDER BY created_at, title COLLATE NOCASE`,
  ).all(workspaceId) as Array<ListedDocument & { archivedAt: number | null }>;
  const documents: ListedDocument[] = [];
  const archived: Array<ListedDocument & { archivedAt: string }> = [];
  for (const { archivedAt, ...row } of rows) {
    if (archivedAt === null) documents.push(row);
    else archived.push({ ...row, archivedAt: new Date(archivedAt).toISOString() });
  }
  return { documents, archived };
}

/** Archives (`at` set) or unarchives (`at` null) a document. */
export function setArchived(db: Db, id: string, at: number | null, by: string | null): void {
  statement(db, 'UPDATE documents SET archived_at = ?, archived_by = ? WHERE id = ?').run(at, at === null ? null : by, id);
}

/** Moves a document to the trash (`at` set) or takes it out (`at` null). */
export function setDeleted(db: Db, id: string, at: number | null, by: string | null): void {
  statement(db, 'UPDATE documents SET deleted_at = ?, deleted_by = ? WHERE id = ?').run(at, at === null ? null : by, id);
}

export interface TrashRow extends ListedDocument {
  deletedAt: number;
  deletedBy: string | null;
  deletedByName: string | null;
  deletedByGone: number | null;
}

/** The workspace's deleted documents, most recently deleted first. */
export function trashOf(db: Db, workspaceId: string): TrashRow[] {
  return statement(
    db,
    `SELECT d.id, d.kind, d.title, d.deleted_at AS deletedAt, d.deleted_by AS deletedBy, u.name AS deletedByName, u.deleted_at AS deletedByGone
     FROM documents d LEFT JOIN users u ON u.id = d.deleted_by
     WHERE d.workspace_id = ? AND d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC`,
  ).all(workspaceId) as TrashRow[];
}

/** Documents deleted at or before `cutoff` (ms), for the purge sweep. */
export function deletedBefore(db: Db, cutoff: number): Array<{ id: string; workspaceId: string; title: string }> {
  return statement(db, 'SELECT id, workspace_id AS workspaceId, title FROM documents WHERE deleted_at IS NOT NULL AND deleted_at <= ?').all(cutoff) as Array<{
    id: string;
    workspaceId: string;
    title: string;
  }>;
}

/** Removes a document for good; its updates, snapshots, versions and links go with it (ON DELETE CASCADE). */
export function purgeDocument(db: Db, id: string): void {
  statement(db, 'DELETE FROM documents WHERE id = ?').run(id);
}
