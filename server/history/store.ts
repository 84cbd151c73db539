/**
 * The history table (migration 8; DESIGN "Audit and exports"): writing derived entries
 * with the merge rule, the deriver's cursor, and reading entries with filters. Writing:
 * SQLite on its synchronous connection (one short transaction nothing else can join),
 * PostgreSQL through Kysely (`historyWriter`); reading through `deps.kdb` on both.
 */
import { sql, type Kysely } from 'kysely';
import type { ChangeOp, ChangeValue } from '../../shared/compare/index.js';
import { mergesInto, type HistoryChange } from '../../shared/history/entries.js';
import { statement, type Db } from '../db/database.js';
import type { Kdb } from '../db/kysely.js';
import type { Tables } from '../db/schema.js';
import { errorCode, storeFailure, type SkippedDocument } from './refusal.js';
import { postgresHorizon } from './source.js';

/** One derived change ready to store: who (null: the server itself), when (ms), which update. */
export interface DerivedEntry extends HistoryChange {
  documentId: string;
  userId: string | null;
  at: number;
  updateId: number;
}

interface StoredRow {
  id: number;
  op: ChangeOp;
  userId: string | null;
  at: number;
  before: string | null;
  after: string | null;
}

const encode = (value: ChangeValue | null) => (value === null ? null : JSON.stringify(value));
const decode = (text: string | null): ChangeValue | null => (text === null ? null : (JSON.parse(text) as ChangeValue));

/** What the merge rule does with `e` given the newest stored entry of its item and field. */
type Step = { kind: 'insert' } | { kind: 'drop'; id: number } | { kind: 'merge'; id: number };

function stepFor(previous: StoredRow | undefined, e: DerivedEntry): Step {
  const prev = previous && { ...previous, before: decode(previous.before), after: decode(previous.after) };
  if (!previous || !prev || !mergesInto(prev, e)) return { kind: 'insert' };
  return JSON.stringify(prev.before) === JSON.stringify(e.after) ? { kind: 'drop', id: previous.id } : { kind: 'merge', id: previous.id };
}

/** What one `store` did: whether the cursor moved (false: another process stored the batch), and what was left out. */
export interface StoreOutcome {
  moved: boolean;
  /** Documents whose entries the database refused (only with `skipRefused`); the rest is stored. */
  skipped: SkippedDocument[];
}

export interface StoreOptions {
  /**
   * Store each document's entries on its own savepoint and leave out those the database
   * refuses (refusal.ts: data errors only; any other error still fails the whole store). The
   * deriver asks for it once a batch has been refused a few times (deriver.ts).
   */
  skipRefused?: boolean;
}

/** Where the deriver keeps its cursor and entries (deriver.ts); every call may be awaited. */
export interface HistoryWriter {
  /** The newest update id whose changes are in the history. */
  cursor(): Promise<number>;
  /** The newest update id that may be derived now (every id up to it committed). */
  horizon(cursor: number): Promise<number>;
  /**
   * Stores `entries` (in the order they happened) and moves the cursor from `from` to `upTo`,
   * in one transaction: after a crash either both happened or neither. `moved` false,
   * storing nothing, when the cursor is no longer at `from` (another process stored it).
   * An entry that merges (see `mergesInto`) updates the newest entry of its item and field
   * instead; one whose merged value is back to where it began is dropped.
   */
  store(entries: readonly DerivedEntry[], from: number, upTo: number, options?: StoreOptions): Promise<StoreOutcome>;
}

/** `entries` by document, each list in the order given. */
function byDocument(entries: readonly DerivedEntry[]): Map<string, DerivedEntry[]> {
  const groups = new Map<string, DerivedEntry[]>();
  for (const e of entries) {
    const list = groups.get(e.documentId);
    if (list) list.push(e);
    else groups.set(e.documentId, [e]);
  }
  return groups;
}

const skippedOf = (documentId: string, list: readonly DerivedEntry[], error: unknown): SkippedDocument => ({ documentId, entries: list.length, code: errorCode(error) });

