/**
 * Versions, compare, changes since a visit, restore (DESIGN "Versions, changes, the live
 * draft"; choices in docs/versions.md and README "Contract notes"). Every route answers
 * 401 without a session, 404 `not-found` to non-members, 403 `forbidden` below the role.
 */
import { Hono, type Handler } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import { documentAccess } from '../access.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import type { AppEnv, Deps } from '../context.js';
import { AppError } from '../errors.js';
import { heavyLimitsOf, heavyRequests, type HeavyRequests } from '../http/heavy-limit.js';
import { rateLimited } from '../http/per-address-limit.js';
import { keyedLimiter, type AddressLimiter } from '../http/shared-limit.js';
import { creationBudgetOf, creationWeight, type CreationBudget } from '../http/creation-budget.js';
import { attachment } from '../export/content-disposition.js';
import { DateSchema, parseJson, parseWith, singleLine } from '../validation.js';
import { restoreVersion } from '../versions/restore.js';
import { ComparePool } from '../versions/compare-pool.js';
import type { ExportPool } from '../export/export-pool.js';
import { stateExportJson } from '../versions/state-export.js';
import { lastVisitState, stateAt, stateData, versionNotFound } from '../versions/states.js';
import { findVersion, lastEditAt, lastVisitedAt, recordVisit, touchVisit, versionsOf } from '../versions/store.js';
import { makeVersion } from '../versions/versions.js';
import { requireWritable } from '../write-guard.js';

/** A single-line field (server/validation.ts `singleLine`: no controls, bidi controls or invisible-only text). */
const text = (max: number, what: string) => singleLine({ max, empty: `${what} får inte vara tom.`, tooLong: `${what}: högst ${max} tecken.` });

const NewVersion = z.strictObject({
  name: text(200, 'Namnet'),
  decision: z.strictObject({ body: text(200, 'Beslutande organ'), date: DateSchema, reference: text(200, 'Beslutsreferensen') }).optional(),
});
const CompareQuery = z.object({ from: z.string().min(1, 'Ange from.').max(100), to: z.string().min(1).max(100).default('live') });
/** `at`: when the change list the member read was made (its `to.at`); never in the future. */
const VisitBody = z.strictObject({ at: z.iso.datetime({ offset: true, error: 'at ska vara en ISO 8601-tid.' }).optional() });
const SinceQuery = z.object({ since: z.union([z.literal('last-visit'), z.iso.datetime({ offset: true, error: 'since ska vara last-visit eller en ISO 8601-tid.' })]) });

/**
 * - `POST /documents/:doc/versions {name, decision?: {body, date, reference}}` (editor) → 201 Version;
 *   409 `document.read-only` when archived (server/write-guard.ts); 429 `rate-limited` past
 *   VERSIONS_PER_MINUTE per person; 409 `version.limit` at VERSIONS_PER_DOCUMENT with no
 *   automatic version left to replace (the oldest automatic one goes first, versions.ts).
 * - `GET /documents/:doc/versions` (member) → `{versions: Version[]}` newest first.
 * - `GET /documents/:doc/versions/:v/export.json` (member) → the export shape as it was, plus `version`.
 * - `POST /documents/:doc/versions/:v/restore` (editor) → 200 `{restored: Version, before: Version}`;
 *   409 `document.read-only` when nobody may write to the document.
 * - `GET /documents/:doc/compare?from=<id|live|adopted>&to=<id|live>` (member) → `{changes, totals?}`;
 *   404 `version.not-found`, `version.none-adopted`.
 * - `GET /documents/:doc/changes?since=last-visit|<ISO>` (member) → `{changes, totals?, from: {kind, at}}`;
 *   400 `validation` for an ISO `since` after now (as a visit's `at`).
 *   `to.at` (ISO): when the live state was read, to send back with "Markera som läst".
 * - `POST /documents/:doc/visits` (member), body optional `{at?: ISO}` → 204. With `at` (the
 *   list's `to.at`, ≤ now else 400) the visit is the state at `at`: 409 `visit.stale` when the
 *   document changed after it, so changes the member has not seen are never marked as read.
 *   The document's state is stored with the visit only when it changed since the caller's
 *   last one (else only the time moves); such visits count HEAVY_REQUESTS_PER_MINUTE per
 *   person (429 past it), never refused for running beside the person's other heavy work.
 * A version's export.json is built in the export pool (versions/state-export.ts: its 503
 * `export.busy` and 429 too); restore, compare and changes each read or build a whole document
 * on this thread (small ones) or the compare thread: 429 `rate-limited` past HEAVY_REQUESTS_PER_MINUTE per person, 503 `busy`
 * past HEAVY_REQUESTS_AT_ONCE + HEAVY_REQUESTS_QUEUE in the process, both with `Retry-After`
 * (server/http/heavy-limit.ts; docs/security.md "Bounded requests").
 */
