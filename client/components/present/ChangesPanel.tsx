import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.js';
import { versionsApi } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { ChangeList, dateTime } from './ChangeList.jsx';

/**
 * "Ändrat sedan ditt senaste besök" (DESIGN "Versions, changes, the live draft"):
 * `GET …/changes?since=last-visit`, and "Markera som läst" (`POST …/visits`) which moves the
 * starting point to now.
 */
export function ChangesPanel(props: { documentId: string; currency: string }) {
  const [changes, { refetch }] = createResource(() => props.documentId, (id) => versionsApi.changesSinceLastVisit(id));
  const [error, setError] = createSignal<string | null>(null);
  const [marked, setMarked] = createSignal(false);
  const markRead = async () => {
    setError(null);
    try {
      await versionsApi.markVisited(props.documentId);
      setMarked(true);
      await refetch();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <section class="changes-panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('changes_heading')}</h2>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={changes.error as unknown}>
          <p class="error">{messageOf(changes.error, t('errorGeneric'))}</p>
        </Match>
        <Match when={changes()}>
          {(result) => (
            <>
              <Show when={result().from.at}>{(at) => <p class="muted">{t('changes_since', { time: dateTime(at()) })}</p>}</Show>
              <Show when={result().from.kind !== 'none'} fallback={<p>{t('changes_firstVisit')}</p>}>
                <ChangeList result={result()} currency={props.currency} empty={t('changes_none')} />
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <button type="button" class="secondary" onClick={() => void markRead()}>
        {t('changes_markRead')}
      </button>
      <Show when={marked()}>
        <p role="status">{t('changes_marked')}</p>
      </Show>
      <ErrorText message={error()} />
    </section>
  );
}
