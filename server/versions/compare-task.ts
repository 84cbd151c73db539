/**
 * A compare built from two stored states (DESIGN "Versions, changes, the live draft"), as
 * the text of its answer: run in a compare thread for big documents (compare-pool.ts), so
 * decoding both states, the diff and the JSON text of up to a megabyte never hold the
 * event loop (red team F1, issue 17). Pure: Yjs and the domain model only.
 */
import * as Y from 'yjs';
import { compareDocuments } from '../../shared/compare/index.js';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';

/** Two states as Yjs updates (null: the empty document), and fields the answer also carries. */
export interface CompareRequest {
  before: Uint8Array | null;
  after: Uint8Array | null;
  /** Merged into the answer after `changes` and `totals` (e.g. `{from, to}` of a change list). */
  extra: Record<string, unknown>;
}

/** A state in the export shape; null for none, or one that holds no document yet. */
function decoded(state: Uint8Array | null): DocumentJSON | null {
  if (state === null) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return toJSON(doc);
  } finally {
    doc.destroy();
  }
}

/** `{changes, totals?, ...extra}` as JSON text (shared/compare `compareDocuments`). */
export function buildCompare(request: CompareRequest): { body: string } {
  return { body: JSON.stringify({ ...compareDocuments(decoded(request.before), decoded(request.after)), ...request.extra }) };
}
