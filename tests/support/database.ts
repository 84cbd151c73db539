/**
 * The database a test talks to: SQLite in a temp dir, or, when DATABASE_URL names a
 * PostgreSQL server (scripts/test-postgres.ts sets it), a fresh database of its own there.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../server/db/database.js';
import { openPostgres, sqliteKysely, type Dialect, type Kdb } from '../../server/db/kysely.js';

/** The PostgreSQL server tests run against (DATABASE_URL), or null for SQLite. */
export function testPostgresUrl(): string | null {
  return process.env.DATABASE_URL || null;
}

/**
 * Whether this run's servers store in PostgreSQL (`npm run test:pg`): tests of what only
 * SQLite has (its file-level backup, the WAL checkpointer, crash recovery of the file)
 * skip themselves with `describe.skipIf(usesPostgres)` and say why, never silently.
 */
export const usesPostgres = testPostgresUrl() !== null;

/** A new, empty database on the server at `serverUrl`; `drop` removes it, closing its connections. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `samplan_test_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface TestDatabase {
  dialect: Dialect;
  /** The async layer every converted module uses. */
  kdb: Kdb;
  /** The SQLite connection the unconverted modules still use (its own file, also on PostgreSQL runs). */
  db: Db;
  /** The PostgreSQL database's URL (for a worker's own pool); null on SQLite. */
  postgresUrl: string | null;
  close(): Promise<void>;
}

/** A migrated, empty database for one test file: SQLite, or PostgreSQL when DATABASE_URL is set. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-test-'));
  const db = openDatabase(dir);
  const serverUrl = testPostgresUrl();
  const created = serverUrl ? await createPostgresDatabase(serverUrl) : null;
  const opened = created ? await openPostgres(created.url) : sqliteKysely(db);
  return {
    dialect: opened.dialect,
    kdb: opened.kdb,
    db,
    postgresUrl: created?.url ?? null,
    async close() {
      await opened.close();
      await created?.drop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