export function versionRoutes(deps: Deps, exports: ExportPool) {
  const { kdb, clock } = deps;
  const app = new Hono<AppEnv>();
  const heavy = heavyRequests(deps);
  const limits = heavyLimitsOf(deps.config);
  // Each version is a full state (1–2 MB on a big plan): red team F2 made 101 in 15 s.
  const newVersions = keyedLimiter(kdb, 'versions', limits.versionsPerMinute, clock.now);
  // A visit that stores a state is counted per person and minute, never refused for running
  // beside the person's other work: a beacon sent while the page's list reloads is the one
  // visit that page will ever record.
  const storedVisits = keyedLimiter(kdb, 'visits', limits.perMinute, clock.now);
  // Big compares, change lists and restores run in its thread; `heavy` admits at most
  // atOnce + queue, so its queue never refuses first.
  const compares = new ComparePool(limits.atOnce + limits.queue);
  const budget = creationBudgetOf(deps); // a version, a restore: whole states stored

  app.post('/documents/:doc/versions', saveVersion(deps, newVersions, budget));

  app.get('/documents/:doc/versions', async (c) => {
    const { document } = await documentAccess(deps, c.req.param('doc'), requireUser(c).id, 'viewer');
    return c.json({ versions: await versionsOf(kdb, document.id) });
  });

  app.get('/documents/:doc/versions/:v/export.json', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const version = await findVersion(kdb, document.id, c.req.param('v'));
    if (!version) throw versionNotFound();
    const state = { documentId: document.id, today: clock.today(), now: clock.now(), localeQuery: c.req.query('locale') };
    const body = await heavy.run(user.id, async () => stateExportJson(exports, { ...state, updates: [await stateData(deps, document.id, version.id)] }, user.id, { version }));
    return c.body(body, 200, { 'Content-Type': 'application/json', 'Content-Disposition': attachment(`${document.title} ${version.name}`, 'json') });
  });

  app.post('/documents/:doc/versions/:v/restore', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'editor');
    const charge = (bytes: number) => budget.charge(user.id, creationWeight(bytes));
    const result = await heavy.run(user.id, () => restoreVersion(deps, compares, document, c.req.param('v'), user.id, limits.versionsPerDocument, charge));
    await recordAudit(deps.kdb, { workspaceId: document.workspaceId, actorId: user.id, action: AuditAction.VersionRestored, target: { type: 'version', id: result.restored.id, label: result.restored.name }, details: { documentId: document.id, document: document.title, before: result.before.id } }, clock.now());
    return c.json(result);
  });

  compareRoutes(app, deps, heavy, compares);

  app.post('/documents/:doc/visits', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const { at } = parseWith(VisitBody, await optionalJson(c.req.raw));
    const now = clock.now();
    const seen = at === undefined ? now : Date.parse(at);
    if (seen > now) throw new AppError(400, 'validation', 'at får inte ligga i framtiden.');
    // Only the present state is stored; it is the state at `seen` only if nothing changed since.
    const [edited, visited] = await Promise.all([lastEditAt(kdb, document.id), lastVisitedAt(kdb, document.id, user.id)]);
    if (edited > seen) throw new AppError(409, 'visit.stale', 'Dokumentet har ändrats sedan listan visades. Läs de nya ändringarna och markera igen.');
    // Stored after the last edit, the visit's state is the document's state: only its time moves.
    if (visited !== undefined && visited > edited) await touchVisit(kdb, document.id, user.id, seen);
    else {
      const wait = await storedVisits.take(user.id);
      if (wait > 0) throw rateLimited(wait);
      await recordVisit(kdb, document.id, user.id, seen, await deps.rooms.encodeState(document.id));
    }
    return c.body(null, 204);
  });

  return app;
}

