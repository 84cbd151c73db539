/**
 * The file exports of one document (DESIGN "Audit and exports"; issue 20 item 3), for
 * members, viewers included: `export.xlsx`, `export.csv`, `export.docx`, `export.ics`, and
 * an agenda meeting's `minutes.docx`. Built like `export.json` (routes/documents.ts): from
 * the store's bytes, in an export thread when the document is big, so a 20 000-row plan
 * never stalls the rooms. Each download is noted in the workspace audit log.
 */
import type { Context, Hono } from 'hono';
import { AuditAction, recordAudit } from '../audit/index.js';
import type { AppEnv, Deps } from '../context.js';
import { attachment } from '../export/content-disposition.js';
import type { FileFormat } from '../export/file-formats.js';
import { warningsHeader } from '../export/ics-notes.js';
import type { ExportOutcome } from '../export/export-pool.js';

/** What the documents router hands over: the document's export in `format`, with who asked. */
export type ExportedFile = (
  c: Context<AppEnv>,
  format: FileFormat,
  options?: { meetingId?: string },
) => Promise<ExportOutcome & { workspaceId: string; documentId: string; userId: string }>;

const TYPES: Record<FileFormat, { contentType: string; extension: string }> = {
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  ics: { contentType: 'text/calendar; charset=utf-8', extension: 'ics' },
  minutes: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
};

/**
 * Registers on `app` (mounted under /api):
 * - `GET /documents/:doc/export.xlsx|csv|docx|ics` (member) → the file as an attachment
 *   named after the title (`filename*` keeps å/ä/ö). 400 `export.unsupported` when the
 *   format does not apply to the kind (csv: action plans; ics: agendas); 404 for a
 *   non-member (as every document route).
 * - `GET /documents/:doc/meetings/:meetingId/minutes.docx` (member, agendas) → the
 *   meeting's minutes; 404 `not-found` for a meeting the agenda does not have.
 * Big documents may answer 503 `busy`/`export.timeout` with `Retry-After` (export-pool.ts).
 * What a file cannot hold as the document says (an `.ics` meeting with an impossible date
 * or time) is in `X-Samplan-Export-Warnings`: JSON `[{code, meetingId, value}]`, ASCII
 * (docs/exports.md; server/export/ics-notes.ts).
 */
export function fileExportRoutes(app: Hono<AppEnv>, deps: Pick<Deps, 'kdb' | 'clock'>, exported: ExportedFile): void {
  const send = async (c: Context<AppEnv>, format: FileFormat, meetingId?: string) => {
    const file = await exported(c, format, meetingId === undefined ? {} : { meetingId });
    const { contentType, extension } = TYPES[format];
    await recordAudit(
      deps.kdb,
      { workspaceId: file.workspaceId, actorId: file.userId, action: AuditAction.DocumentExported, target: { type: 'document', id: file.documentId, label: file.title }, details: { format, ...(meetingId ? { meetingId } : {}) } },
      deps.clock.now(),
    );
    c.header('Content-Type', contentType);
    c.header('Content-Disposition', attachment(file.title, extension));
    const warnings = warningsHeader(file.warnings ?? []);
    if (warnings !== null) c.header('X-Samplan-Export-Warnings', warnings);
    return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body));
  };
  for (const format of ['xlsx', 'csv', 'docx', 'ics'] as const) {
    app.get(`/documents/:doc/export.${format}`, (c) => send(c, format));
  }
  app.get('/documents/:doc/meetings/:meetingId/minutes.docx', (c) => send(c, 'minutes', c.req.param('meetingId')));
}
