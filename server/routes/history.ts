/**
 * Per-field history (DESIGN "Audit and exports", first bullet; docs/history.md). Answers
 * 401 without a session, 404 `not-found` to non-members, like every document route.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import { documentAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { historyOf } from '../history/store.js';
import { rateLimited } from '../http/per-address-limit.js';
import { keyedLimiter } from '../http/shared-limit.js';
import { parseWith, queryInteger, withPeriod } from '../validation.js';
import { loggableFailure } from '../history/refusal.js';
import { COMPARED_COLLECTIONS } from '../../shared/compare/flatten.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { AppError } from '../errors.js';

/** Entries answered when no `limit` is given, and the most one answer holds. */
export const HISTORY_LIMIT = { default: 100, max: 500 } as const;

const word = (what: string) => z.string().trim().min(1, `${what} får inte vara tom.`).max(200, `${what}: högst 200 tecken.`);
// from/to and their order: the one period rule (validation.ts withPeriod), as the audit log's.
const HistoryQuery = withPeriod(
  z.object({
    collection: word('collection').optional(),
    id: word('id').optional(),
    field: word('field').optional(),
    user: word('user').optional(),
    limit: queryInteger({ min: 1, max: HISTORY_LIMIT.max, fallback: HISTORY_LIMIT.default }),
  }),
);

/**
 * 400 `validation` unless `name` (the `collection` filter) is one the document's kind files
 * items under: a misspelt or another kind's collection would otherwise list nothing, as if
 * nothing had changed. Looked up in a list, so `__proto__`, `constructor` … are unknown too.
 */
function checkCollection(kind: DocumentKind, name: string | undefined): void {
  const known = COMPARED_COLLECTIONS[kind];
  if (name === undefined || known.includes(name)) return;
  throw new AppError(400, 'validation', `collection: ${name} finns inte i det här dokumentet; välj bland ${known.join(', ')}.`);
}

/**
 * - `GET /documents/:doc/history?collection=&id=&field=&user=&from=&to=&limit=` (member,
 *   viewers included) → 200 `{entries: [{at, user: {id, name} | null, op, collection, id,
 *   label, field, before, after}]}` newest first. `from`/`to`: ISO 8601 times, both
 *   included; `limit` 1–500 (100). `user` null: a change the server made (a migration, a
 *   restore); a deleted account is named "Borttagen användare". `op` and `field: null`
 *   (an added or removed item, its fields in `after`/`before`) add to DESIGN.
 *   Errors: 400 `validation` on a bad filter (also a `collection` the kind does not have); 429 `rate-limited` with `Retry-After` past
 *   HISTORY_REQUESTS_PER_MINUTE reads per person.
 */
export function historyRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Each read may wait for a catch-up of everyone's edits: bounded per person (docs/security.md "Bounded requests").
  const perUser = keyedLimiter(deps.kdb, 'history', deps.config.limits.historyPerMinute, deps.clock.now);

  app.get('/documents/:doc/history', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const filter = parseWith(HistoryQuery, c.req.query());
    checkCollection(document.kind, filter.collection);
    const wait = await perUser.take(user.id);
    if (wait > 0) throw rateLimited(wait);
    // What is committed but not yet derived is derived now (in the history thread; readers
    // arriving together share one catch-up, deriver.ts), so the answer is never behind.
    // If deriving fails, what is stored is still the truth up to its cursor: answer that.
    await deps.history.catchUp().catch((error: unknown) => console.error('History: catching up failed', loggableFailure(error)));
    return c.json({ entries: await historyOf(deps.kdb, document.id, filter) });
  });

  return app;
}
