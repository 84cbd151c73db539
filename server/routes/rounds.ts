/**
 * Dot-vote rounds (DESIGN "Facilitation (any document kind)", dot voting; rules and the
 * tie-break in docs/facilitation.md). The tally is the server's: ballots live in the
 * database only; the document gets the round (title, status, results) and, on closing,
 * each item's `priority`, written through the room so everyone online sees it live.
 * Every route: 401 signed out, 404 `not-found` for non-members, 403 `forbidden` below the role.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { roleAtLeast } from '../../shared/roles.js';
import { documentAccess } from '../access.js';
import { requireUser } from '../auth/middleware.js';
import { RateLimiter } from '../auth/rate-limit.js';
import type { AppEnv, Deps } from '../context.js';
import { statement } from '../db/database.js';
import { AppError } from '../errors.js';
import { checkBallotItems, checkRoundItems, existingItems, writeClosedRound, writeOpenRound } from '../facilitation/round-document.js';
import { ballotsOf, closeRound, findRound, insertRound, putBallot, type RoundRow } from '../facilitation/rounds-store.js';
import { checkBallot, itemKey, tally, type RoundResult } from '../facilitation/tally.js';
import { rateLimited } from '../http/per-address-limit.js';
import { parseJson, singleLine } from '../validation.js';
import { documentReadOnly, requireWritable } from '../write-guard.js';

const MAX_ITEMS = 100;

const NewRound = z
  .object({
    title: singleLine({ max: 200, empty: 'Rubriken får inte vara tom.' }),
    items: z
      .array(z.object({ collection: z.string().min(1).max(50), id: z.string().min(1).max(100) }))
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

const Ballot = z.object({
  dots: z.record(z.string().max(200), z.unknown()).refine((dots) => Object.keys(dots).length <= MAX_ITEMS, `Högst ${MAX_ITEMS} punkter.`),
});

const roundNotFound = () => new AppError(404, 'round.not-found', 'Omröstningen finns inte.');
const roundClosed = () => new AppError(409, 'round.closed', 'Omröstningen är avslutad.');
const roundLimit = (max: number) => new AppError(409, 'round.limit', `Dokumentet har redan ${max} omröstningar, det högsta antalet.`);
const roundsOf = (db: Deps['db'], documentId: string) =>
  (statement(db, 'SELECT COUNT(*) AS n FROM vote_rounds WHERE document_id = ?').get(documentId) as { n: number }).n;
const READ_ONLY_MESSAGE = 'Dokumentet är skrivskyddat; omröstningen kan inte skrivas in i det.';
const readOnly = () => documentReadOnly(READ_ONLY_MESSAGE);

/** The round as one person may see it (docs/facilitation.md "GET a round"). */
function roundView(deps: Deps, round: RoundRow, userId: string, coordinator: boolean) {
  const ballots = ballotsOf(deps.db, round.id);
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
  const created = new RateLimiter(roundsPerMinute, 60_000, deps.clock.now);
  return {
    /** Counts a new round of `userId`'s; 429 `rate-limited` past ROUNDS_PER_MINUTE. */
    take(userId: string): void {
      const wait = created.take(userId);
      if (wait > 0) throw rateLimited(wait);
    },
    /** 409 `round.limit` when the document already holds ROUNDS_PER_DOCUMENT rounds. */
    checkRoom(documentId: string): void {
      if (roundsOf(deps.db, documentId) >= roundsPerDocument) throw roundLimit(roundsPerDocument);
    },
  };
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
  const { db, clock, rooms } = deps;
  const app = new Hono<AppEnv>();
  const bounds = roundBounds(deps);

  app.post('/documents/:doc/rounds', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    await requireWritable(rooms, document.id, READ_ONLY_MESSAGE);
    const input = await parseJson(c, NewRound);
    bounds.take(user.id);
    const id = randomUUID();
    const written = await rooms.change(document.id, (doc) => {
      // Counted where the round is inserted, with no await between: never one over the cap.
      bounds.checkRoom(document.id);
      checkRoundItems(doc, document.kind, input.items);
      const round = { ...input, maxPerItem: input.maxPerItem ?? null };
      insertRound(db, { ...round, id, documentId: document.id, createdAt: clock.now() }, user.id);
      writeOpenRound(doc, id, input.title);
    });
    if (!written) throw readOnly();
    return c.json({ id }, 201);
  });

  app.put('/documents/:doc/rounds/:r/ballot', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const round = findRound(db, document.id, c.req.param('r'));
    if (!round) throw roundNotFound();
    const { dots } = await parseJson(c, Ballot);
    const ballot = checkBallot(round, dots);
    // An archived document takes no ballot, and no dot goes to an item deleted since (FA2-4/5).
    await requireWritable(rooms, document.id, READ_ONLY_MESSAGE);
    checkBallotItems(await rooms.read(document.id), round.items, ballot);
    // Read again after the body: a close may have landed while it arrived.
    if (findRound(db, document.id, round.id)?.status !== 'open') throw roundClosed();
    putBallot(db, round.id, user.id, ballot, clock.now());
    return c.body(null, 204);
  });

  app.get('/documents/:doc/rounds/:r', async (c) => {
    const user = requireUser(c);
    const { document, role } = await documentAccess(deps, c.req.param('doc'), user.id, 'viewer');
    const round = findRound(db, document.id, c.req.param('r'));
    if (!round) throw roundNotFound();
    return c.json(roundView(deps, round, user.id, roleAtLeast(role, 'coordinator')));
  });

  app.post('/documents/:doc/rounds/:r/close', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    const round = findRound(db, document.id, c.req.param('r'));
    if (!round) throw roundNotFound();
    if (round.status === 'closed') throw roundClosed();
    await requireWritable(rooms, document.id, READ_ONLY_MESSAGE);
    const closedAt = clock.now();
    let results: RoundResult[] = [];
    const written = await rooms.change(document.id, (doc) => {
      // Tallied and closed with no await between: a ballot either counts or is refused 409.
      // Only items still in the document and ballots of current members count (FA2-4).
      results = tally({ ...round, items: existingItems(doc, round.items) }, ballotsOf(db, round.id).map((ballot) => ballot.dots));
      if (!closeRound(db, round.id, results, closedAt)) throw roundClosed();
      writeClosedRound(doc, round.id, round.title, new Date(closedAt).toISOString(), results);
    });
    if (!written) throw readOnly();
    return c.json({ results });
  });

  return app;
}
