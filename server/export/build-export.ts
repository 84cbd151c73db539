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
import { exportShape } from '../../shared/model/export-shape.js';
import { validate } from '../../shared/validate/index.js';
import type { ExportWarning, FileFormat } from './file-formats.js';

/**
 * `json`: `GET …/export.json`; `tsv`: `GET …/export.tsv`; `validation`: `GET …/validation`;
 * the file formats (`xlsx`, `csv`, `docx`, `ics`, `minutes`): file-formats.ts.
 */
export type ExportFormat = 'json' | 'tsv' | 'validation' | FileFormat;

export interface ExportRequest {
  documentId: string;
  /** The document as stored: its snapshot (if any) and the updates after it, in order. */
  updates: Uint8Array[];
  format: ExportFormat;
  /** `YYYY-MM-DD`, for deadline rules. */
  today: string;
  locale: Locale;
  /** ms since the epoch (file creation time, calendar DTSTAMP); the server's clock. Default: now. */
  now?: number;
  /** For `minutes`: the meeting's id. */
  meetingId?: string;
}

export interface BuiltExport {
  /** The response body: JSON, TSV, CSV or calendar text, or a file's bytes (xlsx, docx). */
  body: string | Uint8Array;
  /** The document's title (for the download's file name); '' without a kind. */
  title: string;
  /** What a file could not hold as written (file-formats.ts `ExportWarning`); absent: nothing. */
  warnings?: ExportWarning[];
}

/**
 * Why an export was not built: `export.unsupported` (the format does not apply to this
 * kind), `export.unreadable` (no kind), `export.no-meeting` (minutes of a meeting the agenda lacks).
 */
export class ExportError extends Error {
  constructor(
    readonly code: 'export.unsupported' | 'export.unreadable' | 'export.no-meeting',
    message: string,
  ) {
    super(message);
  }
}

/** Builds the answer; throws `ExportError`. Time and memory grow linearly with the document. */
export async function buildExport(request: ExportRequest): Promise<BuiltExport> {
  const doc = new Y.Doc();
  let json: DocumentJSON | null;
  try {
    doc.transact(() => {
      for (const update of request.updates) Y.applyUpdate(doc, update);
    });
    json = toJSON(doc);
  } finally {
    doc.destroy();
  }
  if (request.format === 'json' || request.format === 'tsv' || request.format === 'validation') return answer(json, request);
  if (json === null) throw new ExportError('export.unreadable', 'Dokumentet kunde inte läsas.');
  const { documentId, locale, now = Date.now(), meetingId } = request;
  // Loaded on first use: exceljs, docx and ical-generator are big, and the JSON, TSV and
  // validation answers (the most frequent, and every export thread's first task) need none of them.
  const { buildFile } = await import('./file-formats.js');
  const file = await buildFile(json, request.format, { documentId, locale, now, ...(meetingId === undefined ? {} : { meetingId }) });
  if ('code' in file) throw new ExportError(file.code, file.message);
  return file;
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
  const body = JSON.stringify({ id: documentId, ...exportShape(json), ...(json.kind === 'action-plan' ? { totals: totals(json) } : {}), issues });
  return { body, title: json.title };
}
