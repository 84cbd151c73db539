/**
 * WAL checkpoints run on a worker thread: the server's own connection never checkpoints
 * (it would stall every room for the length of a sync), yet the log still reaches the
 * database file, and stopping the worker leaves the database usable.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../server/db/checkpointer.js';
import { openDatabase } from '../../server/db/database.js';
import { tempDataDir } from '../support/server.js';
import { until } from '../support/yclient.js';

const dataDir = tempDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('WAL checkpointer', () => {
  it('copies the log into the database file from its own thread', async () => {
    const db = openDatabase(dataDir);
    const file = join(dataDir, 'samplan.sqlite');
    const checkpointer = startCheckpointer(db, 20);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const before = statSync(file).size;
    db.exec("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@b.se', 'A', 'x', 0)");
    db.exec("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'W', 0)");
    db.exec("INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES ('d1', 'w1', 'agenda', 'D', 0, 0)");
    const insert = db.prepare('INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES (?, ?, ?, ?)');
    const blob = new Uint8Array(64 * 1024).fill(7);
    for (let i = 0; i < 32; i++) insert.run('d1', blob, 'u1', i);

    // 2 MB went into the log; the worker moves it into the database file.
    await until(() => statSync(file).size - before > 2_000_000, 10_000, 'the database file holds the checkpointed log');
    await checkpointer.stop();
    expect((db.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n).toBe(32);
    db.close();
  });
});
