/**
 * Per-field history (DESIGN "Audit and exports", first bullet): which changes one edit
 * made, and when a new change folds into the previous entry. Pure: the differ is
 * `shared/compare` (the same one versions use), so history and compare never disagree
 * on what changed.
 */
import { diffItems, flatten } from '../compare/index.js';
import type { Change, ChangeOp, ChangeValue, FlatItem } from '../compare/index.js';
import type { DocumentJSON } from '../model/document.js';

/**
 * Keystrokes by one person in one text field with gaps of at most this long are one
 * entry (before = the first before, after = the last after); docs/history.md.
 */
export const HISTORY_MERGE_WINDOW_MS = 60_000;

/** One change an edit made: `field` is null for an added or removed item (its fields in `after`/`before`). */
export interface HistoryChange {
  op: ChangeOp;
  collection: string;
  id: string;
  label: string;
  field: string | null;
  before: ChangeValue | null;
  after: ChangeValue | null;
}

/** A state of a document as history compares it: compare's flattened items; null before the document exists. */
export type HistoryState = readonly FlatItem[] | null;

/** The state history compares of the export-shape `json` (null: no document yet). */
export function historyState(json: DocumentJSON | null): HistoryState {
  return json === null ? null : flatten(json);
}

/**
 * The changes from `before` to `after`, per item and field, in compare's order. A
 * document that had no content before (`null`) has no history yet: its first content is
 * its creation, not an edit, so nothing is listed.
 * @example historyChanges(toJSON(docBefore), toJSON(docAfter)) // [{op:'changed', collection:'activities', field:'budget', …}]
 */
export function historyChanges(before: DocumentJSON | null, after: DocumentJSON | null): HistoryChange[] {
  return historyChangesBetween(historyState(before), historyState(after));
}

/**
 * `historyChanges` of two states already flattened (`historyState`): the deriver keeps the
 * state after each run as the next run's before, so each run flattens its document once.
 * Compare's changes without its totals, which history does not list.
 */
export function historyChangesBetween(before: HistoryState, after: HistoryState): HistoryChange[] {
  if (before === null || after === null) return [];
  return historyChangesOf(diffItems(before, after));
}

/**
 * Compare's changes as history lists them: without fields compare computes (`isDerived`).
 * The deriver diffs only what a run touched (server/history/plan-tracker.ts) and lists the
 * result through this, so both ways name a change alike.
 */
export function historyChangesOf(changes: readonly Change[]): HistoryChange[] {
  return changes.filter((change) => !isDerived(change.collection, change.field)).map((change) => ({
    op: change.op,
    collection: change.collection,
    id: change.id,
    label: change.label,
    field: change.field ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  }));
}

/**
 * Fields compare computes rather than reads (a goal's budget is the sum of its activities'):
 * nobody edits them, so an activity's budget edit is one entry, not also one on its goal.
 */
const DERIVED_FIELDS: ReadonlySet<string> = new Set(['goals.budget']);

/** Whether `collection.field` is computed by compare, never edited (`DERIVED_FIELDS`): it has no history. */
export function isDerived(collection: string, field: string | null | undefined): boolean {
  return field != null && DERIVED_FIELDS.has(`${collection}.${field}`);
}

/** What the merge rule needs of an entry: its author, time (ms since the epoch) and values. */
export interface MergeCandidate {
  op: ChangeOp;
  userId: string | null;
  at: number;
  before: ChangeValue | null;
  after: ChangeValue | null;
}

/**
 * Whether `next` folds into `previous`, the newest entry of the same item and field: both
 * text changes (strings) by the same known person, `next` at most
 * `HISTORY_MERGE_WINDOW_MS` after `previous`. Numbers, dates typed as a whole, moves,
 * additions and removals, and server changes (no person) always stand alone.
 */
export function mergesInto(previous: MergeCandidate, next: MergeCandidate): boolean {
  if (previous.op !== 'changed' || next.op !== 'changed') return false;
  if (previous.userId === null || previous.userId !== next.userId) return false;
  if (!isText(previous.after) || !isText(next.before) || !isText(next.after)) return false;
  const gap = next.at - previous.at;
  return gap >= 0 && gap <= HISTORY_MERGE_WINDOW_MS;
}

function isText(value: ChangeValue | null): value is string {
  return typeof value === 'string';
}
