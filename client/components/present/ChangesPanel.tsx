import { createEffect, createSignal, on, Show } from 'solid-js';
import type * as Y from 'yjs';
import { ApiError } from '../../api.js';
import { t } from '../../i18n/index.js';
import { createSettledRevision } from '../../sync/present-document.js';
import type { ChangesSince, VersionsSource } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { RetryError } from '../RetryError.jsx';
import { ChangeList, dateTime } from './ChangeList.jsx';
import { noticeHolds, type ChangesNotice } from './changes-notice.js';

/**
 * The list and its refreshes: fetched at once and again after each burst of changes to the
 * live document (`createSettledRevision`), keeping the last list shown while a new one loads.
 */
function useChangesSince(source: () => VersionsSource, doc: Y.Doc) {
  const [list, setList] = createSignal<ChangesSince | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  let request = 0;
  const load = async () => {
    const mine = ++request;
    try {
      const result = await source().changesSince();
      if (mine !== request) return;
      setList(result);
      setLoadError(null);
    } catch (e) {
      if (mine === request) setLoadError(messageOf(e, t('errorGeneric')));
    }
  };
  const revision = createSettledRevision(doc);
  createEffect(on([source, revision], () => void load()));
  return { list, loadError, load };
}

/**
 * "Ändrat sedan ditt senaste besök" (DESIGN "Versions, changes, the live draft"):
 * `GET …/changes?since=last-visit`, refreshed while the draft changes; "Markera som läst"
 * sends the `to.at` of the list shown (`POST …/visits {at}`), so an edit made after it is
 * never marked read (409 `visit.stale`: the list is fetched again and says so). Only the
 * button moves the visit: closing, reloading or leaving the page marks nothing read, so an
 * unread change is listed again next time (user test U13).
 * `source`: a member's routes (`memberSource`, the visit kept on the server) or a share
 * link's (guest-source.ts: the visit kept by the guest's browser).
 */
export function ChangesPanel(props: { source: VersionsSource; currency: string; doc: Y.Doc }) {
  const { list, loadError, load } = useChangesSince(() => props.source, props.doc);
  const [error, setError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<ChangesNotice | null>(null);
  // A newer change arriving under "Markerat som läst." makes it untrue: it goes (u11).
  createEffect(on(list, (shown) => !noticeHolds(notice(), shown) && setNotice(null)));
  const markRead = async () => {
    setError(null);
    setNotice(null);
    const shown = list();
    try {
      await props.source.markRead(shown?.to.at);
      setNotice('marked');
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'visit.stale') {
        setNotice('stale');
        await load();
      } else setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <section class="changes-panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('changes_heading')}</h2>
      <RetryError error={loadError()} onRetry={() => void load()} />
      <Show when={list()} fallback={<Show when={!loadError()}><p role="status">{t('loading')}</p></Show>}>
        {(result) => (
          <div data-changes-at={result().to.at}>
            <Show when={result().from.at}>{(at) => <p class="muted">{t('changes_since', { time: dateTime(at()) })}</p>}</Show>
            <Show when={result().from.kind !== 'none'} fallback={<p>{t('changes_firstVisit')}</p>}>
              <ChangeList result={result()} currency={props.currency} empty={t('changes_none')} />
            </Show>
          </div>
        )}
      </Show>
      <button type="button" class="secondary" onClick={() => void markRead()}>
        {t('changes_markRead')}
      </button>
      <Show when={notice()}>{(shown) => <p role="status" data-changes-notice={shown()}>{t(`changes_${shown()}`)}</p>}</Show>
      <ErrorText message={error()} />
    </section>
  );
}
