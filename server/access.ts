/**
 * Who may do what: 404 for non-members (existence is not leaked), 403 for too-low roles.
 * The role lives on the async layer (server/db/workspaces.ts); documents are still read
 * from SQLite (`deps.db`) until server/db/documents.ts is converted (docs/database.md).
 */
import { roleAtLeast, type Role } from '../shared/roles.js';
import type { Db } from './db/database.js';
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

/** The document and the user's role in its workspace; 404 `not-found` for a non-member or no document, 403 `forbidden` below `needed`. */
export async function documentAccess(
  deps: { db: Db; kdb: Kdb },
  documentId: string,
  userId: string,
  needed: Role,
): Promise<{ document: DocumentRow; role: Role }> {
  const document = findDocument(deps.db, documentId);
  const role = document ? await roleOf(deps.kdb, document.workspaceId, userId) : null;
  if (!document || !role) throw notFound('Dokumentet finns inte, eller så är du inte medlem i dess arbetsyta.');
  if (!roleAtLeast(role, needed)) throw forbidden();
  return { document, role };
}
