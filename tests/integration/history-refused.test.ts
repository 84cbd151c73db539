/**
 * A history write the database refuses (issue 17 / 21; docs/database.md "Field history on
 * PostgreSQL"), on SQLite and PostgreSQL (`npm run test:pg`): the deriver retries the chunk
 * `refusedAttempts` times, then stores it without the refused document's entries, logs that
 * once (its id and the database's code, never the entry's text) and moves on; every other
 * document's history keeps coming, and the refused one's later edits are derived again.
 * The refusals are the database's own (values it refuses, a constraint or trigger), not a
 * stand-in, so PostgreSQL's aborted transaction and the savepoints are what is tested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { updateItem } from '../../shared/model/action-plan.js';
import { usesPostgres } from '../support/database.js';
import { smalandIds } from '../support/smaland-edits.js';
import { storeFailure } from '../../server/history/refusal.js';
import { postgresHistoryWriter, sqliteHistoryWriter, type DerivedEntry, type HistoryWriter } from '../../server/history/store.js';
import { firstTitle, historyFixture, type HistoryFixture } from './history-fixture.js';

let f: HistoryFixture;
let writer: HistoryWriter;
beforeAll(async () => {
  f = await historyFixture(['a', 'b']);
  writer = f.t.dialect === 'postgres' ? postgresHistoryWriter(f.t.kdb) : sqliteHistoryWriter(f.t.db);
});
afterAll(() => f.close());

const SECRET = 'Hemliga Hansson';
const good: DerivedEntry = { documentId: 'b', userId: 'erik', at: 1_000, updateId: 1, op: 'changed', collection: 'activities', id: 'x', label: 'Ok', field: 'budget', before: 1, after: 2 };
const bad = (change: Partial<DerivedEntry>): DerivedEntry => ({ ...good, documentId: 'a', label: SECRET, ...change });

/** Entries each dialect refuses by itself (the class: any value the database will not take). */
const REFUSED: Array<{ what: string; entry: DerivedEntry; only?: 'postgres' }> = [
  { what: 'an op outside the CHECK', entry: bad({ op: 'renamed' as DerivedEntry['op'] }) },
  { what: 'a label that is NULL', entry: bad({ label: null as unknown as string }) },
  { what: 'a NUL in the label', entry: bad({ label: `${SECRET}\u0000` }), only: 'postgres' },
  { what: 'a NUL in the item id', entry: bad({ id: 'x\u0000y' }), only: 'postgres' },
  { what: 'a time past bigint', entry: bad({ at: 2 ** 70 }), only: 'postgres' },
];

describe('a chunk the database refuses for one document', () => {
  // SQLite takes NULs and any number: those rows are PostgreSQL's alone.
  it.each(REFUSED.filter((r) => !r.only || usesPostgres))('$what: refused whole, then stored without that document', async ({ entry }) => {
    const from = await f.cursor();
    const before = (await f.rows()).length;
    const refused = await writer.store([entry, good], from, from + 1).then(
      () => null,
      (error: unknown) => error,
    );
    expect(storeFailure(refused)).toBe('refused');
    expect(await f.cursor()).toBe(from);
    expect((await f.rows()).length).toBe(before);

    const outcome = await writer.store([entry, good], from, from + 1, { skipRefused: true });
    expect(outcome.moved).toBe(true);
    expect(outcome.skipped).toEqual([{ documentId: 'a', entries: 1, code: expect.any(String) }]);
    expect(await f.cursor()).toBe(from + 1);
    const rows = await f.rows();
    expect(rows.slice(before).map((r) => r.documentId)).toEqual(['b']);
  });
});

