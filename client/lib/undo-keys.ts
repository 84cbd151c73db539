/**
 * Ctrl/Cmd+Z inside a field (user test, issue 17): a field undoes its own unsaved typing the
 * browser's way; a field with nothing unsaved has nothing of its own to undo, so the key
 * goes to the document's undo (one's own saved changes), as in a spreadsheet. The field
 * marks such a keydown; the document page's key handler takes marked ones from fields.
 */
const forDocument = new WeakSet<KeyboardEvent>();

/** Ctrl/Cmd+Z or Shift+Ctrl/Cmd+Z, nothing else held. */
export function isUndoKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z';
}

/** Hands this undo/redo keydown from a field with nothing unsaved to the document's undo. */
export function passUndoToDocument(event: KeyboardEvent): void {
  forDocument.add(event);
}

/** Whether a field handed this keydown to the document's undo. */
export function isPassedToDocument(event: KeyboardEvent): boolean {
  return forDocument.has(event);
}
