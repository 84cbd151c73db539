import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { INTL_LOCALE } from '../../../shared/locale.js';
import { api } from '../../api.js';
import { locale, t } from '../../i18n/index.js';
import { endSession } from '../../session.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

function when(iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale()], { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}

/** The person's sessions, this device first-class, and "Logga ut överallt". `version` re-reads the list when it changes. */
export function SessionList(props: { version: number }) {
  const navigate = useNavigate();
  const [sessions] = createResource(() => props.version, () => api.sessions().then((r) => r.sessions));
  const [error, setError] = createSignal<string | null>(null);
  const logOutEverywhere = async () => {
    try {
      await api.logoutEverywhere();
      // Leave first (as Layout's log-out): the sign-in page then says why (issue 15/16 item 5).
      navigate('/login');
      await endSession('everywhere');
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <>
      <p>{t('sessionsHelp')}</p>
      {/* A failed read says so (a 401 also signs the whole app out, api.ts); never "Laddar …" for ever. */}
      <ErrorText message={sessions.error ? messageOf(sessions.error, t('errorGeneric')) : null} />
      <Show when={!sessions.error && sessions()} fallback={<Show when={!sessions.error}><p role="status">{t('loading')}</p></Show>}>
        {(list) => (
          <ul class="cards" data-sessions>
            <For each={list()}>
              {(s) => (
                <li data-current={s.current ? 'true' : 'false'}>
                  <strong>{s.current ? t('thisDevice') : t('otherDevice')}</strong>: {t('signedInAt', { date: when(s.createdAt) })}, {t('lastUsedAt', { date: when(s.lastUsedAt) })},{' '}
                  {t('endsAt', { date: when(s.expiresAt) })}
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <p id="logout-everywhere-help" class="hint">
        {t('logOutEverywhereHelp')}
      </p>
      <button type="button" class="secondary" aria-describedby="logout-everywhere-help" onClick={() => void logOutEverywhere()}>
        {t('logOutEverywhere')}
      </button>
      <ErrorText message={error()} />
    </>
  );
}
