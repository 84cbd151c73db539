/**
 * Dot-vote rounds and ballots on the async layer, SQLite or PostgreSQL (tables `vote_rounds`,
 * `vote_ballots`; DESIGN "Facilitation": ballots never enter the shared document; the rules
 * under concurrency in docs/database.md "Vote rounds"). Times in ms.
 *
 * A ballot and the close of its round never cross: on SQLite each is one statement that
 * checks the round is open (one writer, so atomic); on PostgreSQL a ballot first locks the
 * round's row while it is open, so a close waits for it (and then counts it) or the ballot
 * waits for the close (and then finds the round closed).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import type { Kdb } from '../db/kysely.js';
import type { Tables } from '../db/schema.js';
import type { Dots, RoundItem, RoundResult, RoundRules } from './tally.js';

/** `deps.kdb` or a transaction on it. */
type Q = Kysely<Tables>;

export interface RoundRow extends RoundRules {
  id: string;
  documentId: string;
  title: string;
  anonymous: boolean;
  status: 'open' | 'closed';
  createdAt: number;
  closedAt: number | null;
  results: RoundResult[] | null;
}

/**
 * Stores a new open round unless the document already holds `max` rounds (one conditional
 * statement; on PostgreSQL after locking the document's row, so two at once cannot both
 * take the last place). Returns false when the cap refused it.
 */
export async function insertRound(kdb: Kdb, round: Omit<RoundRow, 'status' | 'closedAt' | 'results'>, createdBy: string, max: number): Promise<boolean> {
  const write = async (q: Q) => {
    // Typed casts: PostgreSQL reads a bare parameter in a SELECT list as text.
    const result = await sql`INSERT INTO vote_rounds (id, document_id, title, items, dots_per_person, max_per_item, anonymous, status, created_by, created_at)
      SELECT ${round.id}, ${round.documentId}, ${round.title}, ${JSON.stringify(round.items)}, CAST(${round.dotsPerPerson} AS BIGINT),
        CAST(${round.maxPerItem} AS BIGINT), CAST(${round.anonymous ? 1 : 0} AS BIGINT), 'open', ${createdBy}, CAST(${round.createdAt} AS BIGINT)
      WHERE (SELECT COUNT(*) FROM vote_rounds WHERE document_id = ${round.documentId}) < ${max}`.execute(q);
    return (result.numAffectedRows ?? 0n) > 0n;
  };
  if (!isPostgres(kdb)) return write(kdb);
  return kdb.transaction().execute(async (trx) => {
    await sql`SELECT id FROM documents WHERE id = ${round.documentId} FOR UPDATE`.execute(trx);
    return write(trx);
  });
}

/** Removes a round that could not be written into its document (created, then refused). */
export async function deleteRound(kdb: Q, roundId: string): Promise<void> {
  await kdb.deleteFrom('vote_rounds').where('id', '=', roundId).execute();
}

/** The round `roundId` of document `documentId`; undefined for another document's round. */
export async function findRound(kdb: Q, documentId: string, roundId: string): Promise<RoundRow | undefined> {
  const row = await kdb
    .selectFrom('vote_rounds')
    .select(['id', 'document_id as documentId', 'title', 'items', 'dots_per_person as dotsPerPerson', 'max_per_item as maxPerItem', 'anonymous', 'status', 'created_at as createdAt', 'closed_at as closedAt', 'results'])
    .where('id', '=', roundId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    items: JSON.parse(row.items) as RoundItem[],
    anonymous: Number(row.anonymous) === 1,
    results: row.results === null ? null : (JSON.parse(row.results) as RoundResult[]),
  };
}

/** Rounds the document holds (the cap ROUNDS_PER_DOCUMENT counts them). */
export async function roundsOf(kdb: Q, documentId: string): Promise<number> {
  const row = await kdb.selectFrom('vote_rounds').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Replaces the user's ballot while the round is open (an empty one withdraws it: they no
 * longer count as a voter). Returns false, writing nothing, when the round is closed.
 */
