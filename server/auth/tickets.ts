/** Single-use, 60-second tickets for websocket clients that cannot send the cookie. */
import { statement, type Db } from '../db/database.js';
import { hashToken, newToken } from './tokens.js';

export const TICKET_TTL_MS = 60_000;

export function issueTicket(db: Db, userId: string, documentId: string, now: number): string {
  const ticket = newToken();
  statement(db, 'DELETE FROM tickets WHERE expires_at < ?').run(now);
  statement(db, 'INSERT INTO tickets (token_hash, user_id, document_id, expires_at) VALUES (?, ?, ?, ?)').run(
    hashToken(ticket),
    userId,
    documentId,
    now + TICKET_TTL_MS,
  );
  return ticket;
}

/** Uses up a ticket: the user it was issued to if it is valid for `documentId`, else null. */
export function redeemTicket(db: Db, ticket: string, documentId: string, now: number): string | null {
  const row = statement(db, 'DELETE FROM tickets WHERE token_hash = ? RETURNING user_id AS userId, document_id AS documentId, expires_at AS expiresAt').get(
    hashToken(ticket),
  ) as { userId: string; documentId: string; expiresAt: number } | undefined;
  if (!row || row.expiresAt < now || row.documentId !== documentId) return null;
  return row.userId;
}
