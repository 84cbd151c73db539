/**
 * Issue 17 F1: a document at its item cap must refuse item-adding updates at a cost bound by
 * the update, not the document. The proof is counted, not timed: the exact check (a copy of
 * the whole document, content-trial.ts) counts its runs, and a full document's refusals must
 * take none. The room's item count (item-count.ts) is kept from its transactions; a fuzz over
 * concurrent sets, deletions and re-adds holds it equal to a full count after every update.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { itemsIn } from '../../server/sync/content-growth.js';
import { exactChecks } from '../../server/sync/content-trial.js';
import { ItemCount } from '../../server/sync/item-count.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { UpdateGuard } from '../../server/sync/update-guard.js';
import { RefusedUpdate } from '../../server/sync/update-scan.js';
import { wholeItem } from '../support/required-items.js';

const MAX_ITEMS = 30;

/** A seeded generator (Park–Miller), so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

/** A plan holding `MAX_ITEMS` goals, after five goals `old0…old4` were added and deleted. */
function fullPlan(): { server: Y.Doc; guard: UpdateGuard } {
  const server = createDocument('action-plan', { title: 'Full' });
  const guard = new UpdateGuard({ ...DEFAULT_SYNC_LIMITS, maxItemsPerDocument: MAX_ITEMS });
  guard.describe(server);
  const goals = server.getMap<unknown>('goals');
  for (let i = 0; i < 5; i++) goals.set(`old${i}`, new Y.Map());
  for (let i = 0; i < 5; i++) goals.delete(`old${i}`);
  for (let i = 0; i < MAX_ITEMS; i++) goals.set(`g${i}`, new Y.Map());
  return { server, guard };
}

/** What a client synced with `server` sends after `edit` (one transaction, as y-websocket sends it). */
function clientUpdate(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  let update: Uint8Array | null = null;
  client.on('update', (bytes: Uint8Array) => (update = bytes));
  client.transact(() => edit(client));
  if (update === null) throw new Error('the edit changed nothing');
  return update;
}

const goals = (doc: Y.Doc) => doc.getMap<unknown>('goals');
const addGoals = (n: number, prefix = 'new') => (doc: Y.Doc) => {
  for (let i = 0; i < n; i++) goals(doc).set(`${prefix}${i}`, wholeItem('action-plan', 'goals'));
};

interface Case {
  what: string;
  edit: (doc: Y.Doc) => void;
  refused: boolean;
  /** Exact checks (document copies) it may take. */
  checks: number;
}
const row = (what: string, edit: (doc: Y.Doc) => void, refused: boolean, checks: number): Case => ({ what, edit, refused, checks });

const CASES: Case[] = [
  row('one new item', addGoals(1), true, 0),
  row('ten new items in one update', addGoals(10), true, 0),
  row('a new item in another collection', (doc) => doc.getMap('costs').set('c', wholeItem('action-plan', 'costs')), true, 0),
  row('two deleted, three added', (doc) => { goals(doc).delete('g0'); goals(doc).delete('g1'); addGoals(3)(doc); }, true, 0),
  // A set of a deleted key names the deleted value as its origin: once proven as "no new entry".
  row('a deleted item set again', (doc) => goals(doc).set('old0', wholeItem('action-plan', 'goals')), true, 0),
  row('three deleted items set again', (doc) => ['old1', 'old2', 'old3'].forEach((key) => goals(doc).set(key, wholeItem('action-plan', 'goals'))), true, 0),
  row('one deleted, one added', (doc) => { goals(doc).delete('g0'); addGoals(1)(doc); }, false, 0),
  row('one deleted, the same key set again', (doc) => { goals(doc).delete('g0'); goals(doc).set('g0', wholeItem('action-plan', 'goals')); }, false, 0),
  row('an item replaced under its key', (doc) => goals(doc).set('g3', wholeItem('action-plan', 'goals')), false, 0),
  row('a field of an item set', (doc) => { const goal = goals(doc).get('g2'); if (goal instanceof Y.Map) goal.set('number', '2'); }, false, 0),
  row('a goal deleted, an activity added', (doc) => { goals(doc).delete('g5'); doc.getMap('activities').set('a', wholeItem('action-plan', 'activities')); }, false, 0),
];

describe('a document at its item cap', () => {
  it.each(CASES)('$what: refused $refused, with at most $checks exact checks', ({ edit, refused, checks }) => {
    const { server, guard } = fullPlan();
    const update = clientUpdate(server, edit);
    const before = exactChecks();
    let didRefuse = false;
    try {
      guard.admit(server, update, 0, { facilitates: false });
    } catch (error) {
      if (!(error instanceof RefusedUpdate)) throw error;
      didRefuse = true;
    }
    expect(didRefuse).toBe(refused);
    expect(exactChecks() - before).toBeLessThanOrEqual(checks);
    if (!didRefuse) {
      Y.applyUpdate(server, update);
      expect(itemsIn(server)).toBeLessThanOrEqual(MAX_ITEMS);
    }
  });

  it('refuses a flood of small item-adding updates without one copy of the document', () => {
    const { server, guard } = fullPlan();
    const before = exactChecks();
    for (let i = 0; i < 200; i++) {
      const update = clientUpdate(server, addGoals(1, `flood${i}-`));
      expect(() => guard.admit(server, update, 0, { facilitates: false })).toThrow(RefusedUpdate);
    }
    expect(exactChecks() - before).toBe(0);
  });
});

describe('a map at its entry cap (the same hole: a deleted key set again is one entry more)', () => {
  it('refuses the 201st entry made by setting a deleted key again', () => {
    const { server, guard } = fullPlan();
    const goal = goals(server).get('g0');
    if (!(goal instanceof Y.Map)) throw new Error('a goal');
    goal.set('gone', 1);
    goal.delete('gone');
    for (let i = 0; goal.size < 200; i++) goal.set(`f${i}`, i);
    const update = clientUpdate(server, (doc) => {
      const theirs = goals(doc).get('g0');
      if (theirs instanceof Y.Map) theirs.set('gone', 2);
    });
    expect(() => guard.admit(server, update, 0, { facilitates: false })).toThrow(RefusedUpdate);
  });
});

/** One random change to the collections: add, replace, delete, re-add a deleted key, or a field. */
function randomChange(doc: Y.Doc, next: () => number): void {
  const root = next() < 0.7 ? 'goals' : 'costs';
  const collection = doc.getMap<unknown>(root);
  const key = `k${Math.floor(next() * 12)}`;
  const roll = next();
  if (roll < 0.45) collection.set(key, wholeItem('action-plan', root));
  else if (roll < 0.8) collection.delete(key);
  else {
    const item = collection.get(key);
    if (item instanceof Y.Map) item.set('title', 'x');
  }
}

describe('the room keeps its item count from its own transactions', () => {
  it('equals a full count after every update, concurrent and re-added keys included (fuzz)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed * 104_729);
      const server = createDocument('action-plan', { title: 'Räknad' });
      const count = new ItemCount(server);
      const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      for (const client of clients) Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      for (let round = 0; round < 60; round++) {
        const client = clients[Math.floor(next() * clients.length)] ?? new Y.Doc();
        client.transact(() => {
          for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) randomChange(client, next);
        });
        // Sometimes sent, sometimes held back (offline): the server merges concurrent changes.
        if (next() < 0.6) Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
        if (next() < 0.3) Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
        expect(count.count, `seed ${seed} round ${round}`).toBe(itemsIn(server));
      }
    }
  });
});
