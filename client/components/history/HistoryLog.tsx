import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { RetryError } from '../RetryError.jsx';
import { historyApi, type HistoryEntry, type HistoryFilter } from './history-api.js';
import { emptyHistoryText, fieldName, historyLine } from './history-text.js';
import './history.css';
import { FormDateInput } from '../FormDateInput.jsx';

/** A day `YYYY-MM-DD` (the reader's own calendar) as the ISO time it starts, or ends. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const local = end ? new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999) : new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}

/** The people and fields that occur, for the filters' choices. */
function choicesOf(entries: readonly HistoryEntry[]) {
  const people = new Map<string, string>();
  const fields = new Set<string>();
  for (const e of entries) {
    if (e.user) people.set(e.user.id, e.user.name);
    if (e.field) fields.add(e.field);
  }
  return { people: [...people].sort((a, b) => a[1].localeCompare(b[1])), fields: [...fields].sort() };
}

/**
 * The log's two loads (the people and fields to filter by, the entries), read safely: an
 * errored resource throws when read, so its error is shown by RetryError, whose retry loads
 * again what failed.
 */
function useHistoryLoads(documentId: () => string, opened: () => boolean, filter: () => HistoryFilter | null) {
  const [choices, { refetch: refetchChoices }] = createResource(opened, async () => choicesOf((await historyApi.entries(documentId(), { limit: 500 })).entries));
  const [entries, { refetch }] = createResource(filter, async (f) => (await historyApi.entries(documentId(), f)).entries);
  return {
    choices: () => (choices.error ? undefined : choices()),
    entries: () => (entries.error ? undefined : entries()),
    error: () => entries.error ?? choices.error,
    retry: () => {
      if (choices.error) void refetchChoices();
      if (entries.error) void refetch();
    },
  };
}

/**
 * The document's change log (issue 20 item 1): every entry, newest first, filtered by
 * person, field and period. Closed at first; read when opened, so a document opens with
 * no extra request. Mount it with one line beside the versions panel.
 */
export function HistoryLog(props: { documentId: string; currency?: string }) {
  const [opened, setOpened] = createSignal(false);
  const [filter, setFilter] = createSignal<HistoryFilter | null>(null);
  const loads = useHistoryLoads(() => props.documentId, opened, filter);
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    setFilter({ user: text('user'), field: text('field'), from: dayBound(text('from'), false), to: dayBound(text('to'), true) });
  };
  let form: HTMLFormElement | undefined;
  return (
    <details class="history-log panel" onToggle={(e) => e.currentTarget.open && !opened() && (setOpened(true), setFilter({}))}>
      <summary>
        <h2>{t('history_log')}</h2>
      </summary>
      <form ref={form} onSubmit={(e) => (e.preventDefault(), apply(e.currentTarget))} onChange={() => form && apply(form)}>
        <label>
          {t('history_person')}
          <select name="user">
            <option value="">{t('history_all')}</option>
            <For each={loads.choices()?.people ?? []}>{([id, name]) => <option value={id}>{name}</option>}</For>
          </select>
        </label>
        <label>
          {t('history_field')}
          <select name="field">
            <option value="">{t('history_all')}</option>
            <For each={loads.choices()?.fields ?? []}>{(field) => <option value={field}>{fieldName(field)}</option>}</For>
          </select>
        </label>
        <label>
          {t('history_from')}
          <FormDateInput name="from" />
        </label>
        <label>
          {t('history_to')}
          <FormDateInput name="to" />
        </label>
        <button type="submit" class="secondary">
          {t('history_show')}
        </button>
      </form>
      <RetryError error={loads.error()} onRetry={loads.retry} />
      <Show when={loads.entries()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{emptyHistoryText(filter())}</p>}>
            <ul class="history-list" aria-live="polite">
              <For each={list()}>{(e) => <li><strong>{e.label}</strong>: {historyLine(e, props.currency ?? 'SEK')}</li>}</For>
            </ul>
          </Show>
        )}
      </Show>
    </details>
  );
}
