/**
 * Ctrl/Cmd+Z inside a field (user test, issue 17): a field undoes its own unsaved typing the
 * browser's way; a field with nothing unsaved has nothing of its own to undo, so the key
 * goes to the document's undo (one's own saved changes), as in a spreadsheet. The field
 * marks such a keydown; the document page's key handler takes marked ones from fields.
 */
const forDocument = new WeakSet<KeyboardEvent>();

/** What an undo key asks for. */
export type UndoStep = 'undo' | 'redo';

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * Ctrl/Cmd+Z undoes; Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo (Ctrl+Y as in Excel and Google
 * Sheets, user test); null for any other key or with Alt held.
 */
export function undoStepOf(event: KeyLike): UndoStep | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  return key === 'y' && !event.shiftKey ? 'redo' : null;
}

/** Whether the key is an undo or redo key (see `undoStepOf`). */
export function isUndoKey(event: KeyLike): boolean {
  return undoStepOf(event) !== null;
}

/** Hands this undo/redo keydown from a field with nothing unsaved to the document's undo. */
export function passUndoToDocument(event: KeyboardEvent): void {
  forDocument.add(event);
}

/** Whether a field handed this keydown to the document's undo. */
export function isPassedToDocument(event: KeyboardEvent): boolean {
  return forDocument.has(event);
}

/**
 * Where an undo key pressed in a text field goes (issue 17, C item 3), as in a spreadsheet
 * cell: to the field (the browser's own input undo/redo) while it has typing of its own to
 * take back or give back, else to the document. `drafted`: the field's text differs from
 * the stored value; `redoable`: input-undo steps the browser could redo (`redoDepth`).
 * Undo goes to the field while drafted. Redo goes to the field while the browser holds a
 * step of this field's to redo (else it skipped the draft: typed, undone, Ctrl+Shift+Z
 * redid the document instead); with none, a drafted field keeps it (nothing happens, as in
 * a cell) and an undrafted one hands it to the document.
 */
export function undoRouteOf(step: UndoStep, field: { drafted: boolean; redoable: number }): 'field' | 'document' {
  if (step === 'undo') return field.drafted ? 'field' : 'document';
  return field.redoable > 0 || field.drafted ? 'field' : 'document';
}

/**
 * The count of input-undo steps the browser can redo in a field after an `input` event of
 * `inputType` (InputEvent.inputType): one more after its own undo, one fewer after its redo,
 * none after any typing (which drops the browser's redo steps). A value set by the page
 * (the stored value shown) is no input event: the caller resets to 0 then.
 */
export function redoDepth(depth: number, inputType: string): number {
  if (inputType === 'historyUndo') return depth + 1;
  if (inputType === 'historyRedo') return Math.max(0, depth - 1);
  return 0;
}
