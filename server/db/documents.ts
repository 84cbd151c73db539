/** Document records (the Yjs content lives in the document store, see sync/persistence.ts). */
import type { DocumentKind } from '../../shared/model/kinds.js';
import { statement, type Db } from './database.js';

export interface DocumentRow {
  id: string;
  workspaceId: string;
  kind: DocumentKind;
  title: string;
}

export function insertDocument(db: Db, row: DocumentRow, createdBy: string | null, now: number): void {
  statement(db, 'INSERT INTO documents (id, workspace_id, kind, title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.id,
    row.workspaceId,
    row.kind,
    row.title,
    createdBy,
    now,
    now,
  );
}

export function findDocument(db: Db, id: string): DocumentRow | undefined {
  return statement(db, 'SELECT id, workspace_id AS workspaceId, kind, title FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
}

export function documentsOf(db: Db, workspaceId: string): Array<Omit<DocumentRow, 'workspaceId'>> {
  return statement(db, 'SELECT id, kind, title FROM documents WHERE workspace_id = ? ORDER BY created_at, title COLLATE NOCASE')
    .all(workspaceId) as Array<Omit<DocumentRow, 'workspaceId'>>;
}

/** Keeps the listed title in step with the title people edit inside the document. */
export function setDocumentTitle(db: Db, id: string, title: string, now: number): void {
  statement(db, 'UPDATE documents SET title = ?, updated_at = ? WHERE id = ?').run(title, now, id);
}
