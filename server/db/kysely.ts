/**
 * The async access layer (docs/database.md): Kysely over SQLite (the better-sqlite3
 * connection the rest of the server still uses synchronously) or over PostgreSQL (`pg`),
 * chosen by DATABASE_URL. Converted modules take a `Kdb` and never see the dialect.
 *
 * SQLite has one connection. Kysely holds a mutex on it from a query's start to its end,
 * and from a transaction's `begin` to its `commit`/`rollback`, so no other request's query
 * runs inside an open transaction; synchronous `statement()` calls, which cannot wait for
 * that mutex, are refused while one is open (server/db/database.ts `markAsyncTransaction`).
 */
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { cachedStatement, markAsyncTransaction, type Db } from './database.js';
import { migratePostgres } from './migrations-pg.js';
import { bindSqliteConnection } from './precompiled.js';
import type { Tables } from './schema.js';

/** The database every converted module queries, SQLite or PostgreSQL alike. */
export type Kdb = Kysely<Tables>;

export type Dialect = 'sqlite' | 'postgres';

/** An opened async database: the query builder, which dialect it speaks, and how to close it. */
export interface AsyncDatabase {
  kdb: Kdb;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Kysely over `db`, sharing its prepared-statement cache. The connection stays `db`'s to
 * close: destroying this Kysely leaves it open.
 */
export function sqliteKysely(db: Db): AsyncDatabase {
  const database: SqliteDatabase = {
    close: () => undefined,
    prepare(sql) {
      // Kysely's SqliteDriver sends exactly these texts to open and end a transaction.
      if (sql === 'begin') markAsyncTransaction(db, true);
      else if (sql === 'commit' || sql === 'rollback') markAsyncTransaction(db, false);
      return cachedStatement(db, sql);
    },
  };
  const kdb = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  bindSqliteConnection(kdb, db);
  return { kdb, dialect: 'sqlite', close: () => kdb.destroy() };
}

/** Which dialect `kdb` (or a transaction on it) speaks: for the few queries that differ (catalog reads). */
export function dialectOf(kdb: Kdb): Dialect {
  return kdb.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** int8 (BIGINT, COUNT(*)) as a number: every integer we store (ms times, ids, counts) is far below 2^53. */
function int8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`Integer out of range for JavaScript: ${text}`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? int8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool on `url` with BIGINT read as numbers, as better-sqlite3 reads INTEGER. */
export function postgresPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max, types });
}

/** Kysely over PostgreSQL at `url`, its migrations applied (server/db/migrations-pg.ts). */
export async function openPostgres(url: string): Promise<AsyncDatabase> {
  const pool = postgresPool(url);
  const kdb = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migratePostgres(kdb);
  } catch (error) {
    await kdb.destroy();
    throw error;
  }
  return { kdb, dialect: 'postgres', close: () => kdb.destroy() };
}

/** PostgreSQL when `databaseUrl` is set, else Kysely over the SQLite connection `db`. */
export async function openAsyncDatabase(databaseUrl: string | null, db: Db): Promise<AsyncDatabase> {
  return databaseUrl ? openPostgres(databaseUrl) : sqliteKysely(db);
}
