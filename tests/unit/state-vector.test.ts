/**
 * server/sync/state-vector.ts: a sync step 1's made-up entries are dropped before Yjs reads
 * them, and the answer stays the same byte for byte (red team x14 (2)).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { relevantStateVector, stateVectorCost, stateVectorEntries } from '../../server/sync/state-vector.js';
import { seeded } from '../support/seeded.js';

/** A document written by `writers` clients, each a few edits. */
function docOf(writers: number[]): Y.Doc {
  const doc = new Y.Doc();
  for (const writer of writers) {
    const source = new Y.Doc();
    Y.applyUpdate(source, Y.encodeStateAsUpdate(doc));
    source.clientID = writer;
    source.getText('t').insert(0, `w${writer}`);
    source.getMap('m').set(String(writer), writer);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source, Y.encodeStateVector(doc)));
  }
  return doc;
}

function stateVector(entries: Array<[number, number]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [client, clock] of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

describe('relevantStateVector', () => {
  it('answers the same as the whole state vector (200 seeded cases)', () => {
    const random = seeded(1408);
    for (let n = 0; n < 200; n++) {
      const writers = Array.from({ length: 1 + random.int(6) }, (_, i) => 100 + i * 7);
      const doc = docOf(writers);
      const entries: Array<[number, number]> = [];
      for (let i = random.int(40); i > 0; i--) {
        const known = random.next() < 0.4;
        entries.push([known ? random.pick(writers) : 1_000 + random.int(1_000_000), random.int(12)]);
      }
      const whole = stateVector(entries);
      expect(Y.encodeStateAsUpdate(doc, relevantStateVector(doc, whole))).toEqual(Y.encodeStateAsUpdate(doc, whole));
    }
  });

  it('drops every entry of a client the document lacks, and keeps the rest as they were', () => {
    const doc = docOf([5, 9]);
    const whole = stateVector([[5, 1], [77, 3], [9, 2], [88, 0]]);
    expect(relevantStateVector(doc, whole)).toEqual(stateVector([[5, 1], [9, 2]]));
    const known = stateVector([[9, 2], [5, 1]]);
    expect(relevantStateVector(doc, known)).toBe(known);
  });

  it('throws on a truncated state vector', () => {
    const whole = stateVector([[5, 1], [9, 2]]);
    expect(() => relevantStateVector(docOf([5]), whole.subarray(0, whole.length - 1))).toThrow();
  });
});

describe('stateVectorCost', () => {
  it.each([
    [0, 1],
    [1, 1],
    [9_999, 1],
    [10_000, 2],
    [99_999, 10],
    [100_000, 11],
  ])('%i entries cost %i requests', (entries, cost) => {
    expect(stateVectorCost(entries)).toBe(cost);
    expect(stateVectorEntries(stateVector(Array.from({ length: Math.min(entries, 3) }, (_, i) => [i, 0])))).toBe(Math.min(entries, 3));
  });
});
