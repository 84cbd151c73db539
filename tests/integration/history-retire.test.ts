/**
 * The history worker is retired once idle with a big heap (server/history/deriver.ts): a
 * worker that derived plans at the item cap kept ~250 MB after the work was done (hostile
 * harness, whole items). On SQLite and PostgreSQL (`npm run test:pg`): the deriver runs a
 * real worker thread; once retired, the next edit starts a new one, which rebuilds the plan
 * from the store at the cursor and lists the change with the right before and after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateItem } from '../../shared/model/action-plan.js';
import { HistoryDeriver, type HistoryDeriverOptions } from '../../server/history/deriver.js';
import { eventually } from '../support/plan-scene.js';
import { smalandIds } from '../support/smaland-edits.js';
import { historyFixture, type HistoryFixture } from './history-fixture.js';

const MINUTE = 60_000;
let f: HistoryFixture;
let deriver: HistoryDeriver | null = null;
beforeEach(async () => {
  f = await historyFixture(['a']);
});
afterEach(async () => {
  deriver?.stop();
  await f.close();
});

function threaded(options: Partial<HistoryDeriverOptions>): HistoryDeriver {
  const database = f.t.postgresUrl ? { kdb: f.t.kdb, databaseUrl: f.t.postgresUrl } : f.t.db;
  return (deriver = new HistoryDeriver(database, { thread: true, ...options }));
}

async function budgetTo(budget: number, user: string): Promise<void> {
  const doc = f.docs.get('a');
  if (!doc) throw new Error('fixture');
  f.at += 2 * MINUTE;
  updateItem(doc, 'activities', smalandIds(doc).a11, { budget }, user);
  await f.flushed();
}

const budgets = async () => (await f.rows()).filter((row) => row.field === 'budget').map((row) => [row.before, row.after]);

describe('a history worker with a big heap', () => {
  it('is retired once idle, and the next edit is derived by a new worker from the store', async () => {
    const d = threaded({ retireHeapBytes: 0, retireIdleMs: 50 });
    await budgetTo(1_00, 'anna');
    await d.catchUp();
    expect(await budgets()).toEqual([['42000000', '100']]);
    await eventually(async () => !d.hasWorker, 10_000, 'the idle worker retired');
    await budgetTo(2_00, 'erik');
    await d.catchUp();
    expect(await budgets()).toEqual([['42000000', '100'], ['100', '200']]);
  });

  it('is kept while its heap is small', async () => {
    const d = threaded({ retireHeapBytes: Number.MAX_SAFE_INTEGER, retireIdleMs: 50 });
    await budgetTo(1_00, 'anna');
    await d.catchUp();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.hasWorker).toBe(true);
  });
});