/** On the SQLite connection itself: synchronous, so no edit can run inside its transaction. */
export function sqliteHistoryWriter(db: Db): HistoryWriter {
  return {
    cursor: async () => sqliteCursor(db),
    horizon: async () => (statement(db, 'SELECT MAX(id) AS id FROM document_updates').get() as { id: number | null } | undefined)?.id ?? 0,
    store: async (entries, from, upTo, options) => storeEntries(db, entries, from, upTo, options),
  };
}

const sqliteCursor = (db: Db) => (statement(db, 'SELECT last_update_id AS id FROM history_cursor WHERE id = 1').get() as { id: number } | undefined)?.id ?? 0;

/** `store` on SQLite (the unit tests and the SQLite server): synchronous, one transaction. */
export function storeEntries(db: Db, entries: readonly DerivedEntry[], from: number, upTo: number, options: StoreOptions = {}): StoreOutcome {
  const newest = statement(
    db,
    `SELECT id, op, user_id AS userId, at, before, after FROM document_history
     WHERE document_id = ? AND collection = ? AND item_id = ? AND field IS ? ORDER BY id DESC LIMIT 1`,
  );
  const insert = statement(
    db,
    `INSERT INTO document_history (document_id, at, user_id, op, collection, item_id, label, field, before, after, update_id)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)`,
  );
  const merge = statement(db, 'UPDATE document_history SET at = ?, after = ?, label = ?, update_id = ? WHERE id = ?');
  const drop = statement(db, 'DELETE FROM document_history WHERE id = ?');
  const cursor = statement(db, 'UPDATE history_cursor SET last_update_id = ? WHERE id = 1 AND last_update_id = ?');
  const storeAll = (list: readonly DerivedEntry[]) => {
    for (const e of list) {
      // Only a change can merge (`mergesInto`): an added or removed item needs no look-up (a bulk paste is all additions).
      const step = e.op === 'changed' ? stepFor(newest.get(e.documentId, e.collection, e.id, e.field) as StoredRow | undefined, e) : ({ kind: 'insert' } as const);
      if (step.kind === 'drop') drop.run(step.id);
      else if (step.kind === 'merge') merge.run(e.at, encode(e.after), e.label, e.updateId, step.id);
      else insert.run(e.documentId, e.at, e.userId, e.op, e.collection, e.id, e.label, e.field, encode(e.before), encode(e.after), e.updateId, e.documentId);
    }
  };
  // Nested in the transaction below, better-sqlite3 runs this on a savepoint: a refusal undoes one document's entries only.
  const storeDocument = db.transaction(storeAll);
  return db.transaction((): StoreOutcome => {
    if (cursor.run(upTo, from).changes === 0) return { moved: false, skipped: [] };
    if (!options.skipRefused) {
      storeAll(entries);
      return { moved: true, skipped: [] };
    }
    const skipped: SkippedDocument[] = [];
    for (const [documentId, list] of byDocument(entries)) {
      try {
        storeDocument(list);
      } catch (error) {
        if (storeFailure(error) !== 'refused') throw error;
        skipped.push(skippedOf(documentId, list, error));
      }
    }
    return { moved: true, skipped };
  })();
}

/**
 * On PostgreSQL: the cursor row is updated first, conditionally, so two processes' deriver
 * passes over the same updates serialise on its lock and the second stores nothing.
 */
export function postgresHistoryWriter(kdb: Kdb): HistoryWriter {
  return {
    cursor: async () => (await kdb.selectFrom('history_cursor').select('last_update_id').where('id', '=', 1).executeTakeFirst())?.last_update_id ?? 0,
    horizon: (cursor) => postgresHorizon(kdb, cursor),
    store: (entries, from, upTo, options = {}) =>
      kdb.transaction().execute(async (trx): Promise<StoreOutcome> => {
        const moved = await trx.updateTable('history_cursor').set({ last_update_id: upTo }).where('id', '=', 1).where('last_update_id', '=', from).executeTakeFirst();
        if (moved.numUpdatedRows === 0n) return { moved: false, skipped: [] };
        if (!options.skipRefused) {
          for (const e of entries) await storeOne(trx, e);
          return { moved: true, skipped: [] };
        }
        return { moved: true, skipped: await storeEachDocument(trx, entries) };
      }),
  };
}

/**
 * Each document's entries on a savepoint: PostgreSQL aborts the whole transaction on an
 * error, and rolling back to the savepoint is what lets the other documents' entries and
 * the cursor still commit.
 */
