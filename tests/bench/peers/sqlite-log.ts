/**
 * The same SQLite persistence for the peer servers as Samplan's: an append-only update log
 * per document (better-sqlite3, WAL), loaded back in full.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

export function openLog(dataDir: string) {
  const db = new Database(join(dataDir, 'peer.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL)');
  db.exec('CREATE INDEX IF NOT EXISTS updates_doc ON updates(doc, id)');
  db.exec('CREATE TABLE IF NOT EXISTS states (doc TEXT PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
  const select = db.prepare('SELECT data FROM updates WHERE doc = ? ORDER BY id');
  const selectState = db.prepare('SELECT data FROM states WHERE doc = ?');
  const upsertState = db.prepare('INSERT INTO states (doc, data) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET data = excluded.data');
  return {
    append: (doc: string, update: Uint8Array) => insert.run(doc, update),
    updates: (doc: string) => (select.all(doc) as Array<{ data: Buffer }>).map((r) => new Uint8Array(r.data)),
    state: (doc: string) => {
      const row = selectState.get(doc) as { data: Buffer } | undefined;
      return row ? new Uint8Array(row.data) : null;
    },
    saveState: (doc: string, state: Uint8Array) => upsertState.run(doc, state),
    close: () => db.close(),
  };
}
