/**
 * One's caret sent once a frame (issue 17 item 14): y-codemirror sets the awareness `cursor`
 * field in every keystroke's handlers, and setting it encodes and sends an awareness message
 * and runs every presence listener before the frame that shows the key. Kept pure of the DOM:
 * the frame scheduler is passed in (requestAnimationFrame in the editor).
 */

/** What y-codemirror uses of an awareness (client/sync/presence.ts caretAwareness). */
export interface CaretTarget {
  getLocalState: () => Record<string, unknown> | null;
  setLocalStateField: (field: string, value: unknown) => void;
}

/** requestAnimationFrame and cancelAnimationFrame, or a test's stand-in. */
export interface FrameClock {
  request: (run: () => void) => number;
  cancel: (id: number) => void;
}

/**
 * `awareness` with its `cursor` field written once a frame, the latest value; other fields
 * pass at once. The local state read back holds the pending caret, as y-codemirror compares
 * a new caret with the one it last set (a caret moved and moved back within a frame must
 * not leave the in-between one). `flush` sends a pending caret now (the editor's cleanup).
 */
export function caretOncePerFrame<T extends CaretTarget>(awareness: T, clock: FrameClock): { awareness: T; flush: () => void } {
  let pending: { value: unknown } | null = null;
  let frame: number | null = null;
  const flush = () => {
    if (frame !== null) clock.cancel(frame);
    frame = null;
    const next = pending;
    pending = null;
    if (next) awareness.setLocalStateField('cursor', next.value);
  };
  const setLocalStateField = (field: string, value: unknown) => {
    if (field !== 'cursor') return awareness.setLocalStateField(field, value);
    pending = { value };
    frame ??= clock.request(flush);
  };
  const getLocalState = () => {
    const state = awareness.getLocalState();
    return pending && state ? { ...state, cursor: pending.value } : state;
  };
  return { awareness: { ...awareness, getLocalState, setLocalStateField }, flush };
}
