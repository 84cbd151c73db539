/**
 * The input side of a guarded field (client/sync/field-binding.ts, issue 17 item 10): the
 * input's text follows the stored value, except while its typist has a draft; then a remote
 * value waits in the field's notice until the typist chooses. Outside a `Field` (a plain
 * form) there is no guard and the input simply follows the value.
 */
import { createContext, createEffect, on, useContext } from 'solid-js';
import type { FieldGuard } from '../../sync/field-binding.js';
import { passUndoToDocument, redoDepth, undoRouteOf, undoStepOf } from '../../lib/undo-keys.js';

/** What a field's notice needs of its input. */
export interface FieldInput {
  /** A stored value as the input shows it (`380 000 kr`, `2027-03-15`, a status's label). */
  format(value: unknown): string;
  /** Commits the draft over the remote value ("Behåll mitt"). */
  keepMine?(): void;
  /** Drops the draft and shows the stored value ("Använd deras"). */
  useTheirs?(): void;
}

export interface FieldContextValue {
  guard: FieldGuard;
  register(input: FieldInput): void;
}

export const FieldContext = createContext<FieldContextValue>();

/** Tells the enclosing field how its values read (for inputs without drafts, like a select). */
export function useFieldFormat(format: (value: unknown) => string): void {
  useContext(FieldContext)?.register({ format });
}

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds a text control to a stored value under the enclosing field's guard. `commit` reads
 * the control and writes; it returns false when the text could not be read (the text stays
 * for correcting, still a draft); Escape puts the saved value back and calls `revert` (to
 * clear the input's error). Spread the returned handlers on the control.
 * @example const draft = useFieldDraft({ shown: () => props.value, format: String, commit: (el) => (props.write(el.value), true) });
 */
export function useFieldDraft<E extends TextControl>(options: { shown: () => string; format: (value: unknown) => string; commit: (control: E) => boolean; revert?: () => void }) {
  const field = useContext(FieldContext);
  const guard = field?.guard;
  let control: E | undefined;
  // Input-undo steps the browser could redo here (undo-keys.ts redoDepth); a value the page sets drops them.
  let redoable = 0;
  followStoredValue(() => control, options.shown, guard, () => (redoable = 0));
  const commit = () => {
    if (control && options.commit(control)) guard?.settle();
    redoable = 0;
  };
  field?.register({
    format: options.format,
    keepMine: () => {
      commit();
      control?.focus();
    },
    useTheirs: () => {
      guard?.settle();
      control?.focus();
    },
  });
  return {
    ref: (element: E) => {
      control = element;
      // A draft whose conflict waited when the page was reloaded comes back with it (issue 17 item 2).
      control.value = guard?.restoredDraft() ?? options.shown();
    },
    onInput: (event: Event) => {
      redoable = redoDepth(redoable, event instanceof InputEvent ? event.inputType : '');
      guard?.draft(control?.value);
    },
    // Leaving the field while a remote value waits keeps the draft until the typist chooses.
    onChange: () => {
      if (!guard?.held()) commit();
    },
    // Enter is an explicit commit, also over a waiting remote value; in a one-line
    // textarea it adds no line, in a plain form's input it still submits the form.
    onKeyDown: (event: KeyboardEvent) => {
      // Escape brings back the saved value over text that was not saved (issue 17), as in a spreadsheet.
      if (event.key === 'Escape' && control && control.value !== options.shown()) {
        event.preventDefault();
        event.stopPropagation();
        control.value = options.shown();
        redoable = 0;
        guard?.settle();
        options.revert?.();
        return;
      }
      if (control && undoToDocument(event, { drafted: control.value !== options.shown(), redoable })) return guard?.settle();
      if (event.key !== 'Enter') return;
      if (event.currentTarget instanceof HTMLTextAreaElement) event.preventDefault();
      commit();
    },
    // Typed and typed back: no change event, but no draft either.
    onBlur: () => {
      if (control && !guard?.held() && control.value === options.shown()) guard?.settle();
    },
  };
}

/**
 * The control shows the stored value (`shown`) while its typist has no draft (`dropRedo`
 * then: the page set the text), and a draft from before a reload when it comes back — which
 * may be only once the server's state has (field-binding.ts).
 */
function followStoredValue(control: () => TextControl | undefined, shown: () => string, guard: FieldGuard | undefined, dropRedo: () => void): void {
  createEffect(() => {
    const text = shown();
    const drafting = guard?.drafting() ?? false;
    const element = control();
    if (element && !drafting && element.value !== text) {
      element.value = text;
      dropRedo();
    }
  });
  createEffect(
    on(
      () => guard?.restoredDraft() ?? null,
      (draft) => {
        const element = control();
        if (element && draft !== null) element.value = draft;
      },
      { defer: true },
    ),
  );
}

/**
 * Undo and redo, as in a spreadsheet cell (undo-keys.ts undoRouteOf): the field's own typing
 * first, by the browser's input undo; with nothing of its own left, the document's: then the
 * keydown is handed to the document page and the caller settles the field (a draft typed
 * back to the saved text is no draft, so the undone value shows).
 */
function undoToDocument(event: KeyboardEvent, field: { drafted: boolean; redoable: number }): boolean {
  const step = undoStepOf(event);
  if (step === null || undoRouteOf(step, field) === 'field') return false;
  passUndoToDocument(event);
  return true;
}
