/**
 * Versions and visits on the async layer, SQLite or PostgreSQL (DESIGN "Versions, changes,
 * the live draft"; docs/database.md). A version row holds the full state it was made from;
 * a visit row the state its member last saw.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';

/** `deps.kdb` or a transaction on it. */
type Q = Kysely<Tables>;

export type VersionKind = 'named' | 'auto';

export interface Decision {
  body: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** e.g. "KS 2027-03-15 § 42". */
  reference: string;
}

/** A version as the API shows it (DESIGN): times ISO 8601 UTC; `createdBy` null for automatic ones. */
export interface Version {
  id: string;
  name: string;
  kind: VersionKind;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  decision: Decision | null;
  /** On a "Före återställning" version: the version restored over it (null otherwise, or when that one is gone). */
  restoreOf: { id: string; name: string } | null;
}

interface VersionRow {
  id: string;
  name: string;
  kind: VersionKind;
  createdAt: number;
  userId: string | null;
  userName: string | null;
  body: string | null;
  date: string | null;
  reference: string | null;
  restoreOfId: string | null;
  restoreOfName: string | null;
}

/** The listing's columns for `document_id = documentId`, newest first (same millisecond: last made first). */
function selectVersions(q: Q, documentId: string) {
  return q
    .selectFrom('document_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .leftJoin('document_versions as r', 'r.id', 'v.restore_of')
    .select([
      'v.id',
      'v.name',
      'v.kind',
      'v.created_at as createdAt',
      'v.created_by as userId',
      'u.name as userName',
      'v.decision_body as body',
      'v.decision_date as date',
      'v.decision_reference as reference',
      'r.id as restoreOfId',
      'r.name as restoreOfName',
    ])
    .where('v.document_id', '=', documentId)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.seq', 'desc')
    .orderBy('v.id', 'desc');
}

function toVersion(row: VersionRow): Version {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    createdAt: new Date(row.createdAt).toISOString(),
    // A deleted account's row is a tombstone named "Borttagen användare" (db/users.ts).
    createdBy: row.userId === null ? null : { id: row.userId, name: row.userName ?? '' },
    decision: row.body === null || row.date === null || row.reference === null ? null : { body: row.body, date: row.date, reference: row.reference },
    restoreOf: row.restoreOfId === null || row.restoreOfName === null ? null : { id: row.restoreOfId, name: row.restoreOfName },
  };
}

export interface NewVersion {
  documentId: string;
  kind: VersionKind;
  name: string;
  createdBy: string | null;
  decision: Decision | null;
  data: Uint8Array;
  at: number;
  /** The version about to be restored, when this one is made before a restore. */
  restoreOf?: string | null;
}

/**
 * Stores a version; its `seq` (order of making) is taken in the same statement: one after
 * the document's highest. Two processes inserting at once on PostgreSQL may take the same
 * number; such a tie is ordered by id (they were made at the same moment anyway).
 */
export async function insertVersion(kdb: Q, input: NewVersion): Promise<Version> {
  const id = randomUUID();
  const d = input.decision;
  // A subquery in VALUES: PostgreSQL types every parameter from its column, SQLite reads it in the same statement.
  const nextSeq = sql<number>`(SELECT COALESCE(MAX(seq), 0) + 1 FROM document_versions WHERE document_id = ${input.documentId})`;
  await kdb
    .insertInto('document_versions')
    .values({
      id,
      document_id: input.documentId,
      kind: input.kind,
      name: input.name,
      created_at: input.at,
      created_by: input.createdBy,
      decision_body: d?.body ?? null,
      decision_date: d?.date ?? null,
      decision_reference: d?.reference ?? null,
      data: input.data,
      restore_of: input.restoreOf ?? null,
      seq: nextSeq,
    })
    .execute();
  const version = await findVersion(kdb, input.documentId, id);
  if (!version) throw new Error(`version ${id} not stored`);
  return version;
}

/** Newest first; versions made in the same millisecond in the order they were made, newest first. */
export async function versionsOf(kdb: Q, documentId: string): Promise<Version[]> {
  return (await selectVersions(kdb, documentId).execute()).map(toVersion);
}

