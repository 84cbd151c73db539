import { For, Show } from 'solid-js';
import type { Change, CompareResult } from '../../../shared/compare/types.js';
import { INTL_LOCALE } from '../../../shared/locale.js';
import type { PlanTotals } from '../../../shared/totals.js';
import { locale, money, t } from '../../i18n/index.js';
import { fieldName } from '../history/history-text.js';
import { changeFieldName, changeValue, itemAmounts, moneyDelta, signedMoney } from './change-format.js';

/** An ISO 8601 time as the reader's date and time, e.g. "15 mars 2027 14:02". */
export function dateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat(INTL_LOCALE[locale()], { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

function ChangeItem(props: { change: Change; currency: string }) {
  const c = () => props.change;
  const showValues = () => c().op === 'changed' || c().op === 'moved';
  const delta = () => moneyDelta(c());
  return (
    <li class="change" data-op={c().op}>
      <span class="change-op">{t(`change_${c().op}`)}</span> <strong>{c().label || c().id}</strong>
      <Show when={changeFieldName(c())}>{(name) => <span class="muted"> · {name()}</span>}</Show>
      <For each={itemAmounts(c())}>
        {([field, amount]) => (
          <span class="change-amount">
            {' '}
            · {fieldName(field)}: <strong class="change-new">{money(amount, props.currency)}</strong>
          </span>
        )}
      </For>
      <Show when={showValues()}>
        <div class="change-values">
          <div>
            <span class="change-tag">{t('change_before')}:</span> <span class="change-old">{changeValue(c().field, c().before, props.currency)}</span>
          </div>
          <div>
            <span class="change-tag">{t('change_after')}:</span> <strong class="change-new">{changeValue(c().field, c().after, props.currency)}</strong>
            <Show when={delta()}>{(d) => <span class="change-delta"> ({signedMoney(d(), props.currency)})</span>}</Show>
          </div>
        </div>
      </Show>
    </li>
  );
}

/** A total in both states, with its signed difference; said only when it differs. */
function TotalLine(props: { label: string; before: number | null; after: number | null; currency: string; name: string }) {
  return (
    <Show when={props.before !== props.after}>
      <p class="change-totals" data-totals={props.name}>
        {props.label}: <span class="change-old">{money(props.before, props.currency)}</span> → <strong class="change-new">{money(props.after, props.currency)}</strong>
        <Show when={props.before !== null && props.after !== null}> ({signedMoney((props.after ?? 0) - (props.before ?? 0), props.currency)})</Show>
      </p>
    </Show>
  );
}

/** A compare or changes answer as a list: each change with before/after, then the plan's totals (planned, remaining). */
export function ChangeList(props: { result: CompareResult; currency: string; empty: string }) {
  const sums = (): { before: PlanTotals; after: PlanTotals } | undefined => props.result.totals;
  return (
    <>
      <Show when={props.result.changes.length > 0} fallback={<p>{props.empty}</p>}>
        <ul class="change-list">
          <For each={props.result.changes}>{(change) => <ChangeItem change={change} currency={props.currency} />}</For>
        </ul>
      </Show>
      <Show when={sums()}>
        {(s) => (
          <>
            <TotalLine name="planned" label={t('change_totals')} before={s().before.planned} after={s().after.planned} currency={props.currency} />
            <TotalLine name="remaining" label={t('remaining')} before={s().before.remaining} after={s().after.remaining} currency={props.currency} />
          </>
        )}
      </Show>
    </>
  );
}
