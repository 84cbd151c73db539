/**
 * The change list between two plain-JSON documents (DESIGN "Versions, changes, the live
 * draft": `compare` and `changes` answer `{changes, totals?}`).
 */
import type { PlanTotals } from '../totals.js';

/** A field's value as the export shape holds it: budgets and dates as values, texts as strings. */
export type FieldValue = string | number | boolean | null | readonly string[];

/** What `before`/`after` carry: a field's value, a whole item's fields, or a parent `{id, label}`. */
export type ChangeValue = FieldValue | Readonly<Record<string, FieldValue>>;

export const CHANGE_OPS = ['added', 'removed', 'changed', 'moved'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/**
 * One difference. `added` carries the item's fields in `after`, `removed` in `before`;
 * `changed` names the `field` with its two values; `moved` names the parent field
 * (`goalId`, `focusAreaId`, `meetingId`, `itemId`) with `{id, label}` of each parent.
 */
export interface Change {
  op: ChangeOp;
  collection: string;
  id: string;
  label: string;
  field?: string;
  before?: ChangeValue;
  after?: ChangeValue;
}

export interface CompareResult {
  changes: Change[];
  /** Action plans only: the plan's totals in each state (DESIGN "Plain-JSON export" `totals`). */
  totals?: { before: PlanTotals; after: PlanTotals };
}

/** Where an item sits: its parent's id (null: in no parent) and label, under `field`. */
export interface ParentRef {
  field: string;
  id: string | null;
  label: string;
}

/** One item of a document, flattened for comparing: its own scalar fields only. */
export interface FlatItem {
  collection: string;
  id: string;
  label: string;
  parent: ParentRef | null;
  fields: Record<string, FieldValue>;
}