/** `POST /documents/:doc/versions` (see `versionRoutes`): its bounds are the per-minute `newVersions` and the account's `budget`. */
function saveVersion(deps: Deps, newVersions: AddressLimiter, budget: CreationBudget): Handler<AppEnv> {
  return async (c) => {
    const { document } = await documentAccess(deps, c.req.param('doc') ?? '', requireUser(c).id, 'editor');
    // A version of an archived document would be a write to it like any other (FA2-5).
    await requireWritable(deps.rooms, document.id, 'Dokumentet är skrivskyddat (arkiverat); ingen ny version kan sparas.');
    const input = await parseJson(c, NewVersion);
    const wait = await newVersions.take(requireUser(c).id);
    if (wait > 0) throw rateLimited(wait);
    // Charged by the size of what is stored: the state, encoded once, is the version's data.
    const data = await deps.rooms.encodeState(document.id);
    await budget.charge(requireUser(c).id, creationWeight(data.length));
    const version = await makeVersion(deps, document.id, { kind: 'named', name: input.name, createdBy: requireUser(c).id, decision: input.decision ?? null, cap: heavyLimitsOf(deps.config).versionsPerDocument, data });
    await recordAudit(deps.kdb, { workspaceId: document.workspaceId, actorId: requireUser(c).id, action: AuditAction.VersionCreated, target: { type: 'version', id: version.id, label: version.name }, details: { documentId: document.id, document: document.title, adopted: version.decision !== null } }, deps.clock.now());
    return c.json(version, 201);
  };
}

/**
 * `GET …/compare` and `GET …/changes` (see `versionRoutes`): each decodes two whole states
 * and diffs them, in a compare thread when they are big (versions/compare-pool.ts), and
 * runs within `heavy`'s bounds.
 */
function compareRoutes(app: Hono<AppEnv>, deps: Deps, heavy: HeavyRequests, compares: ComparePool): void {
  const { kdb, clock } = deps;
  app.get('/documents/:doc/compare', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const { from, to } = parseWith(CompareQuery, c.req.query());
    if (to === 'adopted') throw new AppError(400, 'validation', 'to ska vara en version eller live.');
    const { body } = await heavy.run(user.id, async () => compares.run({ before: await stateData(deps, document.id, from), after: await stateData(deps, document.id, to), extra: {} }));
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  app.get('/documents/:doc/changes', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const { since } = parseWith(SinceQuery, c.req.query());
    // As a visit `at` a later time (X17): a moment to come has no state, and no list from it.
    if (since !== 'last-visit' && Date.parse(since) > clock.now()) throw new AppError(400, 'validation', 'since får inte ligga i framtiden.');
    const { body } = await heavy.run(user.id, async () => {
      // Stamped before the read: an edit between the two makes "mark as read" stale, never lost.
      const at = new Date(clock.now()).toISOString();
      const start = since === 'last-visit' ? await lastVisitState(kdb, document.id, user.id) : await stateAt(kdb, document.id, user.id, Date.parse(since));
      // Never visited: nothing is "new since your last visit" (README "Contract notes").
      if (!start) return { body: JSON.stringify({ changes: [], from: { kind: 'none', at: null }, to: { at } }) };
      return compares.run({ before: start.data, after: await deps.rooms.encodeState(document.id), extra: { from: start.base, to: { at } } });
    });
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
}

/** A body that may be empty (`{}` then), e.g. a beacon's; 400 when present but not JSON. */
async function optionalJson(request: Request): Promise<unknown> {
  const body = await request.text();
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new AppError(400, 'validation', 'Begäran måste vara giltig JSON.');
  }
}
