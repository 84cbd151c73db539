/**
 * Share links in SQLite (DESIGN "Share links"): one row per link, the token stored only as
 * its SHA-256. Revoked and expired rows stay, so their links answer 410 rather than 404.
 */
import { randomUUID } from 'node:crypto';
import { statement, type Db } from '../db/database.js';
import type { DocumentKind } from '../../shared/model/kinds.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A link as coordinators see it (no token). Times ISO 8601 UTC. */
export interface ShareLinkListing {
  id: string;
  label: string;
  expiresAt: string;
  revoked: boolean;
  lastUsedAt: string | null;
}

/** What a token leads to, and whether it still opens it. */
export interface ShareLinkTarget {
  id: string;
  expiresAt: number;
  state: 'live' | 'expired' | 'revoked';
  document: { id: string; kind: DocumentKind; title: string };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createShareLink(db: Db, input: { documentId: string; label: string; tokenHash: string; createdBy: string; expiresInDays: number; now: number }): { id: string; expiresAt: number } {
  const id = randomUUID();
  const expiresAt = input.now + input.expiresInDays * DAY_MS;
  statement(db, 'INSERT INTO share_links (id, document_id, label, token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    input.documentId,
    input.label,
    input.tokenHash,
    input.createdBy,
    input.now,
    expiresAt,
  );
  return { id, expiresAt };
}

/** The document's links, newest first. */
export function shareLinksOf(db: Db, documentId: string): ShareLinkListing[] {
  const rows = statement(
    db,
    `SELECT id, label, expires_at AS expiresAt, revoked_at AS revokedAt, last_used_at AS lastUsedAt FROM share_links
     WHERE document_id = ? ORDER BY created_at DESC, rowid DESC`,
  ).all(documentId) as Array<{ id: string; label: string; expiresAt: number; revokedAt: number | null; lastUsedAt: number | null }>;
  return rows.map((r) => ({ id: r.id, label: r.label, expiresAt: iso(r.expiresAt), revoked: r.revokedAt !== null, lastUsedAt: r.lastUsedAt === null ? null : iso(r.lastUsedAt) }));
}

/** The link whose token hashes to `tokenHash`, with its state at `now`; undefined when none. */
export function findShareLink(db: Db, tokenHash: string, now: number): ShareLinkTarget | undefined {
  const row = statement(
    db,
    `SELECT s.id, s.expires_at AS expiresAt, s.revoked_at AS revokedAt, d.id AS documentId, d.kind, d.title
     FROM share_links s JOIN documents d ON d.id = s.document_id WHERE s.token_hash = ? AND d.deleted_at IS NULL`,
  ).get(tokenHash) as { id: string; expiresAt: number; revokedAt: number | null; documentId: string; kind: DocumentKind; title: string } | undefined;
  if (!row) return undefined;
  const state = row.revokedAt !== null ? 'revoked' : row.expiresAt <= now ? 'expired' : 'live';
  return { id: row.id, expiresAt: row.expiresAt, state, document: { id: row.documentId, kind: row.kind, title: row.title } };
}

/** Whether link `id` still opens its document at `now` (for sockets opened with it). */
export function shareLinkIsLive(db: Db, id: string, now: number): boolean {
  const row = statement(db, 'SELECT 1 FROM share_links WHERE id = ? AND revoked_at IS NULL AND expires_at > ?').get(id, now);
  return row !== undefined;
}

/**
 * Revokes every live link of the document (deleting it: red-team FA2-6, links must not come
 * back with an undelete). Returns how many were revoked now.
 */
export function revokeAllShareLinks(db: Db, documentId: string, now: number): number {
  return statement(db, 'UPDATE share_links SET revoked_at = ? WHERE document_id = ? AND revoked_at IS NULL').run(now, documentId).changes;
}

/** Revokes a link of the document (again: no change); false when the document has no such link. */
export function revokeShareLink(db: Db, documentId: string, id: string, now: number): boolean {
  const found = statement(db, 'SELECT 1 FROM share_links WHERE id = ? AND document_id = ?').get(id, documentId);
  if (!found) return false;
  statement(db, 'UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  return true;
}

export function touchShareLink(db: Db, id: string, now: number): void {
  statement(db, 'UPDATE share_links SET last_used_at = ? WHERE id = ?').run(now, id);
}
