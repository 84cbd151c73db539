/**
 * The class behind "undo removes a value": random interleavings of concurrent sets on map
 * keys of several kinds (number, string, null; a root map and a nested one), partial
 * exchanges between two or three peers, undos and redos. After every step, on every peer,
 * no key that had a value is absent; after a full exchange, every peer holds the same.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager, LOCAL_ORIGIN } from './undo.js';

const REMOTE = { remote: true };
const ROOTS = ['meta', 'items'] as const;
const KEYS = ['amount', 'label', 'maybe'] as const;

/** A small seeded PRNG (mulberry32) so a failing seed can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n) };
}

function valueFor(key: (typeof KEYS)[number], n: number): number | string | null {
  if (key === 'amount') return n * 1_000;
  if (key === 'label') return `text ${n}`;
  return n % 3 === 0 ? null : n;
}

/** The maps under test: a root map and a map nested in another root, as plan fields are. */
function mapsOf(doc: Y.Doc): Y.Map<unknown>[] {
  const item = doc.getMap('items').get('x');
  return item instanceof Y.Map ? [doc.getMap('meta'), item as Y.Map<unknown>] : [doc.getMap('meta')];
}

function base(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    doc.getMap('items').set('x', item);
    for (const key of KEYS) {
      doc.getMap('meta').set(key, valueFor(key, 1));
      item.set(key, valueFor(key, 2));
    }
  });
  return doc;
}

function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

function absentKeys(doc: Y.Doc): string[] {
  return mapsOf(doc).flatMap((map, m) => KEYS.filter((key) => !map.has(key)).map((key) => `${m}.${key}`));
}

/** One random step: a local set, a one-way exchange, an undo or a redo. */
function step(peers: Array<{ doc: Y.Doc; undo: Y.UndoManager }>, rng: ReturnType<typeof random>): string {
  const peer = peers[rng.int(peers.length)];
  if (!peer) return 'none';
  const roll = rng.int(10);
  if (roll < 4) {
    const map = mapsOf(peer.doc)[rng.int(2)];
    const key = KEYS[rng.int(KEYS.length)] ?? 'amount';
    // Sometimes a new undo step, sometimes merged into the previous one (as within 500 ms).
    if (rng.int(2) === 0) peer.undo.stopCapturing();
    peer.doc.transact(() => map?.set(key, valueFor(key, rng.int(50))), LOCAL_ORIGIN);
    return `set ${key}`;
  }
  if (roll < 7) {
    const other = peers[rng.int(peers.length)];
    if (other && other !== peer) send(peer.doc, other.doc);
    return 'send';
  }
  if (roll < 9) {
    peer.undo.undo();
    return 'undo';
  }
  peer.undo.redo();
  return 'redo';
}

describe('undo and redo never leave a key without a value', () => {
  it.each(Array.from({ length: 200 }, (_, seed) => seed))('seed %i', (seed) => {
    const rng = random(seed);
    const origin = base();
    const peers = Array.from({ length: 2 + rng.int(2) }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = 100 + ((seed + i * 7) % 50);
      send(origin, doc);
      return { doc, undo: createUndoManager(doc, ROOTS) };
    });
    const trail: string[] = [];
    for (let i = 0; i < 60; i++) {
      trail.push(step(peers, rng));
      for (const peer of peers) expect(absentKeys(peer.doc), trail.join(', ')).toEqual([]);
    }
    for (const a of peers) for (const b of peers) if (a !== b) send(a.doc, b.doc);
    const states = peers.map((peer) => JSON.stringify(peer.doc.getMap('meta').toJSON()) + JSON.stringify(peer.doc.getMap('items').toJSON()));
    expect(new Set(states).size).toBe(1);
    for (const peer of peers) expect(absentKeys(peer.doc)).toEqual([]);
  });
});
