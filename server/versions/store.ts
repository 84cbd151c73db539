/**
 * Versions and visits in SQLite (DESIGN "Versions, changes, the live draft"). A version
 * row holds the full state it was made from; a visit row the state its member last saw.
 */
import { randomUUID } from 'node:crypto';
import { statement, type Db } from '../db/database.js';

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

const SELECT = `SELECT v.id, v.name, v.kind, v.created_at AS createdAt, v.created_by AS userId, u.name AS userName,
  v.decision_body AS body, v.decision_date AS date, v.decision_reference AS reference,
  r.id AS restoreOfId, r.name AS restoreOfName
  FROM document_versions v LEFT JOIN users u ON u.id = v.created_by LEFT JOIN document_versions r ON r.id = v.restore_of`;

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

export function insertVersion(db: Db, input: NewVersion): Version {
  const id = randomUUID();
  const d = input.decision;
  statement(
    db,
    `INSERT INTO document_versions (id, document_id, kind, name, created_at, created_by, decision_body, decision_date, decision_reference, data, restore_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.documentId, input.kind, input.name, input.at, input.createdBy, d?.body ?? null, d?.date ?? null, d?.reference ?? null, input.data, input.restoreOf ?? null);
  const version = findVersion(db, input.documentId, id);
  if (!version) throw new Error(`version ${id} not stored`);
  return version;
}

/** Newest first; versions made in the same millisecond in the order they were made, newest first. */
export function versionsOf(db: Db, documentId: string): Version[] {
  return (statement(db, `${SELECT} WHERE v.document_id = ? ORDER BY v.created_at DESC, v.rowid DESC`).all(documentId) as VersionRow[]).map(toVersion);
}

export function findVersion(db: Db, documentId: string, id: string): Version | undefined {
  const row = statement(db, `${SELECT} WHERE v.document_id = ? AND v.id = ?`).get(documentId, id) as VersionRow | undefined;
  return row ? toVersion(row) : undefined;
}

/** The latest version with a decision (DESIGN: `adopted`). */
export function latestAdopted(db: Db, documentId: string): Version | undefined {
  const row = statement(db, `${SELECT} WHERE v.document_id = ? AND v.decision_body IS NOT NULL ORDER BY v.created_at DESC, v.rowid DESC LIMIT 1`).get(documentId) as
    | VersionRow
    | undefined;
  return row ? toVersion(row) : undefined;
}

/** The stored state of a version. */
export function versionData(db: Db, documentId: string, id: string): Uint8Array | undefined {
  const row = statement(db, 'SELECT data FROM document_versions WHERE document_id = ? AND id = ?').get(documentId, id) as { data: Buffer } | undefined;
  return row ? new Uint8Array(row.data) : undefined;
}

/** The newest version made at or before `at` (ms), with its state. */
export function versionAtOrBefore(db: Db, documentId: string, at: number): { createdAt: number; data: Uint8Array } | undefined {
  const row = statement(
    db,
    'SELECT created_at AS createdAt, data FROM document_versions WHERE document_id = ? AND created_at <= ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  ).get(documentId, at) as { createdAt: number; data: Buffer } | undefined;
  return row ? { createdAt: row.createdAt, data: new Uint8Array(row.data) } : undefined;
}

/** Records "I have looked": the state the member saw, replacing their previous visit. */
export function recordVisit(db: Db, documentId: string, userId: string, at: number, data: Uint8Array): void {
  statement(
    db,
    `INSERT INTO document_visits (document_id, user_id, visited_at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id, user_id) DO UPDATE SET visited_at = excluded.visited_at, data = excluded.data`,
  ).run(documentId, userId, at, data);
}

/**
 * When the document's content last changed (ms since epoch; 0: never): the newest update
 * in the log, or the newest edit that compaction summarised (the log is emptied then).
 */
export function lastEditAt(db: Db, documentId: string): number {
  const row = statement(
    db,
    `SELECT MAX(t) AS at FROM (SELECT MAX(created_at) AS t FROM document_updates WHERE document_id = ?
       UNION ALL SELECT MAX(last_at) AS t FROM document_edits WHERE document_id = ?)`,
  ).get(documentId, documentId) as { at: number | null } | undefined;
  return row?.at ?? 0;
}

export function lastVisit(db: Db, documentId: string, userId: string): { visitedAt: number; data: Uint8Array } | undefined {
  const row = statement(db, 'SELECT visited_at AS visitedAt, data FROM document_visits WHERE document_id = ? AND user_id = ?').get(documentId, userId) as
    | { visitedAt: number; data: Buffer }
    | undefined;
  return row ? { visitedAt: row.visitedAt, data: new Uint8Array(row.data) } : undefined;
}
