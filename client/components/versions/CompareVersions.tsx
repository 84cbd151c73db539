import { createSignal, For, Show } from 'solid-js';
import type { CompareResult } from '../../../shared/compare/types.js';
import { t } from '../../i18n/index.js';
import { versionsApi, type Version } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { ChangeList } from '../present/ChangeList.jsx';

/** Compare any two versions, or a version with the live draft; "Antagen version mot utkastet" in one click. */
export function CompareVersions(props: { documentId: string; versions: Version[]; currency: string }) {
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('live');
  const [result, setResult] = createSignal<CompareResult | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const hasAdopted = () => props.versions.some((v) => v.decision !== null);
  const run = async (a: string, b: string) => {
    setError(null);
    try {
      setResult(await versionsApi.compare(props.documentId, a, b));
    } catch (e) {
      setResult(null);
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  const options = () => [...props.versions.map((v) => ({ value: v.id, label: v.name })), { value: 'live', label: t('versions_live') }];
  return (
    <div class="compare">
      <Show when={hasAdopted()}>
        <p>
          <button type="button" data-compare="adopted" onClick={() => void run('adopted', 'live')}>
            {t('versions_adoptedVsLive')}
          </button>
        </p>
      </Show>
      <form class="inline" onSubmit={(e) => (e.preventDefault(), void run(from() || (props.versions[0]?.id ?? 'live'), to()))}>
        <label>
          {t('versions_from')}
          <select value={from() || (props.versions[0]?.id ?? 'live')} onChange={(e) => setFrom(e.currentTarget.value)}>
            <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </label>
        <label>
          {t('versions_to')}
          <select value={to()} onChange={(e) => setTo(e.currentTarget.value)}>
            <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </label>
        <button type="submit" class="secondary">
          {t('versions_compare')}
        </button>
      </form>
      <ErrorText message={error()} />
      <Show when={result()}>
        {(r) => (
          <div class="compare-result" aria-live="polite">
            <h3>{t('versions_compareResult')}</h3>
            <ChangeList result={r()} currency={props.currency} empty={t('versions_noDifferences')} />
          </div>
        )}
      </Show>
    </div>
  );
}
