/**
 * What an export or validation answer is made of (DESIGN "Plain-JSON export", "The plan
 * table", `validate`): the document's stored updates in, the response body out. Pure and
 * synchronous, so the same code runs on the main thread for a small document and in an
 * export thread (export-worker.mjs) for a big one (red-team F1: a 20 000-row plan froze the
 * server for 27 s per export).
 */
import * as Y from 'yjs';
import type { Locale } from '../../shared/locale.js';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';
import { exportPlanTable } from '../../shared/table/export.js';
import { totals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';

/** `json`: `GET …/export.json`; `tsv`: `GET …/export.tsv`; `validation`: `GET …/validation`. */
export type ExportFormat = 'json' | 'tsv' | 'validation';

export interface ExportRequest {
  documentId: string;
  /** The document as stored: its snapshot (if any) and the updates after it, in order. */
  updates: Uint8Array[];
  format: ExportFormat;
  /** `YYYY-MM-DD`, for deadline rules. */
  today: string;
  locale: Locale;
}

export interface BuiltExport {
  /** The response body: JSON text, or the plan table as TSV. */
  body: string;
  /** The document's title (for the download's file name); '' without a kind. */
  title: string;
}

/** Why an export was not built: `export.unsupported` (no plan table for this kind), `export.unreadable` (no kind). */
export class ExportError extends Error {
  constructor(
    readonly code: 'export.unsupported' | 'export.unreadable',
    message: string,
  ) {
    super(message);
  }
}

/** Builds the answer; throws `ExportError`. Time and memory grow linearly with the document. */
export function buildExport(request: ExportRequest): BuiltExport {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of request.updates) Y.applyUpdate(doc, update);
    });
    return answer(toJSON(doc), request);
  } finally {
    doc.destroy();
  }
}

function answer(json: DocumentJSON | null, { documentId, format, today, locale }: ExportRequest): BuiltExport {
  if (format === 'validation') {
    // A document without a kind has nothing to check, as `validate` of such a doc says.
    return { body: JSON.stringify({ issues: json === null ? [] : validate(json, { today, locale }) }), title: json?.title ?? '' };
  }
  if (format === 'tsv') {
    if (json?.kind !== 'action-plan') throw new ExportError('export.unsupported', 'Bara handlingsplaner kan exporteras som plantabell.');
    return { body: exportPlanTable(json), title: json.title };
  }
  if (json === null) throw new ExportError('export.unreadable', 'Dokumentet kunde inte läsas.');
  const issues = validate(json, { today, locale });
  const body = JSON.stringify({ id: documentId, ...json, ...(json.kind === 'action-plan' ? { totals: totals(json) } : {}), issues });
  return { body, title: json.title };
}
