/**
 * split-update.ts: an admitted update's pieces are bounded by its weight, never one per
 * client id (red team X13: 9 000 one-struct groups were 9 000 pieces, minutes of work), and
 * applied in order they give the same document as the whole update.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { splitServerUpdate, splitUpdate } from '../../server/sync/split-update.js';
import { createActionPlan, addGoal, actionPlanToJSON } from '../../shared/model/action-plan.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';

const WEIGHT = 4_000;

function base(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getMap('meta').set('subtitle', 'start');
  return doc;
}

/** `n` overwrites of meta.subtitle, each from its own client id and on the one before (X13's update). */
function chain(doc: Y.Doc, n: number, descending: boolean): Uint8Array {
  const groups: Uint8Array[] = [];
  const subtitle = doc.getMap('meta')._map.get('subtitle');
  if (!subtitle) throw new Error('base() sets a subtitle');
  let previous = subtitle.id;
  for (let i = 0; i < n; i++) {
    const e = encoding.createEncoder();
    for (const v of [1, 1_000 + i, 0]) encoding.writeVarUint(e, v);
    encoding.writeUint8(e, 8 | 128);
    encoding.writeVarUint(e, previous.client);
    encoding.writeVarUint(e, previous.clock);
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, `s${i}`);
    groups.push(encoding.toUint8Array(e));
    previous = Y.createID(1_000 + i, 0);
  }
  if (descending) groups.reverse();
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  for (const group of groups) encoding.writeUint8Array(e, group);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** An ordinary update: `clients` editors, each setting `perClient` keys (one group of that many structs each), with deletions. */
function editors(doc: Y.Doc, clients: number, perClient: number): Uint8Array {
  const updates: Uint8Array[] = [];
  for (let c = 0; c < clients; c++) {
    const editor = new Y.Doc();
    editor.clientID = 50_000 + c;
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(doc));
    editor.transact(() => {
      for (let k = 0; k < perClient; k++) editor.getMap('meta').set(`k${c}-${k % 50}`, k);
    });
    updates.push(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(doc)));
  }
  return Y.mergeUpdates(updates);
}

const cases = [
  { name: '9 000 client ids in a chain, ascending', make: (doc: Y.Doc) => chain(doc, 9_000, false), maxPieces: 3 },
  { name: '9 000 client ids in a chain, descending', make: (doc: Y.Doc) => chain(doc, 9_000, true), maxPieces: 3 },
  { name: 'one client, 10 000 structs', make: (doc: Y.Doc) => editors(doc, 1, 10_000), maxPieces: 3 },
  { name: '40 clients of 250 structs', make: (doc: Y.Doc) => editors(doc, 40, 250), maxPieces: 3 },
  { name: '1 000 clients of 5 structs', make: (doc: Y.Doc) => editors(doc, 1_000, 5), maxPieces: 2 },
];

describe('splitUpdate', () => {
  it.each(cases)('$name: at most $maxPieces pieces, the same document as the whole', ({ make, maxPieces }) => {
    const doc = base();
    const update = make(doc);
    const whole = base();
    Y.applyUpdate(whole, update);
    const pieced = base();
    const pieces = splitUpdate(update, scanContextOf(pieced, 1_000_000, allowedRootsOf(pieced)), WEIGHT);
    expect(pieces.length).toBeLessThanOrEqual(maxPieces);
    for (const piece of pieces) Y.applyUpdate(pieced, piece);
    expect(pieced.store.pendingStructs).toBeNull();
    expect(Y.encodeStateVector(pieced)).toEqual(Y.encodeStateVector(whole));
    expect(pieced.getMap('meta').toJSON()).toEqual(whole.getMap('meta').toJSON());
  });

  it('a client repeated in a crafted update starts a new piece (Yjs keeps one group per client in an update)', () => {
    const doc = base();
    const one = chain(doc, 2, false);
    // The same two groups twice: 4 groups, clients 1000, 1001, 1000, 1001.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 4);
    const body = one.subarray(1, one.length - 1);
    encoding.writeUint8Array(e, body);
    encoding.writeUint8Array(e, body);
    encoding.writeVarUint(e, 0);
    const pieces = splitUpdate(encoding.toUint8Array(e), scanContextOf(doc, 1_000_000, allowedRootsOf(doc)), WEIGHT);
    expect(pieces.length).toBe(2);
  });
});

describe("the server's own update (a restore)", () => {
  it.each([1, 7, 50, WEIGHT])('cut at weight %i, fields no client may write included, gives the same document', (weight) => {
    const live = new Y.Doc();
    createActionPlan(live, { title: 'Plan' });
    const start = Y.encodeStateAsUpdate(live);
    const before = Y.encodeStateVector(live);
    live.transact(() => {
      for (let i = 0; i < 30; i++) addGoal(live, { number: String(i + 1), title: `Mål ${i + 1}`, description: 'Text' });
      for (const goal of live.getMap<Y.Map<unknown>>('goals').values()) goal.set('priority', 1);
      live.getMap('meta').set('schemaVersion', 2);
    });
    const pieces = splitServerUpdate(Y.encodeStateAsUpdate(live, before), weight);
    if (weight < WEIGHT) expect(pieces.length).toBeGreaterThan(1);
    const pieced = new Y.Doc();
    Y.applyUpdate(pieced, start);
    for (const piece of pieces) Y.applyUpdate(pieced, piece);
    expect(actionPlanToJSON(pieced)).toEqual(actionPlanToJSON(live));
    expect(pieced.getMap('meta').get('schemaVersion')).toBe(2);
  });
});
