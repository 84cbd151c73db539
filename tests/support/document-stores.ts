/**
 * The document store and records on each dialect, for tests that run the same cases on both: SQLite in a
 * temp dir, and PostgreSQL (the server DATABASE_URL names, else a throwaway cluster of this
 * file's own, tests/support/postgres-for-test.ts), each with a workspace `w1` to put documents in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Db } from '../../server/db/database.js';
import { openPostgres, sqliteKysely, type AsyncDatabase, type Dialect, type Kdb } from '../../server/db/kysely.js';
import { createSqliteStore, type DocumentStore } from '../../server/sync/persistence.js';
import { createPostgresStore } from '../../server/sync/persistence-pg.js';
import { createPostgresDatabase } from './database.js';
import { postgresForTest } from './postgres-for-test.js';

export interface StoreFixture {
  dialect: Dialect;
  store: DocumentStore;
  /** The database behind `store`, for the tests' own reads and writes. */
  kdb: Kdb;
  /** The same database over its own connection(s), as a second process opens it. */
  openProcess(): Promise<{ store: DocumentStore; kdb: Kdb }>;
  /** Adds documents to workspace `w1` (documents.ts is not on the async layer yet). */
  addDocuments(ids: string[]): Promise<void>;
  close(): Promise<void>;
}

async function withWorkspace(fixture: Omit<StoreFixture, 'addDocuments'>): Promise<StoreFixture> {
  await sql`INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'W', 0)`.execute(fixture.kdb);
  return {
    ...fixture,
    async addDocuments(ids) {
      for (const id of ids) {
        await sql`INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES (${id}, 'w1', 'agenda', 'D', 0, 0)`.execute(fixture.kdb);
      }
    },
  };
}

/** The SQLite store; a second process is a second connection to the same file. */
export async function sqliteStores(): Promise<StoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-store-'));
  const connections: Db[] = [openDatabase(dir)];
  const [db] = connections;
  if (!db) throw new Error('no connection');
  const opened = sqliteKysely(db);
  return withWorkspace({
    dialect: 'sqlite',
    store: createSqliteStore(db),
    kdb: opened.kdb,
    async openProcess() {
      const another = openDatabase(dir);
      connections.push(another);
      return { store: createSqliteStore(another), kdb: sqliteKysely(another).kdb };
    },
    async close() {
      await opened.close();
      for (const connection of connections) connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** The PostgreSQL store on a fresh database; a second process is a second pool. */
export async function postgresStores(): Promise<StoreFixture> {
  const server = await postgresForTest();
  const database = await createPostgresDatabase(server.url);
  const pools: AsyncDatabase[] = [await openPostgres(database.url)];
  const [first] = pools;
  if (!first) throw new Error('no pool');
  return withWorkspace({
    dialect: 'postgres',
    store: createPostgresStore(first.kdb),
    kdb: first.kdb,
    async openProcess() {
      const another = await openPostgres(database.url);
      pools.push(another);
      return { store: createPostgresStore(another.kdb), kdb: another.kdb };
    },
    async close() {
      for (const pool of pools) await pool.close();
      await database.drop();
      server.release();
    },
  });
}

/** Both, for `describe.each`. */
export const STORE_FACTORIES: Array<{ name: Dialect; open: () => Promise<StoreFixture> }> = [
  { name: 'sqlite', open: sqliteStores },
  { name: 'postgres', open: postgresStores },
];

/**
 * For a `describe` block: opens `open`'s database before its tests, and a second connection
 * to it as a second process would, and closes both after them. Returns the two Kysely
 * handles (the fixture's first), to be read inside tests.
 */
export function twoProcesses(open: () => Promise<StoreFixture>): () => [Kdb, Kdb] {
  let fixture: StoreFixture | undefined;
  let other: Kdb | undefined;
  beforeAll(async () => {
    fixture = await open();
    other = (await fixture.openProcess()).kdb;
  }, 60_000);
  afterAll(() => fixture?.close());
  return () => {
    if (!fixture || !other) throw new Error('the databases are opened in beforeAll');
    return [fixture.kdb, other];
  };
}
