/**
 * The structural pre-check of client updates (server/sync/update-scan.ts): it must agree
 * with Yjs on every update Yjs itself writes (fuzzed over every content kind), and refuse
 * each class of hostile update before Yjs does any work on it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { gcStructUpdate } from '../support/raw-socket.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { coalesceRuns } from '../../server/sync/coalesce-runs.js';
import { splitUpdate } from '../../server/sync/split-update.js';
import { MalformedUpdate, RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { wholeItem } from '../support/required-items.js';
import { editOfReplica } from '../support/replica-edit.js';

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A random edit of one of every content kind Yjs writes. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = Math.floor(random() * 9);
  const goals = doc.getMap<unknown>('goals');
  const text = doc.getText('vision');
  const list = doc.getArray<unknown>('list');
  switch (pick) {
    case 0:
      // A goal is a map (field-types.ts): its fields hold the plain values.
      goals.set(`k${Math.floor(random() * 5)}`, new Y.Map<unknown>([['order', String(Math.floor(random() * 1e6))]]));
      break;
    case 1:
      // Keys a goal's schema names (schema-keys.ts), of their types (field-types.ts): any other is refused.
      goals.set(`m${Math.floor(random() * 3)}`, new Y.Map<unknown>([['title', new Y.Text('Mål')], ['number', '4.2']]));
      break;
    case 2:
      text.insert(Math.floor(random() * (text.length + 1)), 'ÅÄÖ 😀 text');
      break;
    case 3:
      if (text.length > 2) text.delete(0, Math.min(3, text.length));
      break;
    case 4:
      text.format(0, Math.min(2, text.length), { bold: true });
      break;
    case 5:
      list.push([{ nested: [1, 'två', null] }, new Uint8Array([1, 2, 3])]);
      break;
    case 6:
      if (list.length > 0) list.delete(0, 1);
      break;
    case 7:
      goals.delete(`k${Math.floor(random() * 5)}`);
      break;
    default:
      text.insertEmbed(0, { image: 'x.png' });
  }
}

const open = (doc: Y.Doc, maxStructs = 1_000_000) => scanContextOf(doc, maxStructs, null);

describe('scanUpdate agrees with Yjs', () => {
  it('counts the structs of every update Yjs writes (fuzz, 200 documents)', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 20; i++) source.transact(() => randomEdit(source, random));
      // The whole state to a new document, and each update in order (a deletion of content the
      // document does not hold yet is refused: waiting-updates.test.ts).
      const whole = Y.encodeStateAsUpdate(source);
      expect(scanUpdate(whole, open(new Y.Doc())).structs).toBe(Y.decodeUpdate(whole).structs.length);
      const target = new Y.Doc();
      for (const update of updates) {
        const scan = scanUpdate(update, open(target));
        expect(scan.structs).toBe(Y.decodeUpdate(update).structs.length);
        expect(scan.pendingStructs).toBe(0);
        Y.applyUpdate(target, update);
      }
    }
  });

  it('throws MalformedUpdate for truncated or corrupt bytes, never anything else', () => {
    const source = new Y.Doc();
    source.getText('vision').insert(0, 'Vision 2030');
    source.getMap('goals').set('a', new Y.Map([['budget', 1]]));
    const update = Y.encodeStateAsUpdate(source);
    for (let cut = 1; cut < update.length; cut++) {
      expect(() => scanUpdate(update.subarray(0, cut), open(new Y.Doc()))).toThrow(MalformedUpdate);
    }
    const random = seeded(7);
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from(update, (byte) => (random() < 0.05 ? Math.floor(random() * 256) : byte));
      try {
        scanUpdate(bytes, open(new Y.Doc()));
      } catch (error) {
        expect(error instanceof MalformedUpdate || error instanceof RefusedUpdate).toBe(true);
      }
    }
  });
});

/** One update of `count` one-unit GC structs from one client (what an attacker writes by hand). */
const gcBomb = (count: number, clock = 0) => gcStructUpdate(count, 424242, clock);

