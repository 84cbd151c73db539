/** Opens the SQLite database in DATA_DIR: WAL, foreign keys on, migrations applied. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * `sql` prepared on `db`, once: preparing (parsing and planning) costs more than running
 * most of our statements, and a connection runs several. Only for fixed SQL text, so the
 * cache holds one entry per statement in the code. SQLite itself re-prepares a cached
 * statement if a migration changes the schema under it.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

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