describe('the deriver with one document the database refuses', () => {
  it('retries a bounded number of times, then skips that document once, logged without its text; the others keep their history', async () => {
    await sql`DELETE FROM document_history`.execute(f.t.kdb);
    await f.t.kdb.updateTable('history_cursor').set({ last_update_id: await f.newestUpdate() }).execute();
    // The database itself refuses document a's history from now on.
    if (f.t.dialect === 'postgres') await sql`ALTER TABLE document_history ADD CONSTRAINT refuse_a CHECK (document_id <> 'a') NOT VALID`.execute(f.t.kdb);
    else f.t.db.exec("CREATE TRIGGER refuse_a BEFORE INSERT ON document_history WHEN NEW.document_id = 'a' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const a = f.docs.get('a');
    const b = f.docs.get('b');
    if (!a || !b) throw new Error('fixture');
    a.transact(() => firstTitle(a).insert(0, `${SECRET} `), 'anna');
    updateItem(b, 'activities', smalandIds(b).a11, { budget: 123_00 }, 'erik');
    await f.flushed();
    const lines: Array<Record<string, unknown>> = [];
    const deriver = f.deriver({ refusedAttempts: 3, log: (line) => lines.push(line) });
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const error = await deriver.catchUp().then(() => null, (e: unknown) => e);
        expect(storeFailure(error), `attempt ${attempt}`).toBe('refused');
        expect((await f.rows()).length).toBe(0);
      }
      await deriver.catchUp();
      const rows = await f.rows();
      expect(rows.map((r) => [r.documentId, r.field, r.before, r.after])).toEqual([['b', 'budget', '42000000', '12300']]);
      expect(await f.cursor()).toBe(await f.newestUpdate());
      const skipped = lines.filter((line) => line.event === 'history.entries_skipped');
      expect(skipped).toEqual([expect.objectContaining({ documentId: 'a', entries: expect.any(Number), code: expect.any(String), attempts: 3 })]);
      expect(JSON.stringify(lines)).not.toContain('Hemlig');

      // Once the database takes its entries again, document a's later edits have history as before.
      if (f.t.dialect === 'postgres') await sql`ALTER TABLE document_history DROP CONSTRAINT refuse_a`.execute(f.t.kdb);
      else f.t.db.exec('DROP TRIGGER refuse_a');
      updateItem(a, 'activities', smalandIds(a).a11, { budget: 7_00 }, 'anna');
      await f.flushed();
      await deriver.catchUp();
      expect((await f.rows()).map((r) => [r.documentId, r.field, r.after])).toEqual([['b', 'budget', '12300'], ['a', 'budget', '700']]);
      expect(lines.filter((line) => line.event === 'history.entries_skipped')).toHaveLength(1);
    } finally {
      deriver.stop();
    }
  });
});

describe('a passing fault while storing', () => {
  it('is retried past refusedAttempts without leaving anything out', async () => {
    await sql`DELETE FROM document_history`.execute(f.t.kdb);
    await f.t.kdb.updateTable('history_cursor').set({ last_update_id: await f.newestUpdate() }).execute();
    const b = f.docs.get('b');
    if (!b) throw new Error('fixture');
    updateItem(b, 'activities', smalandIds(b).a11, { budget: 55_00 }, 'erik');
    await f.flushed();
    let faults = 6;
    const asked: boolean[] = []; // Whether each store was asked to leave refused documents out.
    const lines: Array<Record<string, unknown>> = [];
    const deriver = f.deriver({
      refusedAttempts: 3,
      log: (line) => lines.push(line),
      // A connection the database closed (SQLSTATE 57P01, admin shutdown), six times in a row.
      wrapWriter: (w) => ({
        ...w,
        store: (entries, from, upTo, options) => {
          asked.push(options?.skipRefused ?? false);
          return faults-- > 0 ? Promise.reject(Object.assign(new Error('terminating connection'), { code: '57P01' })) : w.store(entries, from, upTo, options);
        },
      }),
    });
    try {
      for (let attempt = 1; attempt <= 6; attempt++) await expect(deriver.catchUp()).rejects.toThrow('terminating connection');
      await deriver.catchUp();
    } finally {
      deriver.stop();
    }
    expect((await f.rows()).map((r) => [r.documentId, r.field, r.after])).toEqual([['b', 'budget', '5500']]);
    expect(lines).toEqual([]);
    expect(asked).toEqual(Array.from({ length: 7 }, () => false));
  });
});
