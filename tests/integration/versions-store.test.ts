/**
 * The versions store on both dialects (server/versions/store.ts; DESIGN "Versions"): versions
 * made in the same millisecond list in the order they were made, newest first — also on
 * PostgreSQL, which has no rowid (migration 11's `seq`) — and so do `adopted` and the state
 * at a time; a visit replaces the member's previous one; the last edit is the newest of
 * the log and of compaction's summaries.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVersion, lastEditAt, lastVisit, latestAdopted, recordVisit, versionAtOrBefore, versionData, versionsOf, type NewVersion } from '../../server/versions/store.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

const decision = { body: 'KF', date: '2027-03-15', reference: '§ 42' };

describe.each(STORE_FACTORIES)('the versions store on $name', ({ open }) => {
  let f: StoreFixture;
  beforeAll(async () => {
    f = await open();
    await sql`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@b.se', 'Anna', 'x', 0)`.execute(f.kdb);
    await f.addDocuments(['v1', 'v2', 'v3']);
  }, 60_000);
  afterAll(() => f?.close());

  const make = (documentId: string, name: string, at: number, extra: Partial<NewVersion> = {}) =>
    insertVersion(f.kdb, { documentId, kind: 'named', name, createdBy: 'u1', decision: null, data: new Uint8Array([at % 256, 1, 2]), at, ...extra });

  it.each([2, 5, 12])('lists %i versions of one millisecond newest first, in the order they were made', async (n) => {
    const documentId = 'v1';
    await sql`DELETE FROM document_versions WHERE document_id = ${documentId}`.execute(f.kdb);
    const made = [];
    for (let i = 0; i < n; i++) made.push(await make(documentId, `v${i}`, 1000, i % 2 === 0 ? { decision } : {}));
    expect((await versionsOf(f.kdb, documentId)).map((v) => v.name)).toEqual(made.map((v) => v.name).reverse());
    const lastAdopted = made.filter((v) => v.decision !== null).at(-1);
    expect((await latestAdopted(f.kdb, documentId))?.id).toBe(lastAdopted?.id);
    const last = made.at(-1);
    expect(last && (await versionAtOrBefore(f.kdb, documentId, 1000))?.data).toEqual(last && (await versionData(f.kdb, documentId, last.id)));
  });

  it('keeps the shape: creator, decision, restoreOf; time order wins over making order', async () => {
    const first = await make('v2', 'Första', 2000, { decision });
    const before = await make('v2', 'Före återställning', 1000, { restoreOf: first.id, kind: 'named' });
    expect(before).toMatchObject({ createdAt: new Date(1000).toISOString(), createdBy: { id: 'u1', name: 'Anna' }, decision: null, restoreOf: { id: first.id, name: 'Första' } });
    expect((await versionsOf(f.kdb, 'v2')).map((v) => v.id)).toEqual([first.id, before.id]);
    expect(await versionAtOrBefore(f.kdb, 'v2', 1500)).toMatchObject({ createdAt: 1000 });
    expect(await versionAtOrBefore(f.kdb, 'v2', 999)).toBeUndefined();
  });

  it('a visit replaces the previous one; the last edit is the newest of log and summaries', async () => {
    expect(await lastVisit(f.kdb, 'v3', 'u1')).toBeUndefined();
    await recordVisit(f.kdb, 'v3', 'u1', 10, new Uint8Array([1]));
    await recordVisit(f.kdb, 'v3', 'u1', 20, new Uint8Array([2, 3]));
    expect(await lastVisit(f.kdb, 'v3', 'u1')).toEqual({ visitedAt: 20, data: new Uint8Array([2, 3]) });
    expect(await lastEditAt(f.kdb, 'v3')).toBe(0);
    await f.kdb.insertInto('document_edits').values({ document_id: 'v3', user_id: null, first_at: 5, last_at: 70, updates: 1 }).execute();
    expect(await lastEditAt(f.kdb, 'v3')).toBe(70);
    await f.kdb.insertInto('document_updates').values({ document_id: 'v3', data: new Uint8Array([0]), user_id: null, created_at: 90 }).execute();
    expect(await lastEditAt(f.kdb, 'v3')).toBe(90);
  });
});
