/**
 * A pool's idle connection that PostgreSQL ends (a restart of the database, an operator's
 * `pg_terminate_backend`, a dropped database: 57P01) must not end the Samplan process: the
 * pool's 'error' event had no listener, so Node threw it as an uncaught exception (seen in
 * CI as four unhandled errors when a test's database was dropped under open pools). The next
 * query opens a new connection. PostgreSQL runs only (`npm run test:pg`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type pg from 'pg';
import { postgresPool } from '../../server/db/pg-pool.js';
import { createPostgresDatabase, testPostgresUrl, usesPostgres } from '../support/database.js';

describe.skipIf(!usesPostgres)('a PostgreSQL pool whose idle connection is ended', () => {
  let database: { url: string; drop(): Promise<void> };
  let pool: pg.Pool;
  let admin: pg.Pool;
  beforeAll(async () => {
    database = await createPostgresDatabase(testPostgresUrl() ?? '');
    pool = postgresPool(database.url, 2);
    admin = postgresPool(database.url, 1);
  });
  afterAll(async () => {
    await Promise.all([pool?.end(), admin?.end()]);
    await database?.drop();
  });

  it('logs it, stays up, and answers the next query on a new connection', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const first = Number((await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
      await admin.query('SELECT pg_terminate_backend($1)', [first]);
      await expect.poll(() => logged.mock.calls.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(String(logged.mock.calls[0]?.[0])).toContain('57P01');
      const second = Number((await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
      expect(second).not.toBe(first);
    } finally {
      logged.mockRestore();
    }
  });
});
