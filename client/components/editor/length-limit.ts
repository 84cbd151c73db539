/**
 * What a person types or pastes into a co-edited text stays within its limit
 * (shared/content-limits.ts: a title 200 characters, any other text 20 000). The server
 * refuses an update past it (socket closed 1008, red team F5) and the refused update would
 * be sent again on every reconnect, so the editor keeps to it: a paste is cut to what fits,
 * on whole characters; typing past the limit adds nothing. Changes from others and from
 * undo (they arrive through Yjs) are never filtered.
 */
import { EditorSelection, EditorState, Transaction, type Extension, type Text, type TransactionSpec } from '@codemirror/state';
import { ySyncAnnotation } from 'y-codemirror.next';
import { characterLength, cutToLength, fitsLength, MAX_UNITS_PER_CHARACTER } from '../../../shared/strings.js';

/**
 * At most how many characters a document (CodeMirror's immutable `Text`) holds, for those
 * this filter counted or bounded: the next keystroke then adds to the bound instead of
 * counting the whole text again (a long emoji-heavy description was read whole on every key).
 */
const characterBound = new WeakMap<Text, number>();
/** Characters one change may add at its ends by splitting the characters there. */
const SPLIT_AT_ENDS = 3;

/**
 * Whether `tr`'s new document fits `max` characters, from the bound of its start document
 * when there is one: a change adds at most its inserted characters, plus three for the
 * characters it may split at its two ends (inside a surrogate pair, the rest re-segments as
 * a lone half, a ZWJ and what follows), plus two per deleted code unit (taking the high half
 * of the middle person out of a family emoji leaves three). The random test chains edits
 * at any code unit. Counts the whole text only when that bound is over `max`.
 */
function fits(tr: Transaction, max: number): boolean {
  const doc = tr.newDoc;
  if (doc.length <= max) return true;
  if (doc.length > max * MAX_UNITS_PER_CHARACTER) return false;
  const before = characterBound.get(tr.startState.doc);
  if (before !== undefined) {
    let bound = before;
    tr.changes.iterChanges((from, to, _fromB, _toB, inserted) => (bound += 2 * (to - from) + characterLength(inserted.toString()) + SPLIT_AT_ENDS));
    if (bound <= max) return characterBound.set(doc, bound), true;
  }
  const exact = characterLength(doc.toString());
  characterBound.set(doc, exact);
  return exact <= max;
}

/** What the filter made of a local edit: the edit to apply, and how many characters it left out. */
export interface LimitedEdit {
  result: Transaction | TransactionSpec | readonly [];
  dropped: number;
}

function insertedCharacters(tr: Transaction): number {
  let count = 0;
  tr.changes.iterChanges((_from, _to, _fromB, _toB, inserted) => (count += characterLength(inserted.toString())));
  return count;
}

/** The transaction, or the same edit cut to fit `max` characters, or nothing; with what was left out. */
export function cutEdit(tr: Transaction, max: number): LimitedEdit {
  const whole = { result: tr, dropped: 0 };
  if (!tr.docChanged || tr.annotation(ySyncAnnotation) !== undefined) return whole;
  // Already over (an older document's text) and not made longer: deleting must stay possible.
  if (tr.newDoc.length > max && tr.newDoc.length <= tr.startState.doc.length) return whole;
  if (fits(tr, max)) return whole;
  const refused = { result: [] as const, dropped: insertedCharacters(tr) };
  const edits: Array<{ from: number; to: number; insert: string }> = [];
  tr.changes.iterChanges((from, to, _fromB, _toB, inserted) => edits.push({ from, to, insert: inserted.toString() }));
  const [edit] = edits;
  if (edits.length !== 1 || !edit) return refused;
  const old = tr.startState.doc.toString();
  const kept = characterLength(old.slice(0, edit.from) + old.slice(edit.to));
  const insert = cutToLength(edit.insert, Math.max(0, max - kept));
  if (insert.length === 0 && edit.from === edit.to) return refused;
  const result = old.slice(0, edit.from) + insert + old.slice(edit.to);
  if (!fitsLength(result, max)) return refused;
  const spec = { changes: { from: edit.from, to: edit.to, insert }, selection: EditorSelection.cursor(edit.from + insert.length), userEvent: tr.annotation(Transaction.userEvent) };
  return { result: spec, dropped: refused.dropped - characterLength(insert) };
}

/** The transaction, or the same edit cut to fit `max` characters, or nothing. */
export function limitEdit(tr: Transaction, max: number): Transaction | TransactionSpec | readonly [] {
  return cutEdit(tr, max).result;
}

/**
 * The editor extension keeping local edits within `max` characters. `report` hears of each
 * local edit: the characters it left out (> 0), or 0 when it kept all, so a notice can say
 * what did not fit and go away with the next edit that fits (user test: a 30 000-character
 * paste lost 10 000 without a word).
 */
export function lengthLimit(max: number, report?: (dropped: number) => void): Extension {
  return EditorState.transactionFilter.of((tr) => {
    const { result, dropped } = cutEdit(tr, max);
    if (report && tr.docChanged && tr.annotation(ySyncAnnotation) === undefined) report(dropped);
    return result;
  });
}
