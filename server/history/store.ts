/**
 * The history table (migration 8; DESIGN "Audit and exports"): writing derived entries
 * with the merge rule, the deriver's cursor, and reading entries with filters.
 */
import type { ChangeOp, ChangeValue } from '../../shared/compare/index.js';
import { mergesInto, type HistoryChange } from '../../shared/history/entries.js';
import { statement, type Db } from '../db/database.js';

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

/** The newest update id whose changes are in the history. */
export function historyCursor(db: Db): number {
  const row = statement(db, 'SELECT last_update_id AS id FROM history_cursor WHERE id = 1').get() as { id: number } | undefined;
  return row?.id ?? 0;
}

/** The newest update id in the log (0 when it is empty): a rowid lookup, cheap enough for every pass. */
export function latestUpdateId(db: Db): number {
  const row = statement(db, 'SELECT MAX(id) AS id FROM document_updates').get() as { id: number | null } | undefined;
  return row?.id ?? 0;
}

/**
 * Stores `entries` (in the order they happened) and moves the cursor to `upTo`, in one
 * transaction: after a crash either both happened or neither, so nothing is lost or
 * written twice. An entry that merges (see `mergesInto`) updates the newest entry of its
 * item and field instead; one whose merged value is back to where it began is dropped.
 */
export function storeEntries(db: Db, entries: readonly DerivedEntry[], upTo: number): void {
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
  const cursor = statement(db, 'UPDATE history_cursor SET last_update_id = ? WHERE id = 1');
  db.transaction(() => {
    for (const e of entries) {
      const previous = newest.get(e.documentId, e.collection, e.id, e.field) as StoredRow | undefined;
      const prev = previous && { ...previous, before: decode(previous.before), after: decode(previous.after) };
      if (previous && prev && mergesInto(prev, e)) {
        if (JSON.stringify(prev.before) === JSON.stringify(e.after)) drop.run(previous.id);
        else merge.run(e.at, encode(e.after), e.label, e.updateId, previous.id);
        continue;
      }
      insert.run(e.documentId, e.at, e.userId, e.op, e.collection, e.id, e.label, e.field, encode(e.before), encode(e.after), e.updateId, e.documentId);
    }
    cursor.run(upTo);
  })();
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

const FILTER_SQL: Array<[keyof HistoryFilter, string]> = [
  ['collection', 'h.collection = ?'],
  ['id', 'h.item_id = ?'],
  ['field', 'h.field = ?'],
  ['user', 'h.user_id = ?'],
  ['from', 'h.at >= ?'],
  ['to', 'h.at <= ?'],
];

/** A document's entries matching `filter`, newest first (by time, then by derivation order). */
export function historyOf(db: Db, documentId: string, filter: HistoryFilter): HistoryEntry[] {
  const where = ['h.document_id = ?'];
  const params: Array<string | number> = [documentId];
  for (const [key, sql] of FILTER_SQL) {
    const value = filter[key];
    if (value === undefined) continue;
    where.push(sql);
    params.push(value);
  }
  // One prepared statement per combination of filters (at most 64), cached like every other.
  const rows = statement(
    db,
    `SELECT h.at, h.user_id AS userId, u.name AS userName, h.op, h.collection, h.item_id AS itemId, h.label, h.field, h.before, h.after
       FROM document_history h LEFT JOIN users u ON u.id = h.user_id
     WHERE ${where.join(' AND ')} ORDER BY h.at DESC, h.id DESC LIMIT ?`,
  ).all(...params, filter.limit) as Array<{
    at: number;
    userId: string | null;
    userName: string | null;
    op: ChangeOp;
    collection: string;
    itemId: string;
    label: string;
    field: string | null;
    before: string | null;
    after: string | null;
  }>;
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