/** An update made by `edit` on a replica of `doc`: what a normal provider would send. */
const editOf = (doc: Y.Doc, edit: (replica: Y.Doc) => void): Uint8Array => editOfReplica(doc, edit);

describe('scanUpdate refuses each class of hostile update', () => {
  const plan = () => createDocument('action-plan', { title: 'Plan' });
  const guarded = (doc: Y.Doc, maxStructs = 1_000_000) => scanContextOf(doc, maxStructs, allowedRootsOf(doc));

  it.each([
    ['more structs than allowed', gcBomb(1001), 1000],
    ['exactly the limit passes', gcBomb(1000), 1000],
  ])('%s', (what, update, max) => {
    const run = () => scanUpdate(update, guarded(plan(), max));
    if (what.startsWith('exactly')) expect(run().structs).toBe(1000);
    else expect(run).toThrow(RefusedUpdate);
  });

  it.each<[string, (doc: Y.Doc) => void]>([
    ['meta.schemaVersion set to 2', (doc) => doc.getMap('meta').set('schemaVersion', 2)],
    ['meta.schemaVersion set to 0', (doc) => doc.getMap('meta').set('schemaVersion', 0)],
    ['meta.kind changed', (doc) => doc.getMap('meta').set('kind', 'agenda')],
    ['meta.schemaVersion deleted', (doc) => doc.getMap('meta').delete('schemaVersion')],
    ['meta.kind deleted', (doc) => doc.getMap('meta').delete('kind')],
    ['a root the schema does not name (map)', (doc) => doc.getMap('evil').set('x', 1)],
    ['a root the schema does not name (text)', (doc) => doc.getText('notes').insert(0, 'x')],
  ])('refuses %s', (_what, edit) => {
    const doc = plan();
    expect(() => scanUpdate(editOf(doc, edit), guarded(doc))).toThrow(RefusedUpdate);
  });

  it('refuses a protected key written by a fresh document that never saw the old value', () => {
    const doc = plan();
    const stranger = new Y.Doc();
    stranger.getMap('meta').set('schemaVersion', 99);
    expect(() => scanUpdate(Y.encodeStateAsUpdate(stranger), guarded(doc))).toThrow(RefusedUpdate);
  });

  it.each<[string, (doc: Y.Doc) => void]>([
    ['the title', (doc) => doc.getMap('meta').set('title', 'Ny titel')],
    ['a budget', (doc) => doc.getMap('budget').set('frame', 100)],
    ['a new goal', (doc) => doc.getMap('goals').set('g1', wholeItem('action-plan', 'goals', { title: new Y.Text('Mål') }))],
  ])('lets an editor change %s', (_what, edit) => {
    const doc = plan();
    expect(scanUpdate(editOf(doc, edit), guarded(doc)).pendingStructs).toBe(0);
  });

  it('counts structs whose predecessors are missing as pending', () => {
    const doc = plan();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 3; i++) replica.getMap('goals').set(`g${i}`, wholeItem('action-plan', 'goals', { number: String(i) }));
    const [, second, third] = updates;
    expect(scanUpdate(third ?? new Uint8Array(), guarded(doc)).pendingStructs).toBeGreaterThan(0);
    expect(scanUpdate(second ?? new Uint8Array(), guarded(doc)).pendingStructs).toBeGreaterThan(0);
    expect(scanUpdate(gcBomb(5, 10), guarded(doc)).pendingStructs).toBe(5);
  });
});

