/** How the server makes its own changes in a live document (`Rooms.change`). */
import type * as Y from 'yjs';
import type { ServerOrigin } from './client.js';

/** One edit of the document, made inside a transaction. */
export type DocumentEdit = (doc: Y.Doc) => void;

/**
 * Makes `edit` as one transaction with `origin`; a list of edits (a big update's pieces,
 * split-update.ts `splitServerUpdate`) as one transaction each, an event-loop turn apart,
 * so every other room and client is served between them (a restore of a 20 000-item plan
 * applied as one update held the whole process for seconds; issue 17).
 */
export async function transactEach(doc: Y.Doc, edit: DocumentEdit | DocumentEdit[], origin: ServerOrigin): Promise<void> {
  const edits = Array.isArray(edit) ? edit : [edit];
  for (const [i, step] of edits.entries()) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    doc.transact(() => step(doc), origin);
  }
}
