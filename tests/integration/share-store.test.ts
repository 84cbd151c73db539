/**
 * The share-link store on both dialects (server/share/store.ts; DESIGN "Share links"): a
 * link's state at a time (live, expired at its expiry, revoked), revoking again keeps the
 * first time and still counts as found, another document's link is not found, deleting a
 * document's links revokes only live ones, and a deleted document's links lead nowhere.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShareLink, findShareLink, revokeAllShareLinks, revokeShareLink, SHARE_TOUCH_MS, shareLinkIsLive, shareLinksOf, touchShareLink } from '../../server/share/store.js';
import { hashToken } from '../../server/auth/tokens.js';
import { admitShareToken } from '../../server/share/access.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(STORE_FACTORIES)('share links on $name', ({ open }) => {
  let f: StoreFixture;
  beforeAll(async () => {
    f = await open();
    await sql`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@b.se', 'A', 'x', 0)`.execute(f.kdb);
    await f.addDocuments(['s1', 's2', 's3', 's4']);
  }, 60_000);
  afterAll(() => f?.close());

  const make = (documentId: string, label: string, now: number, expiresInDays = 7) =>
    createShareLink(f.kdb, { documentId, label, tokenHash: `hash-${label}`, createdBy: 'u1', expiresInDays, now });

  it('is live until its expiry, then expired; revoked is revoked whatever the time', async () => {
    const { id, expiresAt } = await make('s1', 'a', 1000, 2);
    expect(expiresAt).toBe(1000 + 2 * DAY);
    const at = async (now: number) => ({ found: (await findShareLink(f.kdb, 'hash-a', now))?.state, live: await shareLinkIsLive(f.kdb, id, now) });
    expect(await at(expiresAt - 1)).toEqual({ found: 'live', live: true });
    expect(await at(expiresAt)).toEqual({ found: 'expired', live: false });
    expect(await findShareLink(f.kdb, 'hash-a', 0)).toMatchObject({ id, document: { id: 's1', kind: 'agenda', title: 'D' } });
    expect(await revokeShareLink(f.kdb, 's1', id, 5000)).toBe('revoked');
    expect(await at(2000)).toEqual({ found: 'revoked', live: false });
    expect(await findShareLink(f.kdb, 'no-such-hash', 0)).toBeUndefined();
  });

  it('revoking again is found and keeps the first time; another document has no such link', async () => {
    const { id } = await make('s2', 'b', 1000);
    expect(await revokeShareLink(f.kdb, 's1', id, 3000)).toBe('not-found');
    expect(await revokeShareLink(f.kdb, 's2', id, 3000)).toBe('revoked');
    expect(await revokeShareLink(f.kdb, 's2', id, 4000)).toBe('already');
    const { rows } = await sql<{ revoked_at: number }>`SELECT revoked_at FROM share_links WHERE id = ${id}`.execute(f.kdb);
    expect(rows[0]?.revoked_at).toBe(3000);
  });

  it('notes a last use at most once a minute: a guest page asking every few seconds writes no row each time', async () => {
    const { id } = await make('s4', 'e', 1000);
    const lastUse = async () => (await shareLinksOf(f.kdb, 's4')).find((l) => l.id === id)?.lastUsedAt;
    // [use at, last use shown after it]: the first use is noted, then again only a minute on.
    const steps: [number, number][] = [
      [5_000, 5_000],
      [5_001, 5_000],
      [5_000 + SHARE_TOUCH_MS - 1, 5_000],
      [5_000 + SHARE_TOUCH_MS, 5_000 + SHARE_TOUCH_MS],
      [5_000 + SHARE_TOUCH_MS + 5_000, 5_000 + SHARE_TOUCH_MS],
      [5_000 + 3 * SHARE_TOUCH_MS, 5_000 + 3 * SHARE_TOUCH_MS],
    ];
    for (const [at, shown] of steps) {
      await touchShareLink(f.kdb, id, at);
      expect(await lastUse()).toBe(new Date(shown).toISOString());
    }
  });

  it('admitting a link used less than a minute ago writes nothing, not even an UPDATE that changes no row (red team x12)', async () => {
    const token = 'x12-guest-polls-every-five-seconds';
    await createShareLink(f.kdb, { documentId: 's4', label: 'poll', tokenHash: hashToken(token), createdBy: 'u1', expiresInDays: 7, now: 1000 });
    const kinds: string[] = [];
    const recorded = f.kdb.withPlugin({ transformQuery: ({ node }) => (kinds.push(node.kind), node), transformResult: async ({ result }) => result });
    // [use at, UPDATE statements it may run]: the first use and one a minute on write, polls between do not.
    const steps: [number, number][] = [
      [5_000, 1],
      [10_000, 0],
      [5_000 + SHARE_TOUCH_MS - 1, 0],
      [5_000 + SHARE_TOUCH_MS, 1],
      [10_000 + SHARE_TOUCH_MS, 0],
    ];
    for (const [at, updates] of steps) {
      kinds.length = 0;
      expect(await admitShareToken(recorded as typeof f.kdb, token, at)).toMatchObject({ ok: true });
      expect(kinds.filter((kind) => kind === 'UpdateQueryNode')).toHaveLength(updates);
    }
  });

  it('lists newest first with last use; revoking all counts only live links; a deleted document leads nowhere', async () => {
    const older = await make('s3', 'c', 1000);
    const newer = await make('s3', 'd', 2000);
    await revokeShareLink(f.kdb, 's3', older.id, 2500);
    await touchShareLink(f.kdb, newer.id, 2600);
    expect(await shareLinksOf(f.kdb, 's3')).toEqual([
      { id: newer.id, label: 'd', expiresAt: new Date(newer.expiresAt).toISOString(), revoked: false, lastUsedAt: new Date(2600).toISOString() },
      { id: older.id, label: 'c', expiresAt: new Date(older.expiresAt).toISOString(), revoked: true, lastUsedAt: null },
    ]);
    expect(await revokeAllShareLinks(f.kdb, 's3', 3000)).toBe(1);
    expect(await revokeAllShareLinks(f.kdb, 's3', 3000)).toBe(0);
    await sql`UPDATE documents SET deleted_at = 1 WHERE id = 's3'`.execute(f.kdb);
    expect((await findShareLink(f.kdb, 'hash-d', 0))?.state).toBe('deleted');
  });
});
