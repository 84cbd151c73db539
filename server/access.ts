/** Who may do what: 404 for non-members (existence is not leaked), 403 for too-low roles. */
import { roleAtLeast, type Role } from '../shared/roles.js';
import type { Deps } from './context.js';
import type { Db } from './db/database.js';
import { findDocument, type DocumentRow } from './db/documents.js';
import { findWorkspace, roleOf, type WorkspaceRow } from './db/workspaces.js';
import { forbidden, notFound } from './errors.js';

export function workspaceAccess(db: Db, workspaceId: string, userId: string, needed: Role): { workspace: WorkspaceRow; role: Role } {
  const workspace = findWorkspace(db, workspaceId);
  const role = workspace ? roleOf(db, workspace.id, userId) : null;
  if (!workspace || !role) throw notFound('Arbetsytan finns inte, eller så är du inte medlem i den.');
  if (!roleAtLeast(role, needed)) throw forbidden();
  return { workspace, role };
}

/**
 * The document (not deleted) and the caller's role in its workspace: 404 `not-found` for a
 * missing or deleted document and for non-members, 403 `forbidden` below `needed`. The
 * record is read through `kdb` (SQLite or PostgreSQL), memberships still through `db`.
 */
export async function documentAccess(deps: Pick<Deps, 'db' | 'kdb'>, documentId: string, userId: string, needed: Role): Promise<{ document: DocumentRow; role: Role }> {
  const document = await findDocument(deps.kdb, documentId);
  const role = document ? roleOf(deps.db, document.workspaceId, userId) : null;
  if (!document || !role) throw notFound('Dokumentet finns inte, eller så är du inte medlem i dess arbetsyta.');
  if (!roleAtLeast(role, needed)) throw forbidden();
  return { document, role };
}