export async function putBallot(kdb: Kdb, roundId: string, userId: string, dots: Dots, now: number): Promise<boolean> {
  if (!isPostgres(kdb)) return writeBallot(kdb, roundId, userId, dots, now);
  return kdb.transaction().execute(async (trx) => {
    // The row lock a close's UPDATE waits for; none taken (0 rows) when it is closed.
    const open = await sql`UPDATE vote_rounds SET id = id WHERE id = ${roundId} AND status = 'open'`.execute(trx);
    if ((open.numAffectedRows ?? 0n) === 0n) return false;
    return writeBallot(trx, roundId, userId, dots, now);
  });
}

const isOpen = (roundId: string) => sql<boolean>`EXISTS (SELECT 1 FROM vote_rounds WHERE id = ${roundId} AND status = 'open')`;

/** One statement that writes only while the round is open; false when it is not. */
async function writeBallot(q: Q, roundId: string, userId: string, dots: Dots, now: number): Promise<boolean> {
  if (Object.keys(dots).length === 0) {
    await q.deleteFrom('vote_ballots').where('round_id', '=', roundId).where('user_id', '=', userId).where(isOpen(roundId)).execute();
    const round = await q.selectFrom('vote_rounds').select('status').where('id', '=', roundId).executeTakeFirst();
    return round?.status === 'open';
  }
  const result = await sql`INSERT INTO vote_ballots (round_id, user_id, dots, updated_at, first_at)
    SELECT ${roundId}, ${userId}, ${JSON.stringify(dots)}, CAST(${now} AS BIGINT), CAST(${now} AS BIGINT) WHERE ${isOpen(roundId)}
    ON CONFLICT (round_id, user_id) DO UPDATE SET dots = excluded.dots, updated_at = excluded.updated_at`.execute(q);
  return (result.numAffectedRows ?? 0n) > 0n;
}

export interface BallotRow {
  user: { id: string; name: string };
  dots: Dots;
}

/**
 * Every ballot of the round whose voter is a member of the document's workspace now
 * (viewers included), with its voter, in the order they first voted (then by user id).
 * A removed member's ballot stays stored but counts nowhere — not in the tally at close,
 * not in `voters` (red-team FA2-4: ballots outlived membership).
 */
export async function ballotsOf(kdb: Q, roundId: string): Promise<BallotRow[]> {
  const rows = await kdb
    .selectFrom('vote_ballots as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .innerJoin('vote_rounds as r', 'r.id', 'b.round_id')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.workspace_id', '=', 'd.workspace_id').onRef('m.user_id', '=', 'b.user_id'))
    .select(['u.id', 'u.name', 'b.dots'])
    .where('b.round_id', '=', roundId)
    .orderBy('b.first_at')
    .orderBy('b.user_id')
    .execute();
  return rows.map((row) => ({ user: { id: row.id, name: row.name }, dots: JSON.parse(row.dots) as Dots }));
}

/**
 * Marks an open round closed at `now` (results follow with `storeResults`); false when it
 * was closed already (a race lost). From here on no ballot is taken (see the file's note).
 */
export async function closeRound(kdb: Q, roundId: string, now: number): Promise<boolean> {
  const result = await kdb.updateTable('vote_rounds').set({ status: 'closed', closed_at: now }).where('id', '=', roundId).where('status', '=', 'open').executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Opens a round again whose close could not be written into its document (read-only meanwhile). */
export async function reopenRound(kdb: Q, roundId: string): Promise<void> {
  await kdb.updateTable('vote_rounds').set({ status: 'open', closed_at: null, results: null }).where('id', '=', roundId).execute();
}

/** The ranked results of a closed round. */
export async function storeResults(kdb: Q, roundId: string, results: RoundResult[]): Promise<void> {
  await kdb.updateTable('vote_rounds').set({ results: JSON.stringify(results) }).where('id', '=', roundId).execute();
}
