/**
 * Vote rounds under concurrency on both dialects (server/facilitation/rounds-store.ts;
 * docs/database.md "Vote rounds"), from two connections as two processes would: the
 * rounds-per-document cap lets exactly one of eight at once take the last place, and a
 * ballot racing the close either counts in the ballots read after the close or is refused
 * — never accepted and then missed by the tally.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kdb } from '../../server/db/kysely.js';
import { ballotsOf, closeRound, findRound, insertRound, putBallot, roundsOf } from '../../server/facilitation/rounds-store.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

const round = (id: string, documentId: string) => ({ id, documentId, title: `R ${id}`, items: [{ collection: 'goals', id: 'g1' }], dotsPerPerson: 3, maxPerItem: null, anonymous: false, createdAt: 1000 });

describe.each(STORE_FACTORIES)('vote rounds on $name', ({ open }) => {
  let f: StoreFixture;
  let other: Kdb;
  beforeAll(async () => {
    f = await open();
    other = (await f.openProcess()).kdb;
    await f.addDocuments(['r2']);
    for (const user of ['u1', 'u2']) {
      await sql`INSERT INTO users (id, email, name, password_hash, created_at) VALUES (${user}, ${`${user}@b.se`}, ${user}, 'x', 0)`.execute(f.kdb);
      await sql`INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ('w1', ${user}, 'editor', 0)`.execute(f.kdb);
    }
  }, 60_000);
  afterAll(() => f?.close());

  it('the cap: of eight at once from two processes exactly one takes the last place', async () => {
    for (let n = 0; n < 5; n++) {
      const documentId = `cap${n}`;
      await f.addDocuments([documentId]);
      for (const id of ['a', 'b']) expect(await insertRound(f.kdb, round(`${documentId}${id}`, documentId), 'u1', 3)).toBe(true);
      const tries = Array.from({ length: 8 }, (_, i) => insertRound(i % 2 === 0 ? f.kdb : other, round(`${documentId}c${i}`, documentId), 'u1', 3));
      expect((await Promise.all(tries)).filter(Boolean)).toHaveLength(1);
      expect(await roundsOf(f.kdb, documentId)).toBe(3);
    }
  });

  it('a ballot racing the close counts or is refused, on every try', async () => {
    for (let i = 0; i < 30; i++) {
      const id = `race${i}`;
      expect(await insertRound(f.kdb, round(id, 'r2'), 'u1', 1000)).toBe(true);
      await putBallot(f.kdb, id, 'u1', { 'goals:g1': 1 }, 1000);
      const ballot = putBallot(other, id, 'u2', { 'goals:g1': 2 }, 1001);
      // The close route's order: close, then read the ballots it tallies.
      const tallied = closeRound(f.kdb, id, 1002).then(async (closed) => (expect(closed).toBe(true), ballotsOf(f.kdb, id)));
      const [accepted, ballots] = await Promise.all([ballot, tallied]);
      expect({ i, counted: ballots.some((b) => b.user.id === 'u2') }).toEqual({ i, counted: accepted });
      expect(await putBallot(other, id, 'u2', {}, 1003)).toBe(false);
      expect((await findRound(f.kdb, 'r2', id))?.status).toBe('closed');
    }
  });

  it('a ballot replaced keeps its place; an empty one withdraws it', async () => {
    expect(await insertRound(f.kdb, round('order', 'r2'), 'u1', 1000)).toBe(true);
    expect(await putBallot(f.kdb, 'order', 'u2', { 'goals:g1': 1 }, 10)).toBe(true);
    expect(await putBallot(f.kdb, 'order', 'u1', { 'goals:g1': 1 }, 20)).toBe(true);
    expect(await putBallot(f.kdb, 'order', 'u2', { 'goals:g1': 3 }, 30)).toBe(true);
    expect(await ballotsOf(f.kdb, 'order')).toEqual([
      { user: { id: 'u2', name: 'u2' }, dots: { 'goals:g1': 3 } },
      { user: { id: 'u1', name: 'u1' }, dots: { 'goals:g1': 1 } },
    ]);
    expect(await putBallot(f.kdb, 'order', 'u2', {}, 40)).toBe(true);
    expect((await ballotsOf(f.kdb, 'order')).map((b) => b.user.id)).toEqual(['u1']);
  });
});
