/**
 * What the import worker does with a plan table: read it (shared `importPlanTable`), build
 * the action plan's Y.Doc and encode it — the whole CPU-heavy part of an import, so that
 * none of it runs on the server's event loop (DESIGN "Limits every boundary enforces":
 * parsing never blocks other users for more than ~50 ms). Runs inside a worker thread.
 */
import * as Y from 'yjs';
import { Limits } from '../../shared/limits.js';
import type { Currency } from '../../shared/model/kinds.js';
import { createDocument } from '../../shared/model/document.js';
import type { ImportReport } from '../../shared/table/import.js';
import { importPlanTable } from '../../shared/table/import.js';

export interface ImportRequest {
  /** The request body, UTF-8. */
  bytes: Uint8Array;
  currency?: Currency;
  /** The title to use instead of the table's own. */
  title?: string;
  maxRows: number;
}

export interface BuiltImport {
  /** The document's first update (`Y.encodeStateAsUpdate`). */
  update: Uint8Array;
  title: string;
  report: ImportReport;
}

/** Parses and builds; throws `ImportError` (`import.unreadable`, `import.too-large`). */
export function buildImport(request: ImportRequest): BuiltImport {
  const text = new TextDecoder('utf-8').decode(request.bytes);
  const imported = importPlanTable(text, { maxRows: request.maxRows, ...(request.currency ? { currency: request.currency } : {}) });
  const title = request.title ?? (imported.plan.title.trim().slice(0, Limits.maxNameLength) || 'Importerad handlingsplan');
  const doc = createDocument('action-plan', { ...imported.plan, title });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, title, report: imported.report };
}