export async function findVersion(kdb: Q, documentId: string, id: string): Promise<Version | undefined> {
  const row = await selectVersions(kdb, documentId).where('v.id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The latest version with a decision (DESIGN: `adopted`). */
export async function latestAdopted(kdb: Q, documentId: string): Promise<Version | undefined> {
  const row = await selectVersions(kdb, documentId).where('v.decision_body', 'is not', null).limit(1).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The stored state of a version. */
export async function versionData(kdb: Q, documentId: string, id: string): Promise<Uint8Array | undefined> {
  const row = await kdb.selectFrom('document_versions').select('data').where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst();
  return row ? new Uint8Array(row.data) : undefined;
}

/** The newest version made at or before `at` (ms), with its state. */
export async function versionAtOrBefore(kdb: Q, documentId: string, at: number): Promise<{ createdAt: number; data: Uint8Array } | undefined> {
  const row = await kdb
    .selectFrom('document_versions')
    .select(['created_at as createdAt', 'data'])
    .where('document_id', '=', documentId)
    .where('created_at', '<=', at)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { createdAt: row.createdAt, data: new Uint8Array(row.data) } : undefined;
}

/** Records "I have looked": the state the member saw, replacing their previous visit. */
export async function recordVisit(kdb: Q, documentId: string, userId: string, at: number, data: Uint8Array): Promise<void> {
  await kdb
    .insertInto('document_visits')
    .values({ document_id: documentId, user_id: userId, visited_at: at, data })
    .onConflict((oc) => oc.columns(['document_id', 'user_id']).doUpdateSet({ visited_at: (eb) => eb.ref('excluded.visited_at'), data: (eb) => eb.ref('excluded.data') }))
    .execute();
}

/** When `userId` last visited the document (ms since epoch), without its stored state; undefined: never. */
export async function lastVisitedAt(kdb: Q, documentId: string, userId: string): Promise<number | undefined> {
  const row = await kdb.selectFrom('document_visits').select('visited_at').where('document_id', '=', documentId).where('user_id', '=', userId).executeTakeFirst();
  return row ? Number(row.visited_at) : undefined;
}

/** Moves `userId`'s visit to `at`, keeping its stored state (the document has not changed since it was stored). */
export async function touchVisit(kdb: Q, documentId: string, userId: string, at: number): Promise<void> {
  await kdb.updateTable('document_visits').set({ visited_at: at }).where('document_id', '=', documentId).where('user_id', '=', userId).execute();
}

/**
 * When the document's content last changed (ms since epoch; 0: never): the newest update
 * in the log, or the newest edit that compaction summarised (the log is emptied then).
 */
export async function lastEditAt(kdb: Q, documentId: string): Promise<number> {
  const [updates, edits] = await Promise.all([
    kdb.selectFrom('document_updates').select((eb) => eb.fn.max('created_at').as('t')).where('document_id', '=', documentId).executeTakeFirst(),
    kdb.selectFrom('document_edits').select((eb) => eb.fn.max('last_at').as('t')).where('document_id', '=', documentId).executeTakeFirst(),
  ]);
  return Math.max(Number(updates?.t ?? 0), Number(edits?.t ?? 0));
}

export async function lastVisit(kdb: Q, documentId: string, userId: string): Promise<{ visitedAt: number; data: Uint8Array } | undefined> {
  const row = await kdb
    .selectFrom('document_visits')
    .select(['visited_at as visitedAt', 'data'])
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { visitedAt: row.visitedAt, data: new Uint8Array(row.data) } : undefined;
}

/** How many versions the document holds (every kind: named, automatic, "Före återställning"). */
export async function versionCount(kdb: Q, documentId: string): Promise<number> {
  const row = await kdb.selectFrom('document_versions').select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', documentId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Deletes the document's `n` oldest automatic versions, or none when it holds fewer (answers
 * false then). A "Före återställning" version naming one of them then has `restoreOf` null.
 */
export async function dropOldestAutomatic(kdb: Q, documentId: string, n: number): Promise<boolean> {
  const rows = await kdb
    .selectFrom('document_versions')
    .select('id')
    .where('document_id', '=', documentId)
    .where('kind', '=', 'auto')
    .orderBy('created_at', 'asc')
    .orderBy('seq', 'asc')
    .limit(n)
    .execute();
  if (rows.length < n) return false;
  await kdb.deleteFrom('document_versions').where('document_id', '=', documentId).where('id', 'in', rows.map((r) => r.id)).execute();
  return true;
}
