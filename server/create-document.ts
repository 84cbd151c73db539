/** Creates a document: its record, and its first content stored as the first update. */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { createDocument, type DocumentInit } from '../shared/model/document.js';
import type { DocumentKind } from '../shared/model/kinds.js';
import type { Deps } from './context.js';
import { insertDocument, type DocumentRow } from './db/documents.js';

export async function createStoredDocument<K extends DocumentKind>(
  deps: Pick<Deps, 'kdb' | 'rooms' | 'clock' | 'config'>,
  workspaceId: string,
  kind: K,
  init: DocumentInit[K] & { title: string },
  userId: string | null,
): Promise<DocumentRow> {
  const row: DocumentRow = { id: randomUUID(), workspaceId, kind, title: init.title };
  const doc = createDocument(kind, init);
  const now = deps.clock.now();
  await insertDocument(deps.kdb, row, userId, now, deps.config.limits.documentsPerWorkspace);
  await deps.rooms.store.append(row.id, Y.encodeStateAsUpdate(doc), { userId, at: now });
  doc.destroy();
  return row;
}
