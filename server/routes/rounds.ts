/**
 * Dot-vote rounds (DESIGN "Facilitation (any document kind)", dot voting; rules and the
 * tie-break in docs/facilitation.md). The tally is the server's: ballots live in the
 * database only; the document gets the round (title, status, results) and, on closing,
 * each item's `priority`, written through the room so everyone online sees it live.
 * Every route: 401 signed out, 404 `not-found` for non-members, 403 `forbidden` below the role.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type * as Y from 'yjs';
import { z } from 'zod';
import { roleAtLeast } from '../../shared/roles.js';
import { documentAccess } from '../access.js';
import { requireUser } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { creationBudgetOf } from '../http/creation-budget.js';
import { AppError } from '../errors.js';
import { checkBallotItems, checkRoundItems, existingItems, labelResults, writeClosedRound, writeOpenRound } from '../facilitation/round-document.js';
import { ballotsOf, closeRound, deleteRound, findRound, insertRound, putBallot, reopenRound, storeResults, type RoundRow } from '../facilitation/rounds-store.js';
import { checkBallot, itemKey, tally, type RoundResult } from '../facilitation/tally.js';
import { rateLimited } from '../http/per-address-limit.js';
import { keyedLimiter } from '../http/shared-limit.js';
import { clientRecord, parseJson, singleLine } from '../validation.js';
import { documentReadOnly, requireWritable } from '../write-guard.js';

const MAX_ITEMS = 100;

/**
 * A collection name or item id: no control characters. A NUL would reach the stored round
 * (PostgreSQL refuses it in text, SQLSTATE 22021: a 500), and no item of ours has one.
 */
const itemKeyPart = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'Får inte innehålla styrtecken.');

const NewRound = z
  .strictObject({
    title: singleLine({ max: 200, empty: 'Rubriken får inte vara tom.' }),
    items: z
      .array(z.strictObject({ collection: itemKeyPart(50), id: itemKeyPart(100) }))
      .min(1, 'Välj minst en punkt.')
      .max(MAX_ITEMS, `Högst ${MAX_ITEMS} punkter.`)
      .refine((items) => new Set(items.map(itemKey)).size === items.length, 'Samma punkt finns två gånger.'),
    dotsPerPerson: z.number().int('Ett heltal.').min(1, 'Minst 1.').max(20, 'Högst 20.'),
    maxPerItem: z.number().int('Ett heltal.').min(1, 'Minst 1.').max(20, 'Högst 20.').optional(),
    anonymous: z.boolean(),
  })
  .refine((round) => round.maxPerItem === undefined || round.maxPerItem <= round.dotsPerPerson, {
    path: ['maxPerItem'],
    message: 'Kan inte vara fler än prickarna per person.',
  });

const Ballot = z.strictObject({
  // Every own key, `__proto__` too: one that is not an item of the round is refused (F5).
  dots: clientRecord(z.string().max(200), { max: MAX_ITEMS, tooMany: `Högst ${MAX_ITEMS} punkter.` }),
});

const roundNotFound = () => new AppError(404, 'round.not-found', 'Omröstningen finns inte.');
const roundClosed = () => new AppError(409, 'round.closed', 'Omröstningen är avslutad.');
const roundLimit = (max: number) => new AppError(409, 'round.limit', `Dokumentet har redan ${max} omröstningar, det högsta antalet.`);
const READ_ONLY_MESSAGE = 'Dokumentet är skrivskyddat; omröstningen kan inte skrivas in i det.';
const readOnly = () => documentReadOnly(READ_ONLY_MESSAGE);

/** The round as one person may see it (docs/facilitation.md "GET a round"). */
async function roundView(deps: Deps, round: RoundRow, userId: string, coordinator: boolean) {
  const ballots = await ballotsOf(deps.kdb, round.id);
  const { id, title, status, items, dotsPerPerson, maxPerItem, anonymous } = round;
  return {
    id,
    title,
    status,
    items,
    dotsPerPerson,
    maxPerItem,
    anonymous,
    voters: ballots.length,
    myDots: ballots.find((ballot) => ballot.user.id === userId)?.dots ?? {},
    ...(status === 'closed' ? { closedAt: new Date(round.closedAt ?? 0).toISOString(), results: round.results ?? [] } : {}),
    ...(coordinator && !anonymous ? { ballots } : {}),
  };
}

/**
 * Every round is kept in the database and in the document's `session.rounds`, which every
 * client loads: bounded per document and per person (docs/security.md "Bounded requests").
 */
function roundBounds(deps: Deps) {
  const { roundsPerDocument, roundsPerMinute } = deps.config.limits;
  const created = keyedLimiter(deps.kdb, 'rounds', roundsPerMinute, deps.clock.now);
  return {
    /** Counts a new round of `userId`'s; 429 `rate-limited` past ROUNDS_PER_MINUTE. */
    async take(userId: string): Promise<void> {
      const wait = await created.take(userId);
      if (wait > 0) throw rateLimited(wait);
    },
    /** Stores the round; 409 `round.limit` when the document already holds ROUNDS_PER_DOCUMENT rounds. */
    async insert(round: Parameters<typeof insertRound>[1], userId: string): Promise<void> {
      if (!(await insertRound(deps.kdb, round, userId, roundsPerDocument))) throw roundLimit(roundsPerDocument);
    },
  };
}