async function storeEachDocument(trx: Kysely<Tables>, entries: readonly DerivedEntry[]): Promise<SkippedDocument[]> {
  const skipped: SkippedDocument[] = [];
  for (const [documentId, list] of byDocument(entries)) {
    await sql`SAVEPOINT history_document`.execute(trx);
    try {
      for (const e of list) await storeOne(trx, e);
      await sql`RELEASE SAVEPOINT history_document`.execute(trx);
    } catch (error) {
      if (storeFailure(error) !== 'refused') throw error;
      await sql`ROLLBACK TO SAVEPOINT history_document`.execute(trx);
      skipped.push(skippedOf(documentId, list, error));
    }
  }
  return skipped;
}

async function storeOne(q: Kysely<Tables>, e: DerivedEntry): Promise<void> {
  // As on SQLite: only a change can merge, so nothing else looks up the newest entry.
  const previous = e.op !== 'changed' ? undefined : await q
    .selectFrom('document_history')
    .select(['id', 'op', 'user_id as userId', 'at', 'before', 'after'])
    .where('document_id', '=', e.documentId)
    .where('collection', '=', e.collection)
    .where('item_id', '=', e.id)
    .where('field', e.field === null ? 'is' : '=', e.field)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const step = stepFor(previous, e);
  if (step.kind === 'drop') await q.deleteFrom('document_history').where('id', '=', step.id).execute();
  else if (step.kind === 'merge') await q.updateTable('document_history').set({ at: e.at, after: encode(e.after), label: e.label, update_id: e.updateId }).where('id', '=', step.id).execute();
  else {
    // A document deleted meanwhile takes no entries (its rows went with it).
    const exists = await q.selectFrom('documents').select('id').where('id', '=', e.documentId).executeTakeFirst();
    if (!exists) return;
    const { documentId, at, userId, op, collection, id, label, field, updateId } = e;
    await q
      .insertInto('document_history')
      .values({ document_id: documentId, at, user_id: userId, op, collection, item_id: id, label, field, before: encode(e.before), after: encode(e.after), update_id: updateId })
      .execute();
  }
}

/** Filters of `GET …/history`; times in ms since the epoch, both ends included. */
export interface HistoryFilter {
  collection?: string;
  id?: string;
  field?: string;
  user?: string;
  from?: number;
  to?: number;
  limit: number;
}

/** The answer's entry (DESIGN): `user` null for changes the server made (a migration, a restore). */
export interface HistoryEntry {
  at: string;
  user: { id: string; name: string } | null;
  op: ChangeOp;
  collection: string;
  id: string;
  label: string;
  field: string | null;
  before: ChangeValue | null;
  after: ChangeValue | null;
}

/** A user whose row is gone altogether still has a name (DESIGN "Accounts": "Borttagen användare"). */
export const DELETED_USER_NAME = 'Borttagen användare';

/** A document's entries matching `filter`, newest first (by time, then by derivation order). */
export async function historyOf(kdb: Kdb, documentId: string, filter: HistoryFilter): Promise<HistoryEntry[]> {
  let query = kdb
    .selectFrom('document_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.at', 'h.user_id as userId', 'u.name as userName', 'h.op', 'h.collection', 'h.item_id as itemId', 'h.label', 'h.field', 'h.before', 'h.after'])
    .where('h.document_id', '=', documentId);
  if (filter.collection !== undefined) query = query.where('h.collection', '=', filter.collection);
  if (filter.id !== undefined) query = query.where('h.item_id', '=', filter.id);
  if (filter.field !== undefined) query = query.where('h.field', '=', filter.field);
  if (filter.user !== undefined) query = query.where('h.user_id', '=', filter.user);
  if (filter.from !== undefined) query = query.where('h.at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('h.at', '<=', filter.to);
  const rows = await query.orderBy('h.at', 'desc').orderBy('h.id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    user: row.userId === null ? null : { id: row.userId, name: row.userName ?? DELETED_USER_NAME },
    op: row.op,
    collection: row.collection,
    id: row.itemId,
    label: row.label,
    field: row.field,
    before: decode(row.before),
    after: decode(row.after),
  }));
}
