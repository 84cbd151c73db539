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
/** Enough for a thousand connections a second; past it no ticket is issued until some expire. */
export const MAX_OUTSTANDING_TICKETS = 100_000;
/** One person's unredeemed tickets; past it that person's oldest goes first. */
export const MAX_TICKETS_PER_USER = 100;

interface Ticket {
  userId: string;
  documentId: string;
  /** The session that asked for it: its logout closes the socket the ticket opened too. */
  sessionId: string | null;
  expiresAt: number;
}

/** Whom a redeemed ticket admits. */
export interface TicketHolder {
  userId: string;
  sessionId: string | null;
}

/**
 * Where tickets are kept: in this process's memory (`Tickets`, one process), or in a table
 * every process reads (server/cluster/shared-tickets.ts, many processes: a ticket asked of
 * one process is redeemed at the document's owner). Either answer may be a promise.
 */
export interface TicketBook {
  issue(userId: string, documentId: string, now: number, sessionId?: string | null): string | null | Promise<string | null>;
  redeem(ticket: string, documentId: string, now: number): TicketHolder | null | Promise<TicketHolder | null>;
}

/**
 * The tickets of every user, each user's kept apart: one user's flood of requests can only
 * ever push out that user's own oldest tickets, never anyone else's (issue 15, "ticket
 * flood"). When all users together hold the global cap, `issue` refuses (null) instead of
 * evicting: a flood from many accounts makes new tickets wait, never breaks issued ones.
 */
export class Tickets implements TicketBook {
  // Keyed by the ticket's SHA-256, like sessions: a heap dump holds no usable ticket.
  // A Map keeps insertion order, which (one TTL for all) is the order they expire in.
  private readonly byHash = new Map<string, Ticket>();
  // Each user's ticket hashes, oldest first (a Set keeps insertion order too).
  private readonly byUser = new Map<string, Set<string>>();

  constructor(
    private readonly limit = MAX_OUTSTANDING_TICKETS,
    private readonly perUser = MAX_TICKETS_PER_USER,
  ) {}

  get outstanding(): number {
    return this.byHash.size;
  }

  /**
   * A new single-use ticket for `userId` on `documentId`, asked for by session `sessionId`,
   * or null when the server holds its cap.
   */
  issue(userId: string, documentId: string, now: number, sessionId: string | null = null): string | null {
    this.forgetExpired(now);
    const own = this.byUser.get(userId) ?? new Set<string>();
    for (const hash of own) {
      if (own.size < this.perUser) break;
      this.forget(hash);
    }
    if (this.byHash.size >= this.limit) return null;
    const ticket = newToken();
    const hash = hashToken(ticket);
    this.byHash.set(hash, { userId, documentId, sessionId, expiresAt: now + TICKET_TTL_MS });
    own.add(hash);
    this.byUser.set(userId, own);
    return ticket;
  }

  /** Uses up a ticket: whom it was issued to if it is valid for `documentId`, else null. */
  redeem(ticket: string, documentId: string, now: number): TicketHolder | null {
    const hash = hashToken(ticket);
    const found = this.byHash.get(hash);
    if (!found) return null;
    this.forget(hash);
    if (found.expiresAt < now || found.documentId !== documentId) return null;
    return { userId: found.userId, sessionId: found.sessionId };
  }

  private forget(hash: string): void {
    const ticket = this.byHash.get(hash);
    if (!ticket) return;
    this.byHash.delete(hash);
    const own = this.byUser.get(ticket.userId);
    own?.delete(hash);
    if (own?.size === 0) this.byUser.delete(ticket.userId);
  }

  private forgetExpired(now: number): void {
    for (const [hash, ticket] of this.byHash) {
      if (ticket.expiresAt >= now) return;
      this.forget(hash);
    }
  }
}
