/**
 * A bulk write's history stored in chunks (red team "legal bulk writer",
 * docs/security-hostile.md), on SQLite and PostgreSQL (`npm run test:pg`): one person adds
 * cost items in large updates while another edits a budget in another plan; the deriver
 * stores at most `chunkEntries` entries per transaction, and a crash between two chunks
 * (the writer fails after some have committed, as a killed process would) followed by a
 * fresh deriver still stores every entry exactly once, with each budget change in one
 * unbroken chain.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateItem } from '../../shared/model/action-plan.js';
import type { HistoryWriter } from '../../server/history/store.js';
import { smalandIds } from '../support/smaland-edits.js';
import { addCosts, historyFixture, type HistoryFixture } from './history-fixture.js';

const UPDATES = 8;
const PER_UPDATE = 120;
const CHUNK = 250;
const MINUTE = 60_000;

let f: HistoryFixture;
beforeEach(async () => {
  f = await historyFixture(['a', 'b']);
});
afterEach(() => f.close());

/** Anna's bulk (each update a minute and more apart, so each is a run of its own) between Erik's budget edits. */
async function bulkAndBudgets(): Promise<number[]> {
  const a = f.docs.get('a');
  const b = f.docs.get('b');
  if (!a || !b) throw new Error('fixture');
  const budgets: number[] = [];
  for (let u = 0; u < UPDATES; u++) {
    f.at += 2 * MINUTE;
    addCosts(a, 'anna', `bulk${u}`, PER_UPDATE);
    const budget = (u + 1) * 1_000_00;
    updateItem(b, 'activities', smalandIds(b).a11, { budget }, 'erik');
    budgets.push(budget);
  }
  await f.flushed();
  return budgets;
}

/** Wraps the writer: records each chunk's size; the `crashAt`-th store throws before touching the database. */
function recording(sizes: number[], crashAt = Infinity) {
  return (writer: HistoryWriter): HistoryWriter => ({
    ...writer,
    store: (entries, from, upTo, options) => {
      if (sizes.length + 1 >= crashAt) return Promise.reject(new Error('killed between two chunks'));
      sizes.push(entries.length);
      return writer.store(entries, from, upTo, options);
    },
  });
}

/** Every cost item added exactly once, and Erik's budgets one unbroken chain from 420 000 kr. */
async function expectExactlyOnce(budgets: readonly number[]): Promise<void> {
  const rows = await f.rows();
  const added = rows.filter((r) => r.documentId === 'a' && r.op === 'added' && r.collection === 'costs').map((r) => r.itemId);
  const expected = Array.from({ length: UPDATES }, (_, u) => Array.from({ length: PER_UPDATE }, (_, i) => `bulk${u}-${i}`)).flat();
  expect(added.length).toBe(expected.length);
  expect(new Set(added)).toEqual(new Set(expected));
  const chain = rows.filter((r) => r.documentId === 'b' && r.field === 'budget').map((r) => [r.before, r.after]);
  const values = [420_000_00, ...budgets].map(String);
  expect(chain).toEqual(values.slice(1).map((after, i) => [values[i], after]));
  expect(rows.filter((r) => !(r.documentId === 'a' && r.collection === 'costs') && !(r.documentId === 'b' && r.field === 'budget'))).toEqual([]);
  expect(await f.cursor()).toBe(await f.newestUpdate());
}

describe('the history of a bulk write, stored in chunks', () => {
  it('stores at most a chunk of entries per transaction, every entry once', async () => {
    const budgets = await bulkAndBudgets();
    const sizes: number[] = [];
    const deriver = f.deriver({ chunkEntries: CHUNK, wrapWriter: recording(sizes) });
    try {
      await deriver.catchUp();
    } finally {
      deriver.stop();
    }
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil((UPDATES * (PER_UPDATE + 1)) / CHUNK));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(CHUNK);
    await expectExactlyOnce(budgets);
  });

  it.each([2, 3, 4])('a crash before chunk %i, then a fresh deriver: nothing lost, nothing twice', async (crashAt) => {
    const budgets = await bulkAndBudgets();
    const before = await f.cursor();
    const stored: number[] = [];
    const crashing = f.deriver({ chunkEntries: CHUNK, wrapWriter: recording(stored, crashAt) });
    await expect(crashing.catchUp()).rejects.toThrow('killed between two chunks');
    crashing.stop();
    // The cursor stands between the chunks that committed and those that did not.
    const between = await f.cursor();
    expect(stored).toHaveLength(crashAt - 1);
    expect(between).toBeGreaterThan(before);
    expect(between).toBeLessThan(await f.newestUpdate());
    const partial = await f.rows();
    expect(partial.length).toBe(stored.reduce((sum, n) => sum + n, 0));

    const fresh = f.deriver({ chunkEntries: CHUNK });
    try {
      await fresh.catchUp();
    } finally {
      fresh.stop();
    }
    await expectExactlyOnce(budgets);
  });
});
