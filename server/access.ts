/** Who may do what: 404 for non-members (existence is not leaked), 403 for too-low roles. */
import { roleAtLeast, type Role } from '../shared/roles.js';
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

export function documentAccess(db: Db, documentId: string, userId: string, needed: Role): { document: DocumentRow; role: Role } {
  const document = findDocument(db, documentId);
  const role = document ? roleOf(db, document.workspaceId, userId) : null;
  if (!document || !role) throw notFound('Dokumentet finns inte, eller så är du inte medlem i dess arbetsyta.');
  if (!roleAtLeast(role, needed)) throw forbidden();
  return { document, role };
}
