/**
 * Transactions on the async layer (server/db/kysely.ts) keep other requests out: while one
 * is open and waiting, another request's read does not see its rows and another request's
 * write is not rolled back with it, on SQLite (one connection, Kysely's mutex) as on
 * PostgreSQL (a pool). On SQLite a synchronous `statement()` is refused meanwhile, since it
 * would run inside the open transaction. And the test server stores accounts where
 * DATABASE_URL says.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { statement } from '../../server/db/database.js';
import { ApiClient, email } from '../support/api.js';
import { openTestDatabase } from '../support/database.js';
import { startTestServer } from '../support/server.js';

const database = await openTestDatabase();
const { kdb, db } = database;
afterAll(() => database.close());

const user = (id: string) => ({ id, email: `${id}@example.se`, name: id, password_hash: 'x', created_at: 1 });
const exists = async (id: string) => (await kdb.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe(`async transactions (${database.dialect})`, () => {
  it('keep other requests out while open: SQLite makes them wait, PostgreSQL does not show them the rows', async () => {
    let ended = false;
    let outside: Promise<{ seen: boolean; afterEnd: boolean }> = Promise.resolve({ seen: false, afterEnd: false });
    await kdb.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user('inside')).execute();
      // Another request's read, asked for while this transaction is open.
      outside = exists('inside').then((seen) => ({ seen, afterEnd: ended }));
      // PostgreSQL answers it on another connection now; on SQLite awaiting it here would never end.
      if (database.dialect === 'postgres') await outside;
      else await sleep(30);
      ended = true;
    });
    expect(await outside).toEqual(database.dialect === 'sqlite' ? { seen: true, afterEnd: true } : { seen: false, afterEnd: false });
    expect(await exists('inside')).toBe(true);
  });

  it('roll back only their own writes', async () => {
    const transaction = kdb.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user('doomed')).execute();
      await sleep(50);
      throw new Error('changed my mind');
    });
    await sleep(10);
    const other = kdb.insertInto('users').values(user('bystander')).execute();
    await expect(transaction).rejects.toThrow('changed my mind');
    await other;
    expect(await exists('doomed')).toBe(false);
    expect(await exists('bystander')).toBe(true);
  });

  it.runIf(database.dialect === 'sqlite')('refuse synchronous SQL while open on SQLite, and allow it after', async () => {
    const transaction = kdb.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user('async')).execute();
      await sleep(30);
    });
    await sleep(10);
    expect(() => statement(db, 'SELECT COUNT(*) AS n FROM users').get()).toThrow(/inside an open async transaction/);
    await transaction;
    expect(statement(db, 'SELECT COUNT(*) AS n FROM users WHERE id = ?').get('async')).toEqual({ n: 1 });
  });
});

describe('the test server', () => {
  it('keeps accounts where DATABASE_URL says: PostgreSQL when set, SQLite otherwise', async () => {
    const server = await startTestServer();
    try {
      const address = email('where');
      await new ApiClient(server.url).signup(address);
      const inKdb = await server.deps.kdb.selectFrom('users').select('id').where('email', '=', address).executeTakeFirst();
      const inSqlite = server.sqlite.prepare('SELECT id FROM users WHERE email = ?').get(address);
      expect(inKdb).toBeDefined();
      expect(inSqlite !== undefined).toBe(!process.env.DATABASE_URL);
    } finally {
      await server.stop();
    }
  });
});
