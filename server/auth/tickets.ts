/**
 * Single-use, 60-second tickets for websocket clients that cannot send the cookie.
 *
 * Kept in memory, not in SQLite: a ticket lives a minute and opens a socket on this very
 * process, so a restart loses nothing a client could still use (its socket is gone too).
 * Stored, every websocket connection made with one cost a write transaction to redeem it
 * (about 60 µs, the largest single cost of admitting a client).
 */
import { hashToken, newToken } from './tokens.js';

export const TICKET_TTL_MS = 60_000;
/** Enough for a thousand connections a second; past it the oldest ticket goes first. */
export const MAX_OUTSTANDING_TICKETS = 100_000;

interface Ticket {
  userId: string;
  documentId: string;
  expiresAt: number;
}

export class Tickets {
  // Keyed by the ticket's SHA-256, like sessions: a heap dump holds no usable ticket.
  // A Map keeps insertion order, which (one TTL for all) is the order they expire in.
  private readonly byHash = new Map<string, Ticket>();

  constructor(private readonly limit = MAX_OUTSTANDING_TICKETS) {}

  get outstanding(): number {
    return this.byHash.size;
  }

  issue(userId: string, documentId: string, now: number): string {
    this.forgetExpired(now);
    for (const hash of this.byHash.keys()) {
      if (this.byHash.size < this.limit) break;
      this.byHash.delete(hash);
    }
    const ticket = newToken();
    this.byHash.set(hashToken(ticket), { userId, documentId, expiresAt: now + TICKET_TTL_MS });
    return ticket;
  }

  /** Uses up a ticket: the user it was issued to if it is valid for `documentId`, else null. */
  redeem(ticket: string, documentId: string, now: number): string | null {
    const hash = hashToken(ticket);
    const found = this.byHash.get(hash);
    if (!found) return null;
    this.byHash.delete(hash);
    if (found.expiresAt < now || found.documentId !== documentId) return null;
    return found.userId;
  }

  private forgetExpired(now: number): void {
    for (const [hash, ticket] of this.byHash) {
      if (ticket.expiresAt >= now) return;
      this.byHash.delete(hash);
    }
  }
}