describe('coalesceRuns', () => {
  /** An update of one client's structs: runs of GC structs around real items. */
  function mixed(seed: number): Uint8Array {
    const random = seeded(seed);
    const source = new Y.Doc({ gc: true });
    const text = source.getText('vision');
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, `ord ${i} `);
      if (random() < 0.5 && text.length > 4) text.delete(Math.floor(random() * (text.length - 3)), 2);
    }
    source.getMap('goals').set('g', new Y.Map([['title', 'kvar']]));
    return Y.encodeStateAsUpdate(source);
  }

  it('leaves the document Yjs builds unchanged, for GC bombs and for real updates with gaps', () => {
    const updates = [gcBomb(1000), gcBomb(3, 7), ...Array.from({ length: 30 }, (_, i) => mixed(i + 1))];
    for (const update of updates) {
      const context = open(new Y.Doc());
      const scan = scanUpdate(update, context);
      const rewritten = scan.hasRuns ? coalesceRuns(update, context) : update;
      const [a, b] = [new Y.Doc(), new Y.Doc()];
      Y.applyUpdate(a, update);
      Y.applyUpdate(b, rewritten);
      // The run that starts at clock 7 waits for clocks 0–6; once they come, both agree.
      for (const doc of [a, b]) Y.applyUpdate(doc, gcBomb(7));
      expect(Y.encodeStateAsUpdate(b)).toEqual(Y.encodeStateAsUpdate(a));
      expect(a.getText('vision').toString()).toBe(b.getText('vision').toString());
    }
  });

  it('turns a million one-unit GC structs into one', () => {
    const update = gcBomb(1_000_000);
    const context = open(new Y.Doc());
    expect(scanUpdate(update, context).hasRuns).toBe(true);
    const rewritten = coalesceRuns(update, context);
    expect(Y.decodeUpdate(rewritten).structs).toHaveLength(1);
    expect(rewritten.length).toBeLessThan(20);
  });

  it('finds no runs in what Yjs writes itself', () => {
    for (let seed = 1; seed <= 30; seed++) expect(scanUpdate(mixed(seed), open(new Y.Doc())).hasRuns).toBe(false);
  });
});

describe('splitUpdate', () => {
  /** An update of several clients, with deletions, nested types and text. */
  function multiClient(seed: number): { base: Uint8Array; update: Uint8Array } {
    const random = seeded(seed);
    const base = createDocument('action-plan', { title: 'Plan' });
    const baseState = Y.encodeStateAsUpdate(base);
    const merged: Uint8Array[] = [];
    for (let c = 0; c < 3; c++) {
      const replica = new Y.Doc();
      Y.applyUpdate(replica, baseState);
      for (const update of merged) Y.applyUpdate(replica, update);
      const before = Y.encodeStateVector(replica);
      for (let i = 0; i < 120; i++) randomEdit(replica, random);
      merged.push(Y.encodeStateAsUpdate(replica, before));
    }
    return { base: baseState, update: Y.mergeUpdates(merged) };
  }

  it('gives pieces that, applied in order, build the same document as the whole (fuzz)', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { base, update } = multiClient(seed);
      const [whole, pieced] = [new Y.Doc(), new Y.Doc()];
      for (const doc of [whole, pieced]) Y.applyUpdate(doc, base);
      Y.applyUpdate(whole, update);
      const pieces = splitUpdate(update, open(pieced), 50);
      expect(pieces.length).toBeGreaterThan(3);
      for (const piece of pieces) Y.applyUpdate(pieced, piece);
      expect(Y.encodeStateVector(pieced)).toEqual(Y.encodeStateVector(whole));
      expect(pieced.getText('vision').toString()).toBe(whole.getText('vision').toString());
      expect(pieced.getMap('goals').toJSON()).toEqual(whole.getMap('goals').toJSON());
      expect(pieced.getArray('list').toJSON()).toEqual(whole.getArray('list').toJSON());
      expect(pieced.store.pendingStructs).toBeNull();
    }
  });

  it.each([
    ['more values in one struct than allowed', () => editOf(new Y.Doc(), (doc) => doc.getArray('list').push([Array.from({ length: 100_001 }, () => 0)].flat()))],
    ['a string of more than a megabyte in one struct', () => editOf(new Y.Doc(), (doc) => doc.getText('vision').insert(0, 'x'.repeat(1_000_001)))],
  ])('refuses %s', (_what, make) => {
    expect(() => scanUpdate(make(), open(new Y.Doc()))).toThrow(RefusedUpdate);
  });
});
