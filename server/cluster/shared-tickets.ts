/**
 * Websocket tickets every process can redeem (issue 21, docs/cluster.md): on many
 * processes a ticket is asked of whichever process the balancer picks and redeemed at the
 * document's owner, so they live in PostgreSQL's `websocket_tickets` (migration 32 onwards),
 * keyed by the ticket's SHA-256 as in memory. The same rules as `Tickets` (auth/tickets.ts,
 * DESIGN "Limits every boundary enforces"): single use — redeeming is one
 * `DELETE … RETURNING`, so two processes can never both redeem one ticket — 60 s, one
 * document, each user's oldest dropped past the per-user cap, none issued past the global
 * cap (a count taken before the insert: concurrent issues may pass it by a few).
 */
import { hashToken, newToken } from '../auth/tokens.js';
import { MAX_OUTSTANDING_TICKETS, MAX_TICKETS_PER_USER, TICKET_TTL_MS, type TicketBook, type TicketHolder } from '../auth/tickets.js';
import type { Kdb } from '../db/kysely.js';

export class SharedTickets implements TicketBook {
  constructor(
    private readonly kdb: Kdb,
    private readonly limit = MAX_OUTSTANDING_TICKETS,
    private readonly perUser = MAX_TICKETS_PER_USER,
  ) {}

  /** A new ticket for `userId` on `documentId`; null when every user together holds the cap. */
  async issue(userId: string, documentId: string, now: number, sessionId: string | null = null): Promise<string | null> {
    await this.kdb.deleteFrom('websocket_tickets').where('expires_at', '<', now).execute();
    // The user's own oldest go first, so that their new one fits under the per-user cap.
    const keep = this.kdb.selectFrom('websocket_tickets').select('hash').where('user_id', '=', userId).orderBy('expires_at', 'desc').limit(this.perUser - 1);
    await this.kdb.deleteFrom('websocket_tickets').where('user_id', '=', userId).where('hash', 'not in', keep).execute();
    const outstanding = await this.kdb.selectFrom('websocket_tickets').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
    if (Number(outstanding?.count ?? 0) >= this.limit) return null;
    const ticket = newToken();
    await this.kdb
      .insertInto('websocket_tickets')
      .values({ hash: hashToken(ticket), user_id: userId, document_id: documentId, session_id: sessionId, expires_at: now + TICKET_TTL_MS })
      .execute();
    return ticket;
  }

  /** Uses the ticket up (whatever the answer): whom it admits if valid for `documentId` now, else null. */
  async redeem(ticket: string, documentId: string, now: number): Promise<TicketHolder | null> {
    const found = await this.kdb.deleteFrom('websocket_tickets').where('hash', '=', hashToken(ticket)).returning(['user_id', 'document_id', 'session_id', 'expires_at']).executeTakeFirst();
    if (!found || found.expires_at < now || found.document_id !== documentId) return null;
    return { userId: found.user_id, sessionId: found.session_id };
  }
}
