/** Creates a document: its record, and its first content stored as the first update. */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { currencyOfCountry } from '../shared/country.js';
import { createDocument, type DocumentInit } from '../shared/model/document.js';
import type { DocumentKind } from '../shared/model/kinds.js';
import type { Deps } from './context.js';
import { insertDocument, type DocumentRow } from './db/documents.js';
import type { WorkspaceRow } from './db/workspaces.js';

/**
 * Stores a new document of `kind` in `workspace` (created by `userId`, null for the server).
 * An action plan whose `init` states no currency gets its workspace's country's (NOK in a
 * Norwegian workspace, SEK in a Swedish one; user test u11); one stated (an import's, a
 * seed's) is kept. Throws 409 `workspace.full` past the per-workspace cap (insertDocument).
 */
export async function createStoredDocument<K extends DocumentKind>(
  deps: Pick<Deps, 'kdb' | 'rooms' | 'clock' | 'config'>,
  workspace: Pick<WorkspaceRow, 'id' | 'country'>,
  kind: K,
  init: DocumentInit[K] & { title: string },
  userId: string | null,
): Promise<DocumentRow> {
  const row: DocumentRow = { id: randomUUID(), workspaceId: workspace.id, kind, title: init.title };
  const doc = createDocument(kind, withWorkspaceCurrency(kind, init, workspace.country));
  const now = deps.clock.now();
  await insertDocument(deps.kdb, row, userId, now, deps.config.limits.documentsPerWorkspace);
  await deps.rooms.store.append(row.id, Y.encodeStateAsUpdate(doc), { userId, at: now });
  doc.destroy();
  return row;
}

/** `init` with the country's currency when it is an action plan's that states none (only plans hold one: DESIGN "Document schemas"). */
function withWorkspaceCurrency<K extends DocumentKind>(kind: K, init: DocumentInit[K], country: string): DocumentInit[K] {
  if (kind !== 'action-plan') return init;
  const plan = init as DocumentInit['action-plan'];
  return { ...plan, currency: plan.currency ?? currencyOfCountry(country) } as DocumentInit[K];
}
