/**
 * Websocket tickets kept in the database for many processes (server/cluster/shared-tickets.ts)
 * follow the same rules as the in-memory ones of one process (server/auth/tickets.ts): the
 * same table of cases runs against both books, on SQLite and (npm run test:pg) PostgreSQL.
 * Plus the reason they exist: redeemed from several processes at once, a ticket admits once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TICKETS_PER_USER, TICKET_TTL_MS, Tickets, type TicketBook } from '../../server/auth/tickets.js';
import { SharedTickets } from '../../server/cluster/shared-tickets.js';
import { createUser } from '../../server/db/users.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
const users: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  for (const name of ['anna', 'erik']) {
    users[name] = (await createUser(database.kdb, { email: `${name}@tickets.test`, name, passwordHash: 'x' }, 0)).id;
  }
});
afterAll(async () => {
  await database?.close();
});

const user = (name: string): string => users[name] ?? '';

/** The books under test, each fresh (the shared one empties its table first). */
const books: Array<[string, (limit?: number) => Promise<TicketBook>]> = [
  ['in memory (one process)', async (limit) => new Tickets(limit)],
  [
    'in the database (many processes)',
    async (limit) => {
      await database.kdb.deleteFrom('websocket_tickets').execute();
      return new SharedTickets(database.kdb, limit);
    },
  ],
];

async function issued(book: TicketBook, who: string, document: string, now: number): Promise<string> {
  const ticket = await book.issue(user(who), document, now, 'session-1');
  if (ticket === null) throw new Error('no ticket issued');
  return ticket;
}

describe.each(books)('websocket tickets %s', (_name, open) => {
  it('admit their user once, for their document only, with the session that asked', async () => {
    const book = await open();
    const ticket = await issued(book, 'anna', 'plan', 0);
    expect(await book.redeem(ticket, 'plan', 1)).toEqual({ userId: user('anna'), sessionId: 'session-1' });
    expect(await book.redeem(ticket, 'plan', 2)).toBeNull();
    const other = await issued(book, 'anna', 'plan', 0);
    expect(await book.redeem(other, 'agenda', 1)).toBeNull();
    expect(await book.redeem(other, 'plan', 1)).toBeNull();
    expect(await book.redeem('not-a-ticket', 'plan', 0)).toBeNull();
  });

  it('expire after 60 s', async () => {
    const book = await open();
    const late = await issued(book, 'anna', 'plan', 0);
    const onTime = await issued(book, 'anna', 'plan', 0);
    expect((await book.redeem(onTime, 'plan', TICKET_TTL_MS))?.userId).toBe(user('anna'));
    expect(await book.redeem(late, 'plan', TICKET_TTL_MS + 1)).toBeNull();
  });

  it("past one user's cap drop that user's oldest, never another's", async () => {
    const book = await open();
    const first = await issued(book, 'anna', 'plan', 0);
    const erik = await issued(book, 'erik', 'plan', 0);
    for (let i = 1; i <= MAX_TICKETS_PER_USER; i++) await issued(book, 'anna', 'plan', i);
    expect(await book.redeem(first, 'plan', 200)).toBeNull();
    expect((await book.redeem(erik, 'plan', 200))?.userId).toBe(user('erik'));
  });

  it('past the cap of all users issue none until some expire', async () => {
    const book = await open(3);
    for (let i = 0; i < 3; i++) await issued(book, i === 0 ? 'erik' : 'anna', 'plan', 0);
    expect(await book.issue(user('anna'), 'plan', 1)).toBeNull();
    expect(await book.issue(user('anna'), 'plan', TICKET_TTL_MS + 1)).not.toBeNull();
  });
});

describe('tickets in the database', () => {
  it('redeemed by many processes at once admit exactly once', async () => {
    await database.kdb.deleteFrom('websocket_tickets').execute();
    const processes = Array.from({ length: 8 }, () => new SharedTickets(database.kdb));
    const ticket = await issued(processes[0] as SharedTickets, 'anna', 'plan', 0);
    const answers = await Promise.all(processes.map((book) => book.redeem(ticket, 'plan', 1)));
    expect(answers.filter((answer) => answer !== null)).toHaveLength(1);
  });
});
