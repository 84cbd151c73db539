/**
 * Issue 17, red team F1: compares and change lists of big documents are built in a compare
 * thread (server/versions/compare-pool.ts), not on the event loop. A thread's answer is the
 * main thread's, byte for byte, for every pair of states a compare meets (none, empty,
 * one side only, both; the same state twice, one buffer shared by both sides).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareDocuments } from '../../shared/compare/index.js';
import { createDocument, toJSON } from '../../shared/index.js';
import { importPlanTable } from '../../shared/table/import.js';
import { ComparePool } from '../../server/versions/compare-pool.js';
import { readSample } from '../support/samples.js';

const plan = () => createDocument('action-plan', importPlanTable(readSample('handlingsplan-smaland.tsv')).plan);

/** The Småland plan, and the same plan with its first goal renamed. */
function states(): { before: Uint8Array; after: Uint8Array } {
  const doc = plan();
  const before = Y.encodeStateAsUpdate(doc);
  const goal = doc.getMap('goals').values().next().value;
  if (!(goal instanceof Y.Map)) throw new Error('no goal');
  goal.set('title', 'Omdöpt mål');
  return { before, after: Y.encodeStateAsUpdate(doc) };
}

const decoded = (state: Uint8Array | null) => {
  if (state === null) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return toJSON(doc);
};

describe('compare in a thread', () => {
  const { before, after } = states();
  const shared = Y.encodeStateAsUpdate(plan());
  // A fresh copy per call: a thread run hands the buffer over (detaches it here).
  const same = () => {
    const state = shared.slice();
    return { before: state, after: state };
  };
  it.each([
    ['a change', () => ({ before: before.slice(), after: after.slice() })],
    ['from nothing (everything added)', () => ({ before: null, after: after.slice() })],
    ['to nothing (everything removed)', () => ({ before: before.slice(), after: null })],
    ['nothing at all', () => ({ before: null, after: null })],
    ['the same state twice', () => ({ before: before.slice(), after: before.slice() })],
    ['one buffer on both sides', same],
  ] as const)('%s: the thread answers what the main thread does', async (_case, pair) => {
    const extra = { from: { kind: 'version', at: '2027-03-01T10:00:00.000Z' } };
    const expected = JSON.stringify({ ...compareDocuments(decoded(pair().before), decoded(pair().after)), ...extra });
    const inThread = await new ComparePool(1, -1).run({ ...pair(), extra });
    const here = await new ComparePool(1, Infinity).run({ ...pair(), extra });
    expect(inThread.threadId).toBeGreaterThan(0);
    expect(here.threadId).toBe(0);
    expect(inThread.body).toBe(expected);
    expect(here.body).toBe(expected);
  }, 60_000);
});
