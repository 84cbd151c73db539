/**
 * What a person types or pastes into a co-edited text stays within its limit
 * (shared/content-limits.ts: a title 200 characters, any other text 20 000). The server
 * refuses an update past it (socket closed 1008, red team F5) and the refused update would
 * be sent again on every reconnect, so the editor keeps to it: a paste is cut to what fits,
 * on whole characters; typing past the limit adds nothing. Changes from others and from
 * undo (they arrive through Yjs) are never filtered.
 */
import { EditorSelection, EditorState, Transaction, type Extension, type TransactionSpec } from '@codemirror/state';
import { ySyncAnnotation } from 'y-codemirror.next';
import { characterLength, cutToLength, fitsLength } from '../../../shared/strings.js';

/** The transaction, or the same edit cut to fit `max` characters, or nothing. */
export function limitEdit(tr: Transaction, max: number): Transaction | TransactionSpec | readonly [] {
  if (!tr.docChanged || tr.annotation(ySyncAnnotation) !== undefined) return tr;
  if (tr.newDoc.length <= max || fitsLength(tr.newDoc.toString(), max)) return tr;
  // Already over (an older document's text) and not made longer: deleting must stay possible.
  if (tr.newDoc.length <= tr.startState.doc.length) return tr;
  const edits: Array<{ from: number; to: number; insert: string }> = [];
  tr.changes.iterChanges((from, to, _fromB, _toB, inserted) => edits.push({ from, to, insert: inserted.toString() }));
  const [edit] = edits;
  if (edits.length !== 1 || !edit) return [];
  const old = tr.startState.doc.toString();
  const kept = characterLength(old.slice(0, edit.from) + old.slice(edit.to));
  const insert = cutToLength(edit.insert, Math.max(0, max - kept));
  if (insert.length === 0 && edit.from === edit.to) return [];
  const result = old.slice(0, edit.from) + insert + old.slice(edit.to);
  if (!fitsLength(result, max)) return [];
  return { changes: { from: edit.from, to: edit.to, insert }, selection: EditorSelection.cursor(edit.from + insert.length), userEvent: tr.annotation(Transaction.userEvent) };
}

/** The editor extension keeping local edits within `max` characters. */
export function lengthLimit(max: number): Extension {
  return EditorState.transactionFilter.of((tr) => limitEdit(tr, max));
}
