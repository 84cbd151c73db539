/** Opens the SQLite database in DATA_DIR: WAL, foreign keys on, migrations applied. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Connections with an async (Kysely) transaction open right now (server/db/kysely.ts marks
 * them). SQLite has one connection, so a synchronous statement run while one is open would
 * silently join that transaction and vanish if it rolls back: `statement` refuses instead.
 */
const asyncTransactions = new WeakSet<Db>();

/** Marks `db` as having an async transaction open (`open`) or none; for server/db/kysely.ts only. */
export function markAsyncTransaction(db: Db, open: boolean): void {
  if (open) asyncTransactions.add(db);
  else asyncTransactions.delete(db);
}

/** Whether an async transaction is open on `db` right now (server/db/precompiled.ts reads outside one only). */
export function hasAsyncTransaction(db: Db): boolean {
  return asyncTransactions.has(db);
}

const MAX_CACHED_STATEMENTS = 1000;

/** `sql` prepared on `db` once (the cache behind `statement`), without the transaction check. */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (prepared) return prepared;
  prepared = db.prepare(sql);
  // Built SQL (an IN list of any length) could grow the cache without end: past the bound, unshared.
  if (cache.size < MAX_CACHED_STATEMENTS) cache.set(sql, prepared);
  return prepared;
}

/**
 * `sql` prepared on `db`, once: preparing (parsing and planning) costs more than running
 * most of our statements, and a connection runs several. Only for fixed SQL text, so the
 * cache holds one entry per statement in the code. SQLite itself re-prepares a cached
 * statement if a migration changes the schema under it. Throws while an async transaction
 * is open on `db` (see `asyncTransactions`): convert the caller, or move it out of the way.
 */
export function statement(db: Db, sql: string): Database.Statement {
  if (asyncTransactions.has(db)) throw new Error(`Synchronous SQL inside an open async transaction: ${sql.slice(0, 80)}`);
  return cachedStatement(db, sql);
}

/** Opens (creating if needed) `samplan.sqlite` in `dataDir`: WAL, foreign keys on, migrations applied. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'samplan.sqlite'));
  db.pragma('journal_mode = WAL');
  // A burst can leave a long log behind; when it starts over, cut it back to 64 MB.
  db.pragma('journal_size_limit = 67108864');
  // NORMAL in WAL mode: a commit survives a killed process (it is in the OS), which is the
  // durability rule; only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies the SQLite migrations not yet applied, each in its own transaction; returns how many exist. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  migrations.slice(current).forEach((sql, i) => {
    const version = current + i + 1;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    })();
  });
  return migrations.length;
}
