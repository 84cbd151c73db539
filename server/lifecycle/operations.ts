/**
 * The document lifecycle (DESIGN "Audit and exports"; docs/lifecycle.md): rename,
 * duplicate, archive, unarchive, delete, undelete. Each changes the record (and, for a
 * rename, the live document), tells open sockets what they must know, and notes itself in
 * the workspace audit log. Access is checked by the routes; these take a found document.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../context.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import { findDocumentWithState, insertDocument, restoreDocument, setArchived, setDeleted, setDocumentTitle, type DocumentRow } from '../db/documents.js';
import { AppError, notFound } from '../errors.js';
import { CloseCode } from '../sync/close-codes.js';
import { ARCHIVED } from '../sync/read-only.js';
import type { DuplicatePool } from './duplicate-pool.js';
import { revokeAllShareLinks } from '../share/store.js';
import { purgeAt } from './trash.js';

type LifecycleDeps = Pick<Deps, 'kdb' | 'rooms' | 'clock' | 'config'>;

const readOnly = () => new AppError(409, 'document.read-only', 'Dokumentet är skrivskyddat (arkiverat) och kan inte byta namn.');

const audit = (deps: LifecycleDeps, document: DocumentRow, actorId: string, action: Parameters<typeof recordAudit>[1]['action'], details?: Record<string, string | boolean>) =>
  recordAudit(deps.kdb, { workspaceId: document.workspaceId, actorId, action, target: { type: 'document', id: document.id, label: document.title }, details }, deps.clock.now());

/**
 * Renames: `meta.title` is written in the live room as a server change (everyone online
 * sees it at once; the listing follows through the room's title observer), and the listing
 * is set here too so the answer and the next GET agree. 409 `document.read-only` for an
 * archived (or otherwise read-only) document.
 */
export async function renameDocument(deps: LifecycleDeps, document: DocumentRow, title: string, actorId: string): Promise<DocumentRow> {
  const changed = await deps.rooms.change(document.id, (doc) => doc.getMap<unknown>('meta').set('title', title), actorId);
  if (!changed) throw readOnly();
  await setDocumentTitle(deps.kdb, document.id, title, deps.clock.now());
  await audit(deps, document, actorId, AuditAction.DocumentRenamed, { from: document.title, to: title });
  return { ...document, title };
}

/**
 * A new document in the same workspace with the source's content (see duplicate.ts); versions
 * are not copied. Built in `pool`'s thread from the source's stored (committed) bytes, so this
 * thread never decodes the document (duplicate-pool.ts). Throws 503 `busy` when the pool is full.
 * `charge` is told the copy's bytes before anything is stored, and may refuse (creation-budget.ts).
 */
export async function duplicateDocument(deps: LifecycleDeps, source: DocumentRow, input: { title: string; amounts: boolean }, actorId: string, pool: DuplicatePool, charge: (bytes: number) => Promise<void>): Promise<DocumentRow> {
  const { snapshot, updates } = await deps.rooms.store.load(source.id);
  const { state } = await pool.copy(snapshot ? [snapshot, ...updates] : updates, input);
  await charge(state.length);
  const row: DocumentRow = { id: randomUUID(), workspaceId: source.workspaceId, kind: source.kind, title: input.title };
  const now = deps.clock.now();
  await insertDocument(deps.kdb, row, actorId, now, deps.config.limits.documentsPerWorkspace);
  await deps.rooms.store.append(row.id, state, { userId: actorId, at: now });
  await audit(deps, source, actorId, AuditAction.DocumentDuplicated, { copyId: row.id, copyTitle: row.title, amounts: input.amounts });
  return row;
}

/** Archives (read-only for everyone, listed apart) or unarchives; editors' open sockets reconnect read-only (4403). */
export async function setDocumentArchived(deps: LifecycleDeps, document: DocumentRow, archived: boolean, actorId: string): Promise<{ id: string; archived: boolean }> {
  const changed = await setArchived(deps.kdb, document.id, archived ? deps.clock.now() : null, actorId);
  await deps.rooms.setReadOnly(document.id, archived ? ARCHIVED : null);
  // Idempotent: a repeat answers the same, but only the call that changed the row is audited.
  if (changed) await audit(deps, document, actorId, archived ? AuditAction.DocumentArchived : AuditAction.DocumentUnarchived);
  return { id: document.id, archived };
}

/**
 * Moves the document to the trash: 404 for everyone from now on; its open sockets close with
 * 4404. Its share links are revoked for good (red-team FA2-6): an undelete does not revive
 * them — the coordinator makes new ones (docs/lifecycle.md). 404 when another call moved it first.
 */
export async function deleteDocument(deps: LifecycleDeps, document: DocumentRow, actorId: string): Promise<void> {
  const now = deps.clock.now();
  // Deleted meanwhile by another call: 404 as for any later delete, and audited once.
  if (!(await setDeleted(deps.kdb, document.id, now, actorId))) throw notFound('Dokumentet finns inte, eller så är du inte medlem i dess arbetsyta.');
  await revokeAllShareLinks(deps.kdb, document.id, now);
  await audit(deps, document, actorId, AuditAction.DocumentDeleted);
  await deps.rooms.closeDocument(document.id, CloseCode.NotFound);
}

/**
 * Takes a document out of the trash within its 30 days. 404 `not-found` when it is not in
 * the trash (never deleted, already purged, or past its 30 days). The caller checked that
 * `actorId` coordinates the document's workspace.
 */
export async function undeleteDocument(deps: LifecycleDeps, documentId: string, actorId: string): Promise<DocumentRow> {
  const row = await findDocumentWithState(deps.kdb, documentId);
  if (!row || row.deletedAt === null || purgeAt(row.deletedAt) <= deps.clock.now()) throw notFound('Dokumentet finns inte i papperskorgen.');
  const document: DocumentRow = { id: row.id, workspaceId: row.workspaceId, kind: row.kind, title: row.title };
  // Back from the trash it counts again: the cap holds as for a new document.
  await restoreDocument(deps.kdb, document, deps.config.limits.documentsPerWorkspace);
  await audit(deps, document, actorId, AuditAction.DocumentUndeleted);
  return document;
}
