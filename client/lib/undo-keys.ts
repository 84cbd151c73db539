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
