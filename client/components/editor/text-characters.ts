/**
 * What a person types or pastes into a co-edited text holds no character no text may hold
 * (issue 17; shared/strings.ts `hasForbiddenCharacter`: controls but TAB/LF/CR, DEL, C1,
 * bidi embedding/override/isolate, lone surrogates). The server refuses an update inserting
 * one (socket closed 1008) and the refused update would be sent again on every reconnect,
 * so the editor removes them from local inserts, as length-limit.ts cuts lengths. Changes
 * from others and from undo arrive through Yjs and are not filtered here: undo's re-inserts
 * are cleaned in the undo manager (client/sync/undo-characters.ts).
 */
import { ChangeSet, EditorState, Transaction, type Extension, type TransactionSpec } from '@codemirror/state';
import { ySyncAnnotation } from 'y-codemirror.next';
import { hasForbiddenCharacter, withoutForbiddenCharacters } from '../../../shared/strings.js';

/**
 * The transaction, or the same edit with the forbidden characters of its inserts removed
 * (the cursor after each insert, as after a paste); a change left with nothing to insert
 * and nothing to delete disappears. Local edits only (no ySyncAnnotation).
 */
export function cleanEdit(tr: Transaction): Transaction | TransactionSpec {
  if (!tr.docChanged || tr.annotation(ySyncAnnotation) !== undefined) return tr;
  let found = false;
  tr.changes.iterChanges((_from, _to, _fromB, _toB, inserted) => void (found ||= hasForbiddenCharacter(inserted.toString())));
  if (!found) return tr;
  const edits: Array<{ from: number; to: number; insert: string }> = [];
  tr.changes.iterChanges((from, to, _fromB, _toB, inserted) => {
    const insert = withoutForbiddenCharacters(inserted.toString());
    if (insert.length > 0 || to > from) edits.push({ from, to, insert });
  });
  const changes = ChangeSet.of(edits, tr.startState.doc.length);
  return { changes, selection: tr.startState.selection.map(changes, 1), userEvent: tr.annotation(Transaction.userEvent) };
}

/** The editor extension removing forbidden characters from local edits (see `cleanEdit`). */
export function textCharacters(): Extension {
  return EditorState.transactionFilter.of(cleanEdit);
}
