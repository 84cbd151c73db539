import { For, Show } from 'solid-js';
import type { Change, ChangeValue, CompareResult } from '../../../shared/compare/types.js';
import { INTL_LOCALE } from '../../../shared/locale.js';
import { locale, money, t } from '../../i18n/index.js';

/** Fields holding amounts in minor units (shared/compare: budgets as values). */
const MONEY_FIELDS: ReadonlySet<string> = new Set(['budget', 'amount', 'frame', 'frameWithIncome', 'spentBefore']);

/** An ISO 8601 time as the reader's date and time, e.g. "15 mars 2027 14:02". */
export function dateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat(INTL_LOCALE[locale()], { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** A value in words: amounts as money, lists joined, a parent `{id, label}` by its label. */
export function changeValue(field: string | undefined, value: ChangeValue | undefined, currency: string): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'number') return field && MONEY_FIELDS.has(field) ? money(value, currency) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '–';
  if (Array.isArray(value)) return value.join(', ');
  const record = value as Readonly<Record<string, unknown>>;
  return typeof record.label === 'string' ? record.label : '';
}

function ChangeItem(props: { change: Change; currency: string }) {
  const c = () => props.change;
  const showValues = () => c().op === 'changed' || c().op === 'moved';
  return (
    <li class="change" data-op={c().op}>
      <span class="change-op">{t(`change_${c().op}`)}</span> <strong>{c().label || c().id}</strong>
      <Show when={c().field && c().op === 'changed'}>
        <span class="muted"> · {c().field}</span>
      </Show>
      <Show when={showValues()}>
        <div class="change-values">
          <span>
            <span class="change-tag">{t('change_before')}:</span> <del>{changeValue(c().field, c().before, props.currency)}</del>
          </span>
          <span>
            <span class="change-tag">{t('change_after')}:</span> <ins>{changeValue(c().field, c().after, props.currency)}</ins>
          </span>
        </div>
      </Show>
    </li>
  );
}

/** A compare or changes answer as a list: each change with before/after, then the plan's total. */
export function ChangeList(props: { result: CompareResult; currency: string; empty: string }) {
  const planned = () => props.result.totals;
  return (
    <>
      <Show when={props.result.changes.length > 0} fallback={<p>{props.empty}</p>}>
        <ul class="change-list">
          <For each={props.result.changes}>{(change) => <ChangeItem change={change} currency={props.currency} />}</For>
        </ul>
      </Show>
      <Show when={planned()}>
        {(sums) => (
          <Show when={sums().before.planned !== sums().after.planned}>
            <p class="change-totals">
              {t('change_totals')}: <del>{money(sums().before.planned, props.currency)}</del> → <ins>{money(sums().after.planned, props.currency)}</ins>
            </p>
          </Show>
        )}
      </Show>
    </>
  );
}
