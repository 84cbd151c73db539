/**
 * Who may do what: 404 for non-members (existence is not leaked), 403 for too-low roles.
 * Roles and documents live on the async layer (server/db/workspaces.ts, documents.ts).
 */
import { roleAtLeast, type Role } from '../shared/roles.js';
import type { Deps } from './context.js';
import { findDocument, type DocumentRow } from './db/documents.js';
import type { Kdb } from './db/kysely.js';
import { findWorkspace, roleOf, type WorkspaceRow } from './db/workspaces.js';
import { forbidden, notFound } from './errors.js';

/** The workspace and the user's role there; 404 `not-found` for a non-member or no workspace, 403 `forbidden` below `needed`. */
export async function workspaceAccess(kdb: Kdb, workspaceId: string, userId: string, needed: Role): Promise<{ workspace: WorkspaceRow; role: Role }> {
  const workspace = await findWorkspace(kdb, workspaceId);
  const role = workspace ? await roleOf(kdb, workspace.id, userId) : null;
  if (!workspace || !role) throw notFound('Arbetsytan finns inte, eller så är du inte medlem i den.');
  if (!roleAtLeast(role, needed)) throw forbidden();
  return { workspace, role };
}

/**
 * The document (not deleted) and the caller's role in its workspace: 404 `not-found` for a
 * missing or deleted document and for non-members, 403 `forbidden` below `needed`. Both are
 * read through `kdb` (SQLite or PostgreSQL).
 */
export async function documentAccess(deps: Pick<Deps, 'kdb'>, documentId: string, userId: string, needed: Role): Promise<{ document: DocumentRow; role: Role }> {
  const document = await findDocument(deps.kdb, documentId);
  const role = document ? await roleOf(deps.kdb, document.workspaceId, userId) : null;
  if (!document || !role) throw notFound('Dokumentet finns inte, eller så är du inte medlem i dess arbetsyta.');
  if (!roleAtLeast(role, needed)) throw forbidden();
  return { document, role };
}
