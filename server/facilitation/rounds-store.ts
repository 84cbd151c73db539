/**
 * Dot-vote rounds and ballots in the database (tables `vote_rounds`, `vote_ballots`;
 * DESIGN "Facilitation": ballots never enter the shared document). Times in ms.
 */
import { statement, type Db } from '../db/database.js';
import type { Dots, RoundItem, RoundResult, RoundRules } from './tally.js';

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

interface StoredRound {
  id: string;
  documentId: string;
  title: string;
  items: string;
  dotsPerPerson: number;
  maxPerItem: number | null;
  anonymous: number;
  status: 'open' | 'closed';
  createdAt: number;
  closedAt: number | null;
  results: string | null;
}

const COLUMNS = `id, document_id AS documentId, title, items, dots_per_person AS dotsPerPerson, max_per_item AS maxPerItem,
  anonymous, status, created_at AS createdAt, closed_at AS closedAt, results`;

export function insertRound(db: Db, round: Omit<RoundRow, 'status' | 'closedAt' | 'results'>, createdBy: string): void {
  statement(
    db,
    `INSERT INTO vote_rounds (id, document_id, title, items, dots_per_person, max_per_item, anonymous, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(round.id, round.documentId, round.title, JSON.stringify(round.items), round.dotsPerPerson, round.maxPerItem, round.anonymous ? 1 : 0, createdBy, round.createdAt);
}

/** The round `roundId` of document `documentId`; undefined for another document's round. */
export function findRound(db: Db, documentId: string, roundId: string): RoundRow | undefined {
  const row = statement(db, `SELECT ${COLUMNS} FROM vote_rounds WHERE id = ? AND document_id = ?`).get(roundId, documentId) as StoredRound | undefined;
  if (!row) return undefined;
  return {
    ...row,
    items: JSON.parse(row.items) as RoundItem[],
    anonymous: row.anonymous === 1,
    results: row.results === null ? null : (JSON.parse(row.results) as RoundResult[]),
  };
}

/** Replaces the user's ballot (an empty one withdraws it: they no longer count as a voter). */
export function putBallot(db: Db, roundId: string, userId: string, dots: Dots, now: number): void {
  if (Object.keys(dots).length === 0) {
    statement(db, 'DELETE FROM vote_ballots WHERE round_id = ? AND user_id = ?').run(roundId, userId);
    return;
  }
  statement(
    db,
    `INSERT INTO vote_ballots (round_id, user_id, dots, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (round_id, user_id) DO UPDATE SET dots = excluded.dots, updated_at = excluded.updated_at`,
  ).run(roundId, userId, JSON.stringify(dots), now);
}

export interface BallotRow {
  user: { id: string; name: string };
  dots: Dots;
}

/**
 * Every ballot of the round whose voter is a member of the document's workspace now
 * (viewers included), with its voter, in the order they first voted. A removed member's
 * ballot stays stored but counts nowhere — not in the tally at close, not in `voters`
 * (red-team FA2-4: ballots outlived membership).
 */
export function ballotsOf(db: Db, roundId: string): BallotRow[] {
  const rows = statement(
    db,
    `SELECT u.id, u.name, b.dots FROM vote_ballots b
     JOIN users u ON u.id = b.user_id
     JOIN vote_rounds r ON r.id = b.round_id
     JOIN documents d ON d.id = r.document_id
     JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = b.user_id
     WHERE b.round_id = ? ORDER BY b.rowid`,
  ).all(roundId) as Array<{ id: string; name: string; dots: string }>;
  return rows.map((row) => ({ user: { id: row.id, name: row.name }, dots: JSON.parse(row.dots) as Dots }));
}

/** Marks an open round closed with its results; false when it was closed already (a race lost). */
export function closeRound(db: Db, roundId: string, results: RoundResult[], now: number): boolean {
  const changed = statement(db, "UPDATE vote_rounds SET status = 'closed', closed_at = ?, results = ? WHERE id = ? AND status = 'open'").run(
    now,
    JSON.stringify(results),
    roundId,
  ).changes;
  return changed === 1;
}
