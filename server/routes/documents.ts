/** One document: its record, exports, validation, and websocket tickets. */
import { Hono } from 'hono';
import { isLocale, type Locale } from '../../shared/locale.js';
import { toJSON } from '../../shared/model/document.js';
import { exportPlanTable } from '../../shared/table/export.js';
import { totals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';
import { currentSessionId, requireUser } from '../auth/middleware.js';
import { TICKET_TTL_MS } from '../auth/tickets.js';
import { documentAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { AppError } from '../errors.js';

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

/** A file name from a title: letters, digits and dashes. */
function fileName(title: string, extension: string): string {
  const base = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'dokument'}.${extension}`;
}

export function documentRoutes(deps: Deps) {
  const { db, rooms, clock, tickets } = deps;
  const app = new Hono<AppEnv>();

  app.get('/documents/:doc', async (c) => {
    const user = requireUser(c);
    const { document, role } = documentAccess(db, c.req.param('doc'), user.id, 'viewer');
    // DESIGN "Protected document fields": a document the server cannot migrate is read-only for all.
    return c.json({ ...document, role, readOnly: await rooms.readOnlyOf(document.id) });
  });

  app.get('/documents/:doc/export.json', async (c) => {
    const user = requireUser(c);
    const { document } = documentAccess(db, c.req.param('doc'), user.id, 'viewer');
    const json = toJSON(await rooms.read(document.id));
    if (!json) throw new AppError(500, 'internal', 'Dokumentet kunde inte läsas.');
    const locale = localeOf(c.req.query('locale'), c.req.header('accept-language'));
    const issues = validate(json, { today: clock.today(), locale });
    return c.json({ id: document.id, ...json, ...(json.kind === 'action-plan' ? { totals: totals(json) } : {}), issues });
  });

  app.get('/documents/:doc/export.tsv', async (c) => {
    const user = requireUser(c);
    const { document } = documentAccess(db, c.req.param('doc'), user.id, 'viewer');
    const json = toJSON(await rooms.read(document.id));
    if (json?.kind !== 'action-plan') throw new AppError(400, 'export.unsupported', 'Bara handlingsplaner kan exporteras som plantabell.');
    c.header('Content-Type', 'text/tab-separated-values; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(json.title, 'tsv')}"`);
    return c.body(exportPlanTable(json));
  });

  app.get('/documents/:doc/validation', async (c) => {
    const user = requireUser(c);
    const { document } = documentAccess(db, c.req.param('doc'), user.id, 'viewer');
    const locale = localeOf(c.req.query('locale'), c.req.header('accept-language'));
    return c.json({ issues: validate(await rooms.read(document.id), { today: clock.today(), locale }) });
  });

  /**
   * `POST /api/documents/:doc/ticket` (member) → `{ticket}`: single use, 60 s, this document.
   * 429 `rate-limited` past TICKETS_PER_MINUTE from one address (counted in app.ts); 503
   * `busy` with `Retry-After` when the server holds its cap of unredeemed tickets — issued
   * tickets are never evicted for someone else's (DESIGN "Limits every boundary enforces").
   */
  app.post('/documents/:doc/ticket', (c) => {
    const user = requireUser(c);
    const { document } = documentAccess(db, c.req.param('doc'), user.id, 'viewer');
    const ticket = tickets.issue(user.id, document.id, clock.now(), currentSessionId(c));
    if (ticket === null) {
      throw new AppError(503, 'busy', 'Servern har för många öppna anslutningsbiljetter just nu. Försök igen om en minut.', {
        'Retry-After': String(TICKET_TTL_MS / 1000),
      });
    }
    return c.json({ ticket });
  });

  return app;
}
