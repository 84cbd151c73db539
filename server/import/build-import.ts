/**
 * What the import worker does with a plan table: read it (shared `importPlanTable`), build
 * the action plan's Y.Doc and encode it — the whole CPU-heavy part of an import, so that
 * none of it runs on the server's event loop (DESIGN "Limits every boundary enforces":
 * parsing never blocks other users for more than ~50 ms). Runs inside a worker thread.
 */
import * as Y from 'yjs';
import type { Currency } from '../../shared/model/kinds.js';
import { createDocument } from '../../shared/model/document.js';
import type { ImportReport } from '../../shared/table/import.js';
import { importPlanTable } from '../../shared/table/import.js';
import { decodeTable } from './decode-table.js';
import { splitServerUpdate } from '../sync/split-update.js';

/** The title of an imported plan whose table has no visible title line (README "Contract notes"). */
export const DEFAULT_TITLE = 'Importerad handlingsplan';

export interface ImportRequest {
  /** The request body, in `charset` or an encoding `decodeTable` detects. */
  bytes: Uint8Array;
  /** The Content-Type's `charset`, lower-cased, when the request declared one. */
  charset?: string;
  currency?: Currency;
  /** The title to use instead of the table's own. */
  title?: string;
  maxRows: number;
}

/**
 * The weight (server/sync/split-update.ts: structs plus content/64) of one stored piece of an
 * imported document: the largest table's 12.8 MB update becomes 38 pieces of at most 350 KB,
 * each one SQLite insert of a few ms on the loop (the whole was ~100 ms of CPU in one
 * insert; red team S9 finding 3).
 */
export const IMPORT_PIECE_WEIGHT = 10_000;

export interface BuiltImport {
  /** The document's first update (`Y.encodeStateAsUpdate`) in pieces of IMPORT_PIECE_WEIGHT, to store in order (sync/split-update.ts). */
  updates: Uint8Array[];
  title: string;
  report: ImportReport;
}

/** Decodes, parses and builds; throws `ImportError` (`import.unreadable`, `import.too-large`, `import.encoding`). */
export function buildImport(request: ImportRequest): BuiltImport {
  const text = decodeTable(request.bytes, request.charset);
  const imported = importPlanTable(text, { maxRows: request.maxRows, ...(request.currency ? { currency: request.currency } : {}) });
  // One title for the listing and the document: the table's is already one clean line
  // (shared/table/import.ts `planTitle`); `?title=` passed NameSchema. Never empty.
  const title = request.title ?? (imported.plan.title || DEFAULT_TITLE);
  const doc = createDocument('action-plan', { ...imported.plan, title });
  const updates = splitServerUpdate(Y.encodeStateAsUpdate(doc), IMPORT_PIECE_WEIGHT);
  doc.destroy();
  return { updates, title, report: imported.report };
}
