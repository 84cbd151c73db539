/**
 * Fields typed in the app's own formats (issue 17 item 5), not the browser's locale: dates as
 * `2027-03-15` (typed, or picked from a calendar), times as `09:30` (24 h), numbers with
 * the locale's decimal mark. Text that cannot be read shows an error and is kept for
 * correcting; it is never silently dropped.
 */
import { createSignal, Show, useContext, type JSX } from 'solid-js';
import { locale, t } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatDecimal, parseDate, parseDecimal, parseInteger, parseTime, type Parsed } from '../../lib/parse-input.js';
import { EditorContext } from './context.js';
import { useFieldDraft } from './field-draft.js';
import { dateReason, notSavedMessage } from './not-saved.js';

/** Whether the field may be edited: the editor's rule inside an editor, always in a plain form outside one. */
function useEditable(): boolean {
  return useContext(EditorContext)?.editable ?? true;
}

interface ParsedProps<T> {
  id: string;
  describedBy: string;
  /** The stored value; null shows an empty field. */
  value: T | null;
  write: (value: T | null) => void;
  /** The form field name, for a plain form that reads its fields with FormData. */
  name?: string;
}

/**
 * One text input that reads its text with `parse` on change (and on Enter), writes what it
 * read, and while the text is unreadable keeps it, sets aria-invalid and says, linked by
 * aria-describedby, that it was not saved, why (`error`) and that Escape brings back the
 * saved value (issue 17 follow-up: as the amount fields do). `children` sits beside the input.
 */
function ParsedInput<T>(props: ParsedProps<T> & { parse: (text: string) => Parsed<T>; format: (value: T) => string; error: MessageKey | ((text: string) => string); hint?: string; inputMode?: 'numeric' | 'decimal' | 'text'; class?: string; children?: JSX.Element }) {
  const editable = useEditable();
  // The text that could not be read, null while the field reads fine.
  const [problem, setProblem] = createSignal<string | null>(null);
  const invalid = () => problem() !== null;
  // Built when shown, so it follows the language and a saved value that changes meanwhile.
  const message = (text: string) => {
    const error = props.error;
    const reason = typeof error === 'function' ? error(text) : t(error);
    return notSavedMessage(reason, props.value === null ? null : props.format(props.value), locale());
  };
  const commit = (input: HTMLInputElement) => {
    const parsed = props.parse(input.value);
    if (parsed === undefined) {
      setProblem(input.value);
      return false;
    }
    setProblem(null);
    if (parsed !== props.value) props.write(parsed);
    input.value = parsed === null ? '' : props.format(parsed);
    return true;
  };
  // Inside a Field, a value another person commits while you type waits in its notice (field-draft.ts).
  const draft = useFieldDraft({
    shown: () => (props.value === null ? '' : props.format(props.value)),
    // A peer may have stored another type than this input writes: show it as text then.
    format: (value) => {
      try {
        return props.format(value as T);
      } catch {
        return String(value);
      }
    },
    commit,
    revert: () => setProblem(null),
  });
  const errorId = () => `${props.id}-error`;
  return (
    <span class={`typed ${props.class ?? ''}`}>
      <input
        id={props.id}
        name={props.name}
        inputMode={props.inputMode ?? 'text'}
        autocomplete="off"
        // A format hint is for typing: a read-only empty field reads "–" (user test U15 item 4).
        placeholder={editable ? props.hint : props.hint && '–'}
        aria-describedby={`${props.describedBy} ${errorId()}`}
        aria-invalid={invalid()}
        readOnly={!editable}
        ref={draft.ref}
        onInput={draft.onInput}
        onChange={draft.onChange}
        onKeyDown={draft.onKeyDown}
        onBlur={draft.onBlur}
      />
      {props.children}
      <span id={errorId()} class="error field-error" role="alert">
        {/* An empty text may be the problem too (a required number): test for null, not truthiness. */}
        <Show when={invalid()}>{message(problem() ?? '')}</Show>
      </span>
    </span>
  );
}

/** Why a typed date was not saved: a day the calendar lacks ("Datumet 2027-02-30 finns inte"), else the format (not-saved.ts). */
export function dateError(text: string): string {
  return dateReason(text, locale());
}

/**
 * A date as `ÅÅÅÅ-MM-DD`: one tab stop. The calendar button (mouse and touch; keyboard
 * users type) opens the browser's picker on a hidden date input and copies the ISO value.
 */
export function DateInput(props: ParsedProps<string>) {
  const editable = useEditable();
  let picker: HTMLInputElement | undefined;
  const open = () => {
    if (!picker) return;
    picker.value = props.value ?? '';
    try {
      picker.showPicker();
    } catch {
      picker.focus();
    }
  };
  return (
    <ParsedInput {...props} parse={parseDate} format={(v) => v} error={dateError} hint={t('dateHint')} inputMode="numeric" class="date-input">
      <Show when={editable}>
        <button type="button" class="icon picker" tabindex="-1" title={t('pickDate')} onClick={open}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5">
            <rect x="1.75" y="3" width="12.5" height="11" rx="1.5" />
            <path d="M1.75 6.5h12.5M5 1.5v3M11 1.5v3" />
          </svg>
          <span class="visually-hidden">{t('pickDate')}</span>
        </button>
        <input ref={picker} type="date" class="picker-proxy" tabindex="-1" aria-hidden="true" onChange={(e) => e.currentTarget.value && props.write(e.currentTarget.value)} />
      </Show>
    </ParsedInput>
  );
}

/** A clock time as `TT:MM`, 24 hours. An empty field stores `''` (no time). */
export function TimeInput(props: { id: string; describedBy: string; value: string; write: (value: string) => void }) {
  return <ParsedInput id={props.id} describedBy={props.describedBy} value={props.value || null} write={(v) => props.write(v ?? '')} parse={parseTime} format={(v) => v} error="timeInvalid" hint={t('timeHint')} inputMode="numeric" class="time-input" />;
}

/** A decimal number written with the locale's decimal mark (`125,5`); either mark is read. */
export function DecimalInput(props: ParsedProps<number>) {
  return <ParsedInput {...props} parse={parseDecimal} format={(v) => formatDecimal(v, locale())} error="numberInvalid" inputMode="decimal" class="number-input" />;
}

/** A whole number within `min`..`max`, with the error text that names the rule; `required` refuses an empty field. */
export function IntegerInput(props: ParsedProps<number> & { min: number; max: number; error: MessageKey; required?: boolean }) {
  // A required number (progress, minutes) reads an empty field as an error, not as "none".
  const parse = (text: string) => {
    const value = parseInteger(text, props.min, props.max);
    return value === null && props.required ? undefined : value;
  };
  return <ParsedInput {...props} parse={parse} format={(v) => String(v)} error={props.error} inputMode="numeric" class="number-input" />;
}
