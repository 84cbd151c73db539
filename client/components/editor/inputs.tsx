/** Inputs bound to one field of a Yjs item: plain text, money, date, choice, number. */
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { currencyUnit, formatFieldAmount } from '../../../shared/money.js';
import { locale, money, t } from '../../i18n/index.js';
import { useEditor } from './context.js';
import { readAmount, type AmountProblem } from '../../lib/parse-input.js';
import { IntegerInput } from './typed-inputs.jsx';
import { useFieldDraft, useFieldFormat } from './field-draft.js';
import './amount-input.css';
import { createWholeText } from './amount-whole.js';
import { requiredTextProblem } from './not-saved.js';

// Dates are typed as ISO (typed-inputs.tsx); re-exported so every editor imports fields from here.
export { DateInput } from './typed-inputs.jsx';

type Write = (value: unknown) => void;

/** Enter commits a field the way leaving it does (a `change` event), without moving focus. */
export function commitOnEnter(event: KeyboardEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }): void {
  if (event.key === 'Enter') event.currentTarget.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * A one-line text field. `wrap` shows long text on several lines instead of cutting it
 * (Ansvar, Mottagare: issue 17 item 2) — a textarea that grows with its text; Enter still
 * commits rather than adding a line, as in a one-line field. Inside a `Field`, a value
 * another person commits while you type waits in the field's notice (field-draft.ts).
 * `required` (a document's title): a value with nothing visible is not saved; the field
 * keeps it, is marked invalid and says why, and Escape brings back the saved title.
 * Read-only (a viewer, a read-only document) it always wraps: nobody can scroll inside it
 * to read the rest (user test U14 item 2), and styles.css draws it without an input's border.
 */
export function TextInput(props: { id: string; describedBy: string; value: string; write: Write; maxLength?: number; wrap?: boolean; required?: boolean }) {
  const editor = useEditor();
  const wraps = () => props.wrap === true || !editor.editable;
  // A required text (a document's title, X17 finding 3): nothing visible is not saved, the field keeps it and says why.
  const [problem, setProblem] = createSignal<string | null>(null);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const commit = (control: HTMLInputElement | HTMLTextAreaElement) => {
    const value = wraps() ? control.value.replace(/\s*\n\s*/g, ' ') : control.value;
    const blank = requiredTextProblem(value, props.required === true, props.value, locale());
    setProblem(blank);
    if (blank !== null) return false;
    if (value !== props.value) props.write(value);
    return true;
  };
  const draft = useFieldDraft({ shown: () => props.value, format: text, commit, revert: () => setProblem(null) });
  const errorId = () => `${props.id}-error`;
  const shared = () => ({
    id: props.id,
    'aria-describedby': props.required ? `${props.describedBy} ${errorId()}` : props.describedBy,
    'aria-invalid': problem() !== null,
    readOnly: !editor.editable,
    maxLength: props.maxLength ?? 500,
  });
  return (
    <>
      <Show when={wraps()} fallback={<input {...shared()} ref={draft.ref} onInput={draft.onInput} onChange={draft.onChange} onKeyDown={draft.onKeyDown} onBlur={draft.onBlur} />}>
        <textarea {...shared()} class="wrap-input" rows={1} ref={draft.ref} onInput={draft.onInput} onChange={draft.onChange} onKeyDown={draft.onKeyDown} onBlur={draft.onBlur} />
      </Show>
      <Show when={props.required}>
        <span class="error field-error" id={errorId()} role="alert">
          {problem()}
        </span>
      </Show>
    </>
  );
}

/**
 * Money typed the Swedish way (`1 324 601`, `77 600 kr`) or the typist's language's
 * (`77,600` in English), stored as minor units; shown with its number and currency as the
 * totals write them in that language (`formatFieldAmount`, `currencyUnit`). Text that is not an amount, or is below zero, is not saved: the field keeps it, is
 * marked invalid and says why, and Escape brings back the saved value (issue 17).
 */
export function MoneyInput(props: { id: string; describedBy: string; value: number | null; write: Write }) {
  const editor = useEditor();
  const [problem, setProblem] = createSignal<{ kind: AmountProblem; text: string } | null>(null);
  // The unit as the totals write it in this language (kr, SEK, €), on the same side (issue 17).
  const unit = () => currencyUnit(editor.currency(), locale());
  const commit = (input: HTMLInputElement) => {
    const read = readAmount(input.value, locale());
    if ('problem' in read) {
      setProblem({ kind: read.problem, text: input.value.trim() });
      return false;
    }
    setProblem(null);
    if (read.value !== props.value) props.write(read.value);
    input.value = read.value === null ? '' : formatFieldAmount(read.value, locale());
    return true;
  };
  const draft = useFieldDraft({
    // Grouped and with decimals as the totals write them in this language (`230,000` in English, issue 17).
    shown: () => (props.value === null ? '' : formatFieldAmount(props.value, locale())),
    format: (value) => (typeof value === 'number' ? money(value, editor.currency()) : String(value)),
    commit,
    revert: () => setProblem(null),
  });
  const errorId = () => `${props.id}-error`;
  const saved = () => (props.value === null ? t('amountSavedEmpty') : money(props.value, editor.currency()));
  // Too long for its cell: shown whole under the field (amount-whole.ts, issue 17 item 3).
  const whole = createWholeText();
  createEffect(on(() => props.value, () => whole.check(true)));
  return (
    <span class="money">
      <input
        id={props.id}
        class="amount"
        inputMode="decimal"
        aria-describedby={`${props.describedBy} ${errorId()}`}
        aria-invalid={problem() !== null}
        readOnly={!editor.editable}
        ref={(el) => (draft.ref(el), whole.ref(el))}
        onInput={(event) => (draft.onInput(event), whole.check())}
        onChange={() => (draft.onChange(), whole.check(true))}
        onKeyDown={draft.onKeyDown}
        onBlur={draft.onBlur}
      />
      <span class="unit" aria-hidden="true" style={{ order: unit().before ? -1 : 0 }}>
        {unit().unit}
      </span>
      {/* The field reads the whole value to screen readers already: this is for the eye. */}
      <Show when={whole.text()}>{(text) => <span class="amount-whole" aria-hidden="true">{unit().before ? `${unit().unit} ${text()}` : `${text()} ${unit().unit}`}</span>}</Show>
      <span class="error field-error" id={errorId()} role="alert">
        <Show when={problem()}>{(p) => t(p().kind === 'negative' ? 'amountNotSavedNegative' : 'amountNotSaved', { text: p().text, saved: saved() })}</Show>
      </span>
    </span>
  );
}

/** A choice; it commits at once, so it has no draft, but its field's notices show option labels. */
export function SelectInput<T extends string>(props: { id: string; describedBy: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; write: Write }) {
  const editor = useEditor();
  useFieldFormat((value) => props.options.find((option) => option.value === value)?.label ?? String(value));
  return (
    <select id={props.id} aria-describedby={props.describedBy} value={props.value} disabled={!editor.editable} onChange={(e) => props.write(e.currentTarget.value)}>
      <For each={props.options}>{(option) => <option value={option.value}>{option.label}</option>}</For>
    </select>
  );
}

/** Progress in percent: a whole number 0–100. */
export function PercentInput(props: { id: string; describedBy: string; value: number; write: Write }) {
  return <IntegerInput id={props.id} describedBy={props.describedBy} value={props.value} write={props.write} min={0} max={100} error="percentInvalid" required />;
}
