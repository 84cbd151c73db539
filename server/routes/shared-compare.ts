/**
 * A share-link guest's "adopted vs live draft" and "changed since your last visit" (issue 18;
 * DESIGN "Share links", "Versions, changes, the live draft"): the member routes' answers for
 * the link's one document, built by the same functions (versions/states.ts, the compare pool),
 * bounded per link as the guest's export.json. A guest has no account, so their last visit
 * is kept by their browser, per link, and sent as `since` (docs/versions.md).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../context.js';
import { AppError } from '../errors.js';
import { heavyLimitsOf, type HeavyRequests } from '../http/heavy-limit.js';
import { shareAccess } from '../share/access.js';
import { parseWith } from '../validation.js';
import { ComparePool } from '../versions/compare-pool.js';
import { stateAt, stateData } from '../versions/states.js';

/** A guest compares only the adopted version with the live draft: version ids are never shown to guests. */
const GuestCompare = z.object({ from: z.literal('adopted', { error: 'from ska vara adopted.' }), to: z.literal('live', { error: 'to ska vara live.' }).default('live') });
const GuestSince = z.object({ since: z.iso.datetime({ offset: true, error: 'since ska vara en ISO 8601-tid.' }).optional() });

/**
 * - `GET /shared/:token/compare?from=adopted&to=live` (anyone with the link) → `{changes, totals?}`,
 *   as the member route; 404 `version.none-adopted` without an adopted version.
 * - `GET /shared/:token/changes?since=<ISO>` → `{changes, totals?, from: {kind, at}, to: {at}}`, as the
 *   member route with a time (the state then: logged-state, else the newest version before it,
 *   else empty; never a member's visit). Without `since` (the browser's first visit): `from.kind`
 *   `none` and no changes, only `to.at` to keep. 400 `validation` for a bad or future `since`.
 * Unknown token 404 `share.not-found`; expired or revoked 410 `share.expired`. Each counts as
 * heavy work of `share:<link id>` (429 `rate-limited`, 503 `busy`, with `Retry-After`).
 */
export function sharedCompareRoutes(app: Hono<AppEnv>, deps: Deps, heavy: HeavyRequests): void {
  const { kdb, clock } = deps;
  // As versions.ts: `heavy` admits at most atOnce + queue, so this queue never refuses first.
  const { atOnce, queue } = heavyLimitsOf(deps.config);
  const compares = new ComparePool(atOnce + queue);

  app.get('/shared/:token/compare', async (c) => {
    const link = await shareAccess(kdb, c.req.param('token'), clock.now());
    const { from, to } = parseWith(GuestCompare, c.req.query());
    const documentId = link.document.id;
    const { body } = await heavy.run(`share:${link.id}`, async () => compares.run({ before: await stateData(deps, documentId, from), after: await stateData(deps, documentId, to), extra: {} }));
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  app.get('/shared/:token/changes', async (c) => {
    const link = await shareAccess(kdb, c.req.param('token'), clock.now());
    const { since } = parseWith(GuestSince, c.req.query());
    if (since !== undefined && Date.parse(since) > clock.now()) throw new AppError(400, 'validation', 'since får inte ligga i framtiden.');
    // Nothing is read for a first visit: only the time to keep, as a member's first visit.
    if (since === undefined) return c.json({ changes: [], from: { kind: 'none', at: null }, to: { at: new Date(clock.now()).toISOString() } });
    const documentId = link.document.id;
    const { body } = await heavy.run(`share:${link.id}`, async () => {
      // Stamped before the read, as the member route: an edit between the two is listed next time, never lost.
      const at = new Date(clock.now()).toISOString();
      const start = await stateAt(kdb, documentId, null, Date.parse(since));
      return compares.run({ before: start.data, after: await deps.rooms.encodeState(documentId), extra: { from: start.base, to: { at } } });
    });
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
}
