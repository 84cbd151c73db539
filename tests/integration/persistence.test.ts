/**
 * The document store on both dialects (server/sync/persistence.ts, persistence-pg.ts), the
 * same cases against each: appends handled in one go are stored together, each durable
 * (another connection reads it) when its promise resolves, in the order given, and when
 * the commit fails none of the batch is stored (so no room broadcasts an update that is not
 * stored). Compaction replaces the log up to an id by a snapshot; two processes compacting
 * one document, in either order or at once, leave every update in the stored state.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/sync/persistence.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

const meta = { userId: null, at: 1 };

/** The document a fresh load gives: the snapshot with the log after it. */
async function reload(store: DocumentStore, documentId: string): Promise<Record<string, unknown>> {
  const stored = await store.load(documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getMap('m').toJSON();
}

/** `count` edits of one document, each its own update, and the state after each. */
function edits(count: number): { updates: Uint8Array[]; stateAfter: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  const stateAfter: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 1; i <= count; i++) {
    doc.getMap('m').set(`k${i}`, i);
    stateAfter.push(Y.encodeStateAsUpdate(doc));
  }
  return { updates, stateAfter };
}

const expected = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i + 1}`, i + 1]));

describe.each(STORE_FACTORIES)('document store on $name', ({ open }) => {
  let f: StoreFixture;
  let documents = 0;
  /** A new document's id. */
  const newDocument = async () => {
    const id = `d${++documents}`;
    await f.addDocuments([id]);
    return id;
  };
  const count = async (table: 'document_updates' | 'document_snapshots') =>
    Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(f.kdb)).rows[0]?.n);

  beforeAll(async () => {
    f = await open();
  }, 60_000);
  afterAll(() => f?.close());

  it('stores the appends made in one go together, in order, each readable by another process once resolved', async () => {
    const [d1, d2] = [await newDocument(), await newDocument()];
    const { store: other } = await f.openProcess();
    const ids = await Promise.all([f.store.append(d1, new Uint8Array([1]), meta), f.store.append(d2, new Uint8Array([2]), meta), f.store.append(d1, new Uint8Array([3]), meta)]);
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Infinity);
    expect(ids[2]).toBeGreaterThan(ids[1] ?? Infinity);
    const loaded = await other.load(d1);
    expect(loaded.updates.map((u) => [...u])).toEqual([[1], [3]]);
    expect(loaded.lastUpdateId).toBe(ids[2]);
  });

  it('stores none of a batch when one append in it cannot be stored', async () => {
    const [d1, d2] = [await newDocument(), await newDocument()];
    const before = await count('document_updates');
    const results = await Promise.allSettled([
      f.store.append(d1, new Uint8Array([4]), meta),
      f.store.append('no-such-document', new Uint8Array([5]), meta),
      f.store.append(d2, new Uint8Array([6]), meta),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await count('document_updates')).toBe(before);
    // The next batch is unaffected.
    await f.store.append(d2, new Uint8Array([7]), meta);
    expect(await count('document_updates')).toBe(before + 1);
  });

  it('compaction replaces the log up to an id by the snapshot, keeps later updates and who edited', async () => {
    const id = await newDocument();
    const { updates, stateAfter } = edits(5);
    const ids: number[] = [];
    for (const [i, update] of updates.entries()) ids.push(await f.store.append(id, update, { userId: i < 2 ? 'u1' : 'u2', at: 10 + i }));
    await f.store.compact(id, stateAfter[2] ?? new Uint8Array(), ids[2] ?? 0, 100, 7);
    const loaded = await f.store.load(id);
    expect(loaded).toMatchObject({ lastUpdateId: ids[4], snapshotSchemaVersion: 7 });
    expect(loaded.updates).toHaveLength(2);
    expect(await f.store.pendingUpdates(id)).toBe(2);
    expect(await reload(f.store, id)).toEqual(expected(5));
    const summary = await sql<{ user_id: string; first_at: number; last_at: number; updates: number }>`
      SELECT user_id, first_at, last_at, updates FROM document_edits WHERE document_id = ${id} ORDER BY user_id`.execute(f.kdb);
    expect(summary.rows).toEqual([
      { user_id: 'u1', first_at: 10, last_at: 11, updates: 2 },
      { user_id: 'u2', first_at: 12, last_at: 12, updates: 1 },
    ]);
  });

  // A: the process whose compaction covers updates 1–4; B: the one covering all six.
  it.each([
    { order: 'the older snapshot first', run: (a: () => Promise<void>, b: () => Promise<void>) => a().then(b) },
    { order: 'the newer snapshot first', run: (a: () => Promise<void>, b: () => Promise<void>) => b().then(a) },
    { order: 'both at once', run: (a: () => Promise<void>, b: () => Promise<void>) => Promise.all([a(), b()]).then(() => undefined) },
  ])('two processes compacting one document, $order, leave every update stored once', async ({ run }) => {
    const { store: processB } = await f.openProcess();
    // Several documents, so "at once" overlaps on PostgreSQL's two pools more than once.
    for (let round = 0; round < 4; round++) {
      const id = await newDocument();
      const { updates, stateAfter } = edits(6);
      const ids: number[] = [];
      for (const update of updates) ids.push(await f.store.append(id, update, meta));
      const a = () => f.store.compact(id, stateAfter[3] ?? new Uint8Array(), ids[3] ?? 0, 100, 1);
      const b = () => processB.compact(id, stateAfter[5] ?? new Uint8Array(), ids[5] ?? 0, 100, 1);
      await run(a, b);
      expect(await reload(f.store, id)).toEqual(expected(6));
      const edited = await sql<{ n: number }>`SELECT SUM(updates) AS n FROM document_edits WHERE document_id = ${id}`.execute(f.kdb);
      // SUM is NUMERIC (a string) on PostgreSQL.
      expect(Number(edited.rows[0]?.n)).toBe(6);
      expect(await f.store.pendingUpdates(id)).toBe(0);
    }
  });
});
