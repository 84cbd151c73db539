import { describe, expect, it } from 'vitest';
import { TICKET_TTL_MS, Tickets } from '../../server/auth/tickets.js';

describe('websocket tickets', () => {
  it('admits its user once, for its document only', () => {
    const tickets = new Tickets();
    const ticket = tickets.issue('anna', 'plan', 0);
    expect(tickets.redeem(ticket, 'plan', 1)).toBe('anna');
    expect(tickets.redeem(ticket, 'plan', 2)).toBeNull();

    const other = tickets.issue('anna', 'plan', 0);
    expect(tickets.redeem(other, 'agenda', 1)).toBeNull();
    // Tried on the wrong document, it is used up all the same.
    expect(tickets.redeem(other, 'plan', 1)).toBeNull();
  });

  it('expires after 60 s', () => {
    const tickets = new Tickets();
    const late = tickets.issue('anna', 'plan', 0);
    const onTime = tickets.issue('anna', 'plan', 0);
    expect(tickets.redeem(onTime, 'plan', TICKET_TTL_MS)).toBe('anna');
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

  it('holds at most its limit, dropping the oldest first', () => {
    const tickets = new Tickets(3);
    const issued = ['a', 'b', 'c', 'd'].map((user) => tickets.issue(user, 'plan', 0));
    expect(tickets.outstanding).toBe(3);
    expect(issued.map((ticket) => tickets.redeem(ticket, 'plan', 1))).toEqual([null, 'b', 'c', 'd']);
  });
});
