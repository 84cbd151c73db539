import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { RetryError } from '../RetryError.jsx';
import { historyApi } from './history-api.js';
import { historyLine } from './history-text.js';
import './history.css';

/** Entries one popover lists (the newest; the document's log has the rest). */
const POPOVER_ENTRIES = 20;

/**
 * "Historik" on an item (issue 20 item 1): a button that opens a small popover listing
 * who changed what on this item, newest first — "Budget ändrad av Erik Redaktör 14:02
 * (420 000 → 380 000 kr)". Read on opening (and again on each opening); any member may.
 * Mount it with one line in a row: `<HistoryButton collection="activities" id={a().id} label={name()} />`.
 */
export function HistoryButton(props: { collection: string; id: string; label: string; currency?: string }) {
  const params = useParams<{ doc: string }>();
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  const close = () => (setOpen(false), button?.focus());
  return (
    <span class="history-anchor">
      <button ref={button} type="button" class="icon history-button" aria-expanded={open()} onClick={() => setOpen(!open())} title={t('history_button')}>
        {/* An SVG, not the 🕘 emoji: without an emoji font (many work laptops) that is an empty box. */}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
          <circle cx="8" cy="8" r="6.2" />
          <path d="M8 4.5V8l2.4 1.6" />
        </svg>
        <span class="visually-hidden">{t('history_buttonFor', { label: props.label })}</span>
      </button>
      <Show when={open()}>
        <HistoryPopover documentId={params.doc} {...props} onClose={close} />
      </Show>
    </span>
  );
}

function HistoryPopover(props: { documentId: string; collection: string; id: string; label: string; currency?: string; onClose: () => void }) {
  const [entries, { refetch }] = createResource(
    () => ({ collection: props.collection, id: props.id }),
    async (filter) => (await historyApi.entries(props.documentId, { ...filter, limit: POPOVER_ENTRIES })).entries,
  );
  const now = Date.now();
  return (
    <div
      class="history-popover"
      role="dialog"
      aria-label={t('history_heading', { label: props.label })}
      ref={(el) => queueMicrotask(() => el.focus())}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), props.onClose())}
    >
      <div class="history-popover-head">
        <strong>{t('history_heading', { label: props.label })}</strong>
        <button type="button" class="icon" onClick={() => props.onClose()}>
          <span aria-hidden="true">×</span>
          <span class="visually-hidden">{t('history_close')}</span>
        </button>
      </div>
      <RetryError error={entries.error} onRetry={() => void refetch()} />
      {/* An errored resource throws when read: its error is shown above, with the retry. */}
      <Show when={!entries.error && entries()} fallback={<Show when={!entries.error}><p class="muted">{t('loading')}</p></Show>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t('history_none')}</p>}>
            <ul class="history-list">
              <For each={list()}>{(entry) => <li data-field={entry.field ?? ''}>{historyLine(entry, props.currency ?? 'SEK', now)}</li>}</For>
            </ul>
          </Show>
        )}
      </Show>
    </div>
  );
}