/** Writes a new round into its document; when that fails (read-only, items gone) the stored round goes again. */
async function writeOrForget(deps: Deps, roundId: string, document: { id: string }, write: (doc: Y.Doc) => void, userId: string): Promise<void> {
  let written = false;
  try {
    written = await deps.rooms.change(document.id, write, userId);
  } finally {
    if (!written) await deleteRound(deps.kdb, roundId);
  }
  if (!written) throw readOnly();
}

/**
 * Closes the round, tallies it and writes the results into the document and the database.
 * Closed first, then the ballots read: a ballot either landed before (and counts) or is
 * refused 409 (server/facilitation/rounds-store.ts), also across processes. When the
 * document cannot take the results (read-only meanwhile) the round is open again.
 */
async function closeAndTally(deps: Deps, documentId: string, round: RoundRow, userId: string): Promise<RoundResult[]> {
  const closedAt = deps.clock.now();
  if (!(await closeRound(deps.kdb, round.id, closedAt))) throw roundClosed();
  const ballots = (await ballotsOf(deps.kdb, round.id)).map((ballot) => ballot.dots);
  let results: RoundResult[] = [];
  let written = false;
  try {
    written = await deps.rooms.change(documentId, (doc) => {
      // Only items still in the document and ballots of current members count (FA2-4).
      results = labelResults(doc, tally({ ...round, items: existingItems(doc, round.items) }, ballots));
      writeClosedRound(doc, round.id, round.title, new Date(closedAt).toISOString(), results);
    }, userId);
  } finally {
    if (!written) await reopenRound(deps.kdb, round.id);
  }
  if (!written) throw readOnly();
  await storeResults(deps.kdb, round.id, results);
  return results;
}

/**
 * - `POST /documents/:doc/rounds {title, items:[{collection,id}], dotsPerPerson 1..20, maxPerItem?, anonymous}`
 *   (coordinator) → 201 `{id}`; 400 `validation` (also items that are not votable or not in the document);
 *   409 `document.read-only`; 409 `round.limit` at ROUNDS_PER_DOCUMENT rounds; 429 `rate-limited`
 *   (with `Retry-After`) past ROUNDS_PER_MINUTE new rounds per person.
 * - `PUT /documents/:doc/rounds/:r/ballot {dots:{"<collection>:<id>": n}}` (member, viewers too) → 204,
 *   replacing the caller's ballot; 400 `validation` (also dots on an item deleted since) / `round.over-allowance`;
 *   404 `round.not-found`; 409 `round.closed`, `document.read-only` (archived).
 * - `GET /documents/:doc/rounds/:r` (member) → the round view; 404 `round.not-found`.
 * - `POST /documents/:doc/rounds/:r/close` (coordinator) → 200 `{results}` ranked; 409 `round.closed`, `document.read-only`.
 */
export function roundRoutes(deps: Deps) {
  const { kdb, clock, rooms } = deps;
  const app = new Hono<AppEnv>();
  const bounds = roundBounds(deps);
  const budget = creationBudgetOf(deps);

  app.post('/documents/:doc/rounds', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    await requireWritable(rooms, document.id, READ_ONLY_MESSAGE);
    const input = await parseJson(c, NewRound);
    await bounds.take(user.id);
    await budget.charge(user.id);
    const id = randomUUID();
    checkRoundItems(await rooms.read(document.id), document.kind, input.items);
    // The cap is kept by the insert itself (one conditional statement), on every process.
    await bounds.insert({ ...input, maxPerItem: input.maxPerItem ?? null, id, documentId: document.id, createdAt: clock.now() }, user.id);
    await writeOrForget(deps, id, document, (doc) => {
      // Checked again where it is written: an item may have been deleted since the read.
      checkRoundItems(doc, document.kind, input.items);
      writeOpenRound(doc, id, input.title);
    }, user.id);
    return c.json({ id }, 201);
  });

  app.put('/documents/:doc/rounds/:r/ballot', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const round = await findRound(kdb, document.id, c.req.param('r'));
    if (!round) throw roundNotFound();
    const { dots } = await parseJson(c, Ballot);
    const ballot = checkBallot(round, dots);
    // An archived document takes no ballot, and no dot goes to an item deleted since (FA2-4/5).
    await requireWritable(rooms, document.id, READ_ONLY_MESSAGE);
    checkBallotItems(await rooms.read(document.id), round.items, ballot);
    // Written only while the round is open, checked where it is written: a close that
    // landed meanwhile refuses it (409), one after it counts it.
    if (!(await putBallot(kdb, round.id, user.id, ballot, clock.now()))) throw roundClosed();
    return c.body(null, 204);
  });

  app.get('/documents/:doc/rounds/:r', async (c) => {
    const user = requireUser(c);
    const { document, role } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const round = await findRound(kdb, document.id, c.req.param('r'));
    if (!round) throw roundNotFound();
    return c.json(await roundView(deps, round, user.id, roleAtLeast(role, 'coordinator')));
  });

  app.post('/documents/:doc/rounds/:r/close', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    const round = await findRound(kdb, document.id, c.req.param('r'));
    if (!round) throw roundNotFound();
    if (round.status === 'closed') throw roundClosed();
    await requireWritable(rooms, document.id, READ_ONLY_MESSAGE);
    return c.json({ results: await closeAndTally(deps, document.id, round, user.id) });
  });

  return app;
}
