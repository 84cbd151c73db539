/**
 * Share links (DESIGN "Share links"; README "Contract notes"): coordinators make, list and
 * revoke them; guests holding one read that one document, never write, never see members.
 * The token is 192 random bits, only in `url` (`/s/<token>`); only its SHA-256 is stored.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { documentAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { creationBudgetOf } from '../http/creation-budget.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import { notFound } from '../errors.js';
import { heavyLimitsOf, heavyRequests } from '../http/heavy-limit.js';
import { linkOrigin } from '../http/own-origin.js';
import { rateLimited } from '../http/per-address-limit.js';
import { keyedLimiter } from '../http/shared-limit.js';
import { attachment } from '../export/content-disposition.js';
import { shareAccess } from '../share/access.js';
import { createShareLink, revokeShareLink, shareLinksOf } from '../share/store.js';
import { parseJson, singleLine } from '../validation.js';
import type { ExportPool } from '../export/export-pool.js';
import { stateExportJson } from '../versions/state-export.js';
import { latestAdopted } from '../versions/store.js';
import { sharedCompareRoutes } from './shared-compare.js';

const NewLink = z.strictObject({
  label: singleLine({ max: 200, empty: 'Etiketten får inte vara tom.', tooLong: 'Etiketten: högst 200 tecken.' }),
  expiresInDays: z.number().int('Hela dagar.').min(1, 'Minst 1 dag.').max(90, 'Högst 90 dagar.').default(7),
});

/**
 * - `POST /documents/:doc/share-links {label, expiresInDays?: 1..90 (7)}` (coordinator) → 201 `{id, label, url, expiresAt}`.
 * - `GET /documents/:doc/share-links` (coordinator) → `{links: [{id, label, expiresAt, revoked, lastUsedAt}]}` newest first.
 * - `DELETE /documents/:doc/share-links/:id` (coordinator) → 204 (again: 204); its sockets close 4401 at once; 404 for no such link.
 * - `GET /shared/:token` (anyone) → `{document: {id, kind, title}, expiresAt, adopted: {name, createdAt, decision} | null}`
 *   (`adopted`: the latest adopted version, without its id or author: guests never see members).
 * - `GET /shared/:token/export.json` (anyone) → the live document's export shape.
 * - `GET /shared/:token/compare?from=adopted&to=live`, `GET /shared/:token/changes?since=<ISO>`: shared-compare.ts.
 * Guests: unknown token 404 `share.not-found`; expired or revoked 410 `share.expired`.
 * Bounds (docs/security.md "Bounded requests"): creating a link 429 `rate-limited` past
 * SHARE_LINKS_PER_MINUTE per person; a guest's export.json is whole-document work counted per
 * link (server/http/heavy-limit.ts: 429 `rate-limited`, 503 `busy`, with `Retry-After`).
 */
export function shareLinkRoutes(deps: Deps, exports: ExportPool) {
  const { clock, config, sockets } = deps;
  const app = new Hono<AppEnv>();
  const heavy = heavyRequests(deps);
  // Red team F2: 40 links in a row, nothing stopped them.
  const budget = creationBudgetOf(deps);
  const newLinks = keyedLimiter(deps.kdb, 'share-links', heavyLimitsOf(config).shareLinksPerMinute, clock.now);

  app.post('/documents/:doc/share-links', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    const { label, expiresInDays } = await parseJson(c, NewLink);
    const wait = await newLinks.take(user.id);
    if (wait > 0) throw rateLimited(wait);
    await budget.charge(user.id);
    const token = newToken();
    const { id, expiresAt } = await createShareLink(deps.kdb, { documentId: document.id, label, tokenHash: hashToken(token), createdBy: user.id, expiresInDays, now: clock.now() });
    await recordAudit(deps.kdb, { workspaceId: document.workspaceId, actorId: user.id, action: AuditAction.ShareLinkCreated, target: { type: 'share-link', id, label }, details: { documentId: document.id, document: document.title, expiresInDays } }, clock.now());
    return c.json({ id, label, url: `${linkOrigin(c, config)}/s/${token}`, expiresAt: new Date(expiresAt).toISOString() }, 201);
  });

  app.get('/documents/:doc/share-links', async (c) => {
    const { document } = await documentAccess(deps, c.req.param('doc'), requireUser(c).id, 'coordinator');
    return c.json({ links: await shareLinksOf(deps.kdb, document.id) });
  });

  app.delete('/documents/:doc/share-links/:id', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    const id = c.req.param('id');
    const outcome = await revokeShareLink(deps.kdb, document.id, id, clock.now());
    if (outcome === 'not-found') throw notFound('Länken finns inte.');
    // Idempotent: a repeat answers 204 too, but only the revocation that happened is audited.
    if (outcome === 'revoked') await recordAudit(deps.kdb, { workspaceId: document.workspaceId, actorId: user.id, action: AuditAction.ShareLinkRevoked, target: { type: 'share-link', id }, details: { documentId: document.id, document: document.title } }, clock.now());
    // Revocation must reach sockets already open: they were admitted once, at their upgrade.
    sockets.closeShareLink(id);
    return c.body(null, 204);
  });

  app.get('/shared/:token', async (c) => {
    const link = await shareAccess(deps.kdb, c.req.param('token'), clock.now());
    const adopted = await latestAdopted(deps.kdb, link.document.id);
    const shown = adopted ? { name: adopted.name, createdAt: adopted.createdAt, decision: adopted.decision } : null;
    return c.json({ document: link.document, expiresAt: new Date(link.expiresAt).toISOString(), adopted: shown });
  });

  app.get('/shared/:token/export.json', async (c) => {
    const link = await shareAccess(deps.kdb, c.req.param('token'), clock.now());
    const key = `share:${link.id}`;
    const state = { documentId: link.document.id, today: clock.today(), now: clock.now(), localeQuery: c.req.query('locale') };
    const body = await heavy.run(key, async () => {
      // The store, as the live export.json: everything a room relays is committed there first.
      const { snapshot, updates } = await deps.rooms.store.load(link.document.id);
      return stateExportJson(exports, { ...state, updates: snapshot ? [snapshot, ...updates] : updates }, key);
    });
    return c.body(body, 200, { 'Content-Type': 'application/json', 'Content-Disposition': attachment(link.document.title, 'json') });
  });

  sharedCompareRoutes(app, deps, heavy);

  return app;
}
