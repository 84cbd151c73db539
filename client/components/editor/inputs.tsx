/** Inputs bound to one field of a Yjs item: plain text, money, date, choice, number. */
import { createSignal, For, Show } from 'solid-js';
import { formatTableAmount, parseAmount } from '../../../shared/money.js';
import { t } from '../../i18n/index.js';
import { useEditor } from './context.js';
import { IntegerInput } from './typed-inputs.jsx';

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
 * commits rather than adding a line, as in a one-line field.
 */
export function TextInput(props: { id: string; describedBy: string; value: string; write: Write; maxLength?: number; wrap?: boolean }) {
  const editor = useEditor();
  const commitWrapped = (e: KeyboardEvent & { currentTarget: HTMLTextAreaElement }) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    commitOnEnter(e);
  };
  return (
    <Show
      when={props.wrap}
      fallback={
        <input
          id={props.id}
          aria-describedby={props.describedBy}
          value={props.value}
          readOnly={!editor.editable}
          maxLength={props.maxLength ?? 500}
          onKeyDown={commitOnEnter}
          onChange={(e) => props.write(e.currentTarget.value)}
        />
      }
    >
      <textarea
        id={props.id}
        class="wrap-input"
        rows={1}
        aria-describedby={props.describedBy}
        value={props.value}
        readOnly={!editor.editable}
        maxLength={props.maxLength ?? 500}
        onKeyDown={commitWrapped}
        onChange={(e) => props.write(e.currentTarget.value.replace(/\s*\n\s*/g, ' '))}
      />
    </Show>
  );
}

/** Money typed the Swedish way (`1 324 601`, `77 600 kr`), stored as minor units; shown with its currency. */
export function MoneyInput(props: { id: string; describedBy: string; value: number | null; write: Write }) {
  const editor = useEditor();
  const [error, setError] = createSignal(false);
  const commit = (input: HTMLInputElement) => {
    const parsed = parseAmount(input.value);
    if (parsed === undefined) return setError(true);
    setError(false);
    if (parsed !== props.value) props.write(parsed);
    input.value = parsed === null ? '' : formatTableAmount(parsed);
  };
  return (
    <span class="money">
      <input
        id={props.id}
        inputMode="decimal"
        aria-describedby={`${props.describedBy} ${props.id}-error`}
        aria-invalid={error()}
        value={props.value === null ? '' : formatTableAmount(props.value)}
        readOnly={!editor.editable}
        onChange={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget)}
      />
      <span class="unit" aria-hidden="true">
        {editor.currency() === 'SEK' || editor.currency() === 'NOK' || editor.currency() === 'DKK' ? 'kr' : editor.currency()}
      </span>
      <Show when={error()}>
        <span class="error" id={`${props.id}-error`} role="alert">
          {t('amountInvalid')}
        </span>
      </Show>
    </span>
  );
}

export function SelectInput<T extends string>(props: { id: string; describedBy: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; write: Write }) {
  const editor = useEditor();
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
