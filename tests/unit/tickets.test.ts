import { describe, expect, it } from 'vitest';
import { MAX_TICKETS_PER_USER, TICKET_TTL_MS, Tickets } from '../../server/auth/tickets.js';

/** Issues a ticket that must be issued. */
function issue(tickets: Tickets, user: string, document: string, now: number): string {
  const ticket = tickets.issue(user, document, now);
  if (ticket === null) throw new Error('no ticket issued');
  return ticket;
}

describe('websocket tickets', () => {
  it('admits its user once, for its document only', () => {
    const tickets = new Tickets();
    const ticket = issue(tickets, 'anna', 'plan', 0);
    expect(tickets.redeem(ticket, 'plan', 1)?.userId).toBe('anna');
    expect(tickets.redeem(ticket, 'plan', 2)).toBeNull();

    const other = issue(tickets, 'anna', 'plan', 0);
    expect(tickets.redeem(other, 'agenda', 1)).toBeNull();
    // Tried on the wrong document, it is used up all the same.
    expect(tickets.redeem(other, 'plan', 1)).toBeNull();
  });

  it('expires after 60 s', () => {
    const tickets = new Tickets();
    const late = issue(tickets, 'anna', 'plan', 0);
    const onTime = issue(tickets, 'anna', 'plan', 0);
    expect(tickets.redeem(onTime, 'plan', TICKET_TTL_MS)?.userId).toBe('anna');
    expect(tickets.redeem(late, 'plan', TICKET_TTL_MS + 1)).toBeNull();
  });

  it('refuses tokens it never issued', () => {
    expect(new Tickets().redeem('not-a-ticket', 'plan', 0)).toBeNull();
  });

  it('forgets expired tickets as new ones are issued', () => {
    const tickets = new Tickets();
    for (let i = 0; i < 10; i++) tickets.issue('anna', 'plan', i);
    expect(tickets.outstanding).toBe(10);
    tickets.issue('anna', 'plan', 5 + TICKET_TTL_MS);
    // Issued at 0–4 have expired; 5–9 and the new one remain.
    expect(tickets.outstanding).toBe(6);
  });

  it('holds at most its limit: past it, refuses new tickets rather than evict issued ones', () => {
    const tickets = new Tickets(3);
    const issued = ['a', 'b', 'c'].map((user) => issue(tickets, user, 'plan', 0));
    expect(tickets.issue('d', 'plan', 0)).toBeNull();
    expect(tickets.outstanding).toBe(3);
    expect(issued.map((ticket) => tickets.redeem(ticket, 'plan', 1)?.userId)).toEqual(['a', 'b', 'c']);
    // Redeemed ones make room again.
    expect(tickets.issue('d', 'plan', 1)).not.toBeNull();
  });

  it("one user's flood never evicts another user's unexpired ticket", () => {
    const tickets = new Tickets();
    const annas = issue(tickets, 'anna', 'plan', 0);
    for (let i = 0; i < 10_000; i++) tickets.issue('mallory', 'plan', 1);
    expect(tickets.outstanding).toBe(1 + MAX_TICKETS_PER_USER);
    expect(tickets.redeem(annas, 'plan', 2)?.userId).toBe('anna');
  });

  // [per-user cap, tickets the flooder requests]: the flooder keeps only their newest.
  const floods: Array<[number, number]> = [
    [1, 5],
    [3, 3],
    [3, 4],
    [10, 1000],
  ];
  it.each(floods)('per-user cap %i, %i requests: the user keeps their newest; others keep all', (perUser, requests) => {
    const tickets = new Tickets(100_000, perUser);
    const others = Array.from({ length: perUser }, (_, i) => issue(tickets, `other${i}`, 'plan', 0));
    const own = Array.from({ length: requests }, () => tickets.issue('flooder', 'plan', 0));
    const kept = own.map((ticket) => (ticket ? (tickets.redeem(ticket, 'plan', 1)?.userId ?? null) : null));
    const expected = own.map((_, i) => (i >= requests - perUser ? 'flooder' : null));
    expect(kept).toEqual(expected);
    expect(others.map((ticket, i) => tickets.redeem(ticket, 'plan', 1)?.userId === `other${i}`)).toEqual(others.map(() => true));
  });

  it('remembers the session that asked for it, so that a logout also closes the sockets its tickets opened', () => {
    const tickets = new Tickets();
    const ticket = tickets.issue('anna', 'plan', 0, 'session-hash') ?? '';
    expect(tickets.redeem(ticket, 'plan', 1)).toEqual({ userId: 'anna', sessionId: 'session-hash' });
  });
});
