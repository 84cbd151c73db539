/**
 * Share links (DESIGN "Share links") on the async layer, SQLite or PostgreSQL: one row per
 * link, the token stored only as its SHA-256. Revoked and expired rows stay, so their links
 * answer 410 rather than 404.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import type { Tables } from '../db/schema.js';
import type { DocumentKind } from '../../shared/model/kinds.js';

/** `deps.kdb` or a transaction on it. */
type Q = Kysely<Tables>;

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
  /** `deleted`: its document is in the trash (the link was revoked with it, red-team FA2-6). */
  state: 'live' | 'expired' | 'revoked' | 'deleted';
  /** The last use noted (ms), null before the first (`touchShareLink`). */
  lastUsedAt: number | null;
  document: { id: string; kind: DocumentKind; title: string };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Stores a new link; `expiresInDays` whole days from `now` (ms). Returns its id and expiry (ms). */
export async function createShareLink(
  kdb: Q,
  input: { documentId: string; label: string; tokenHash: string; createdBy: string; expiresInDays: number; now: number },
): Promise<{ id: string; expiresAt: number }> {
  const id = randomUUID();
  const expiresAt = input.now + input.expiresInDays * DAY_MS;
  await kdb
    .insertInto('share_links')
    .values({ id, document_id: input.documentId, label: input.label, token_hash: input.tokenHash, created_by: input.createdBy, created_at: input.now, expires_at: expiresAt })
    .execute();
  return { id, expiresAt };
}

/**
 * The document's links, newest first. Links made in the same millisecond: in the order made
 * on SQLite (rowid); PostgreSQL has no such order, there by id.
 */
export async function shareLinksOf(kdb: Q, documentId: string): Promise<ShareLinkListing[]> {
  const rows = await kdb
    .selectFrom('share_links')
    .select(['id', 'label', 'expires_at as expiresAt', 'revoked_at as revokedAt', 'last_used_at as lastUsedAt'])
    .where('document_id', '=', documentId)
    .orderBy('created_at', 'desc')
    .orderBy(isPostgres(kdb) ? sql`id` : sql`rowid`, 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, expiresAt: iso(r.expiresAt), revoked: r.revokedAt !== null, lastUsedAt: r.lastUsedAt === null ? null : iso(r.lastUsedAt) }));
}

/**
 * The link whose token hashes to `tokenHash`, with its state at `now` (`deleted` while its
 * document is in the trash); undefined when none (a purged document's links went with it).
 */
export async function findShareLink(kdb: Q, tokenHash: string, now: number): Promise<ShareLinkTarget | undefined> {
  const row = await kdb
    .selectFrom('share_links as s')
    .innerJoin('documents as d', 'd.id', 's.document_id')
    .select(['s.id', 's.expires_at as expiresAt', 's.revoked_at as revokedAt', 's.last_used_at as lastUsedAt', 'd.id as documentId', 'd.kind', 'd.title', 'd.deleted_at as deletedAt'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const state = row.deletedAt !== null ? 'deleted' : row.revokedAt !== null ? 'revoked' : row.expiresAt <= now ? 'expired' : 'live';
  return { id: row.id, expiresAt: row.expiresAt, state, lastUsedAt: row.lastUsedAt, document: { id: row.documentId, kind: row.kind, title: row.title } };
}

/** Whether link `id` still opens its document at `now` (for sockets opened with it). */
export async function shareLinkIsLive(kdb: Q, id: string, now: number): Promise<boolean> {
  const row = await kdb.selectFrom('share_links').select('id').where('id', '=', id).where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return row !== undefined;
}

/**
 * Revokes every live link of the document (deleting it: red-team FA2-6, links must not come
 * back with an undelete). Returns how many were revoked now.
 */
export async function revokeAllShareLinks(kdb: Q, documentId: string, now: number): Promise<number> {
  const result = await kdb.updateTable('share_links').set({ revoked_at: now }).where('document_id', '=', documentId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Revokes a link of the document: 'revoked' when this call revoked it, 'already' when it was
 * revoked before (no change: the first revocation's time stays; the route answers 204 again
 * but audits only 'revoked'), 'not-found' when the document has no such link. The update
 * only matches a live row, so of two calls at once exactly one is 'revoked'.
 */
export async function revokeShareLink(kdb: Q, documentId: string, id: string, now: number): Promise<'revoked' | 'already' | 'not-found'> {
  const result = await kdb.updateTable('share_links').set({ revoked_at: now }).where('id', '=', id).where('document_id', '=', documentId).where('revoked_at', 'is', null).executeTakeFirst();
  if (result.numUpdatedRows > 0n) return 'revoked';
  const row = await kdb.selectFrom('share_links').select('id').where('id', '=', id).where('document_id', '=', documentId).executeTakeFirst();
  return row ? 'already' : 'not-found';
}

/**
 * How stale a link's last use may be before a use writes it again: a guest's page asks every
 * few seconds (the adopted version, client ADOPTED_POLL_MS), and the coordinators' list needs
 * the last use to the minute, not a write per request.
 */
export const SHARE_TOUCH_MS = 60_000;

/** Whether a use at `now` (ms) is to be noted: never before, or SHARE_TOUCH_MS or longer since. */
export function isTouchDue(lastUsedAt: number | null, now: number): boolean {
  return lastUsedAt === null || lastUsedAt <= now - SHARE_TOUCH_MS;
}

/** Notes `now` (ms) as the link's last use, unless it was noted less than SHARE_TOUCH_MS before. */
export async function touchShareLink(kdb: Q, id: string, now: number): Promise<void> {
  await kdb
    .updateTable('share_links')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - SHARE_TOUCH_MS)]))
    .execute();
}
