/**
 * `/readyz` asks the store the server actually uses (DESIGN "Many processes"; docs/database.md):
 * SQLite, or PostgreSQL when DATABASE_URL is set. A live database answers 200; one that is
 * closed, refuses connections, or does not answer in time gives 503 `database` — the probe
 * never hangs a load balancer.
 */
import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresPool } from '../../server/db/pg-pool.js';
import type { Kdb } from '../../server/db/kysely.js';
import type { Tables } from '../../server/db/schema.js';
import { databaseAnswers, probeRoutes, Readiness } from '../../server/http/readiness.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

const ready = async (kdb: Kdb) => {
  const response = await probeRoutes(new Readiness('p1'), kdb).request('/readyz');
  return { status: response.status, body: (await response.json()) as unknown };
};

/** A PostgreSQL nobody listens on (port 1 on loopback: refused at once). */
const refused = () => new Kysely<Tables>({ dialect: new PostgresDialect({ pool: postgresPool('postgres://samplan:x@127.0.0.1:1/none', 1) }) });

describe.each(STORE_FACTORIES)('readiness on $name', ({ open }) => {
  let f: StoreFixture;
  beforeAll(async () => {
    f = await open();
  }, 60_000);
  afterAll(() => f?.close());

  it('answers 200 while the database answers', async () => {
    expect(await ready(f.kdb)).toEqual({ status: 200, body: { ok: true, process: 'p1' } });
  });

  it('answers 503 database once it is gone', async () => {
    const other = (await f.openProcess()).kdb;
    expect(await databaseAnswers(other)).toBe(true);
    await other.destroy();
    expect(await ready(other)).toEqual({ status: 503, body: { ok: false, process: 'p1', reason: 'database' } });
  });
});

describe('readiness without an answer', () => {
  it('a PostgreSQL that refuses connections is 503 database', async () => {
    const kdb = refused();
    try {
      expect(await ready(kdb)).toEqual({ status: 503, body: { ok: false, process: 'p1', reason: 'database' } });
    } finally {
      await kdb.destroy();
    }
  });

  it('a query that does not answer in time is false, not a hang', async () => {
    const never = { then: () => undefined } as unknown;
    const hung = new Proxy({} as Kdb, { get: () => () => never });
    // sql`…`.execute(kdb) asks kdb for its executor; a hung one never settles.
    expect(await databaseAnswers(hung, 50)).toBe(false);
  });
});
