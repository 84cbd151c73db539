/**
 * What a share-link token opens (DESIGN "Share links"): one document, read-only. Unknown
 * token 404 `share.not-found`; a link whose document is in the trash 404 (DESIGN: a deleted
 * document is 404 for everyone) `share.document-deleted`, so the guest page can say what
 * happened; expired or revoked 410 `share.expired`. Every use is noted as the link's `lastUsedAt`.
 */
import type { MiddlewareHandler } from 'hono';
import { hashToken } from '../auth/tokens.js';
import type { Kdb } from '../db/kysely.js';
import { AppError } from '../errors.js';
import { findShareLink, isTouchDue, touchShareLink, type ShareLinkTarget } from './store.js';

/** What `newToken()` makes (base64url); anything else cannot be a link of ours. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export type ShareAdmission = { ok: true; link: ShareLinkTarget } | { ok: false; reason: 'unknown' | 'deleted' | 'expired' };

/** The live link a token names, noted as used now; or why there is none. */
export async function admitShareToken(kdb: Kdb, token: string, now: number): Promise<ShareAdmission> {
  const link = TOKEN.test(token) ? await findShareLink(kdb, hashToken(token), now) : undefined;
  if (!link) return { ok: false, reason: 'unknown' };
  if (link.state === 'deleted') return { ok: false, reason: 'deleted' };
  if (link.state !== 'live') return { ok: false, reason: 'expired' };
  // Decided on the row just read: a guest page asks every 5 s, and even an UPDATE that
  // changes nothing takes SQLite's write lock (red team x12: 2.6 s behind another writer).
  if (isTouchDue(link.lastUsedAt, now)) await touchShareLink(kdb, link.id, now);
  return { ok: true, link };
}

/** As `admitShareToken`, for HTTP routes: the errors the API answers. */
export async function shareAccess(kdb: Kdb, token: string, now: number): Promise<ShareLinkTarget> {
  const admission = await admitShareToken(kdb, token, now);
  if (admission.ok) return admission.link;
  if (admission.reason === 'unknown') throw unknownLink();
  if (admission.reason === 'deleted') throw new AppError(404, 'share.document-deleted', 'Dokumentet som länken går till har tagits bort.');
  throw new AppError(410, 'share.expired', 'Länken har gått ut eller återkallats. Be den som delade den om en ny.');
}

const unknownLink = () => new AppError(404, 'share.not-found', 'Länken finns inte. Kontrollera att hela länken kom med.');

/** `/api/shared/<token>` and its routes (share-links.ts, shared-compare.ts), token as sent. */
const SHARED_ROUTE = /^\/api\/shared\/([^/]*)(?:\/(?:export\.json|compare|changes))?\/?$/;

/**
 * Hono middleware for the API, before every other check of the address: a shared route whose
 * token is not of a token's shape (a NUL, spaces, too long, other scripts, empty, broken
 * percent-encoding) answers what an unknown token answers, 404 `share.not-found` — not 400
 * for its NUL (http/nul-in-url.ts) nor the API's plain `not-found` for an empty one (red team
 * X14). The websocket reads `?share=` the same way (sync/websocket.ts `admitGuest`).
 */
export function refuseMalformedShareToken(): MiddlewareHandler {
  return async (c, next) => {
    const token = SHARED_ROUTE.exec(new URL(c.req.url).pathname)?.[1];
    if (token !== undefined && !TOKEN.test(decodedOrEmpty(token))) throw unknownLink();
    await next();
  };
}

function decodedOrEmpty(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
