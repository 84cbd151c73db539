/**
 * A database with plans and a real update log for the history deriver's own tests, on
 * SQLite or (npm run test:pg) PostgreSQL: each plan is a Y.Doc whose every transaction is
 * appended to `document_updates` as a room would, with its author and time, so a
 * HistoryDeriver (thread: false) derives and stores exactly as the server's does.
 */
import * as Y from 'yjs';
import { actionPlanRoots } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { HistoryDeriver, type HistoryDeriverOptions } from '../../server/history/deriver.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { readSample } from '../support/samples.js';
import { wholeItem } from '../support/required-items.js';

export const USERS = ['anna', 'erik'] as const;

export interface HistoryRow {
  documentId: string;
  op: string;
  collection: string;
  itemId: string;
  field: string | null;
  before: string | null;
  after: string | null;
}

export interface HistoryFixture {
  t: TestDatabase;
  docs: Map<string, Y.Doc>;
  /** Ms since the epoch stamped on the next appended update. */
  at: number;
  /** Waits until every transaction so far is in the update log. */
  flushed(): Promise<void>;
  deriver(options?: Partial<HistoryDeriverOptions>): HistoryDeriver;
  rows(): Promise<HistoryRow[]>;
  cursor(): Promise<number>;
  newestUpdate(): Promise<number>;
  close(): Promise<void>;
}

/** Plans `documentIds` (the Småland sample each), already in a snapshot; the history cursor at 0. */
export async function historyFixture(documentIds: readonly string[]): Promise<HistoryFixture> {
  const t = await openTestDatabase();
  await t.kdb.insertInto('users').values(USERS.map((id) => ({ id, email: `${id}@x.se`, name: id, password_hash: 'x', created_at: 0 }))).execute();
  await t.kdb.insertInto('workspaces').values({ id: 'w', name: 'W', country: 'SE', created_at: 0 }).execute();
  let chain = Promise.resolve();
  const docs = new Map<string, Y.Doc>();
  const fixture: HistoryFixture = {
    t,
    docs,
    at: Date.parse('2027-03-15T13:00:00.000Z'),
    flushed: () => chain,
    deriver: (options = {}) => new HistoryDeriver(t.dialect === 'postgres' ? { kdb: t.kdb, databaseUrl: 'unused: no worker thread' } : t.db, { thread: false, ...options }),
    rows: () =>
      t.kdb
        .selectFrom('document_history')
        .select(['document_id as documentId', 'op', 'collection', 'item_id as itemId', 'field', 'before', 'after'])
        .orderBy('id')
        .execute(),
    cursor: async () => Number((await t.kdb.selectFrom('history_cursor').select('last_update_id').executeTakeFirst())?.last_update_id ?? 0),
    newestUpdate: async () => Number((await t.kdb.selectFrom('document_updates').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0),
    close: () => t.close(),
  };
  for (const id of documentIds) {
    await t.kdb.insertInto('documents').values({ id, workspace_id: 'w', kind: 'action-plan', title: id, created_by: null, created_at: 0, updated_at: 0 }).execute();
    const doc = createDocument('action-plan', importPlanTable(readSample('handlingsplan-smaland.tsv')).plan);
    await t.kdb.insertInto('document_snapshots').values({ document_id: id, data: Y.encodeStateAsUpdate(doc), last_update_id: 0, updated_at: 0 }).execute();
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const row = { document_id: id, data: update, user_id: typeof origin === 'string' ? origin : null, created_at: fixture.at };
      chain = chain.then(async () => void (await t.kdb.insertInto('document_updates').values(row).execute()));
    });
    docs.set(id, doc);
  }
  return fixture;
}

/** The Y.Text title of the plan's first activity. */
export function firstTitle(doc: Y.Doc): Y.Text {
  for (const item of actionPlanRoots(doc).activities.values()) {
    const title = item instanceof Y.Map ? item.get('title') : null;
    if (title instanceof Y.Text) return title;
  }
  throw new Error('no activity with a title');
}

/** One transaction by `user` adding `count` cost items `prefix-0…`, as the red team's bulk writer does. */
export function addCosts(doc: Y.Doc, user: string, prefix: string, count: number): void {
  const costs = doc.getMap<Y.Map<unknown>>('costs');
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      costs.set(`${prefix}-${i}`, wholeItem('action-plan', 'costs', { order: 'b', label: `${prefix} ${i}` }));
    }
  }, user);
}
