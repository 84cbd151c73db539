/**
 * The SQLite store commits the updates handled in one go together: each is durable
 * when its promise resolves, in the order given, and when the commit fails none of the
 * batch is stored (so no room broadcasts an update that is not on disk).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.js';
import { createSqliteStore } from '../../server/sync/persistence.js';
import { tempDataDir } from '../support/server.js';

const dataDir = tempDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const db = openDatabase(dataDir);
db.exec("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'W', 0)");
for (const id of ['d1', 'd2']) db.exec(`INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES ('${id}', 'w1', 'agenda', 'D', 0, 0)`);
const store = createSqliteStore(db);
const meta = { userId: null, at: 1 };
const count = () => (db.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n;

describe('SQLite store, group commit', () => {
  it('stores the appends made in one go together, in order', async () => {
    const ids = await Promise.all([store.append('d1', new Uint8Array([1]), meta), store.append('d2', new Uint8Array([2]), meta), store.append('d1', new Uint8Array([3]), meta)]);
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Infinity);
    expect(ids[2]).toBeGreaterThan(ids[1] ?? Infinity);
    const d1 = await store.load('d1');
    expect(d1.updates.map((u) => [...u])).toEqual([[1], [3]]);
    expect(d1.lastUpdateId).toBe(ids[2]);
  });

  it('stores none of a batch when one append in it cannot be stored', async () => {
    const before = count();
    const results = await Promise.allSettled([
      store.append('d1', new Uint8Array([4]), meta),
      store.append('no-such-document', new Uint8Array([5]), meta),
      store.append('d2', new Uint8Array([6]), meta),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(count()).toBe(before);
    // The next batch is unaffected.
    await store.append('d2', new Uint8Array([7]), meta);
    expect(count()).toBe(before + 1);
  });
});
