/** One document: its record, exports, validation, and websocket tickets. */
import { Hono, type Context } from 'hono';
import { isLocale, type Locale } from '../../shared/locale.js';
import { currentSessionId, requireUser } from '../auth/middleware.js';
import { TICKET_TTL_MS } from '../auth/tickets.js';
import { documentAccess } from '../access.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import type { AppEnv, Deps } from '../context.js';
import { AppError } from '../errors.js';
import { attachment } from '../export/content-disposition.js';
import type { ExportFormat } from '../export/build-export.js';
import type { ExportPool } from '../export/export-pool.js';
import { fileExportRoutes } from './exports.js';

/** The reader's language: `?locale=`, else the first of Accept-Language we speak, else Swedish. */
function localeOf(query: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    const base = tag === 'no' || tag === 'nn' || tag.startsWith('nb') || tag.startsWith('no-') ? 'nb' : tag.slice(0, 2);
    if (isLocale(base)) return base;
  }
  return 'sv';
}

/** The JSON and TSV answers are text; only the file formats (routes/exports.ts) are bytes. */
const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

export function documentRoutes(deps: Deps, exports: ExportPool) {
  const { rooms, clock, tickets } = deps;
  const app = new Hono<AppEnv>();

  app.get('/documents/:doc', async (c) => {
    const user = requireUser(c);
    const { document, role } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    // DESIGN "Protected document fields": a document the server cannot migrate is read-only for all.
    return c.json({ ...document, role, readOnly: await rooms.readOnlyOf(document.id) });
  });

  /**
   * The document as committed to the store, answered as `format` (server/export/build-export.ts):
   * built on the main thread when small, in an export thread when big (red-team F1). The
   * store, not the live room: everything a room relays is committed there first (DESIGN
   * "Durable means durable for everyone"), and its bytes need no Yjs work on this thread.
   */
  const exported = async (c: Context<AppEnv>, format: ExportFormat, options: { meetingId?: string } = {}) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc') ?? '', user.id, 'viewer');
    const locale = localeOf(c.req.query('locale'), c.req.header('accept-language'));
    const { snapshot, updates } = await rooms.store.load(document.id);
    const request = { documentId: document.id, updates: snapshot ? [snapshot, ...updates] : updates, format, today: clock.today(), locale, now: clock.now(), ...options };
    return { ...(await exports.run(request, user.id)), workspaceId: document.workspaceId, documentId: document.id, userId: user.id };
  };
  // xlsx, csv, docx, ics and minutes (routes/exports.ts), through the same pool.
  fileExportRoutes(app, deps, exported);

  /** The JSON and TSV downloads go in the workspace audit log like the file formats (user test: they were missing). */
  const audited = async (file: Awaited<ReturnType<typeof exported>>, format: 'json' | 'tsv') => {
    const target = { type: 'document' as const, id: file.documentId, label: file.title };
    await recordAudit(deps.kdb, { workspaceId: file.workspaceId, actorId: file.userId, action: AuditAction.DocumentExported, target, details: { format } }, clock.now());
    return file;
  };

  /**
   * `GET /api/documents/:doc/export.json` (member) → the plain-JSON export with `totals` and
   * `issues` (DESIGN "Plain-JSON export"); audited as `document.exported`. A download named
   * after the title like every other format (`attachment()`, issue 17); `fetch` ignores that.
   */
  app.get('/documents/:doc/export.json', async (c) => {
    const { body, title } = await audited(await exported(c, 'json'), 'json');
    return c.body(text(body), 200, { 'Content-Type': 'application/json', 'Content-Disposition': attachment(title, 'json') });
  });

  /**
   * `GET /api/documents/:doc/export.tsv` (member) → the plan table (DESIGN "The plan table"),
   * formula-like cells neutralised (shared/table/formula-cells.ts); 400 `export.unsupported`
   * for documents other than action plans. Audited as `document.exported`.
   */
  app.get('/documents/:doc/export.tsv', async (c) => {
    const { body: tsv, title } = await audited(await exported(c, 'tsv'), 'tsv');
    c.header('Content-Type', 'text/tab-separated-values; charset=utf-8');
    c.header('Content-Disposition', attachment(title, 'tsv'));
    return c.body(text(tsv));
  });

  /** `GET /api/documents/:doc/validation?locale=` (member) → `{issues}` (DESIGN `validate`). */
  app.get('/documents/:doc/validation', async (c) => {
    const { body } = await exported(c, 'validation');
    return c.body(text(body), 200, { 'Content-Type': 'application/json' });
  });

  /**
   * `POST /api/documents/:doc/ticket` (member) → `{ticket}`: single use, 60 s, this document.
   * 429 `rate-limited` past TICKETS_PER_MINUTE from one address (counted in app.ts); 503
   * `busy` with `Retry-After` when the server holds its cap of unredeemed tickets — issued
   * tickets are never evicted for someone else's (DESIGN "Limits every boundary enforces").
   */
  app.post('/documents/:doc/ticket', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const ticket = await tickets.issue(user.id, document.id, clock.now(), currentSessionId(c));
    if (ticket === null) {
      throw new AppError(503, 'busy', 'Servern har för många öppna anslutningsbiljetter just nu. Försök igen om en minut.', {
        'Retry-After': String(TICKET_TTL_MS / 1000),
      });
    }
    return c.json({ ticket });
  });

  return app;
}
