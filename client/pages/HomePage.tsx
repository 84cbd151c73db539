import { A, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { countryOfLocale, isCountry } from '../../shared/country.js';
import { api } from '../api.js';
import { CountryChoice } from '../components/CountryChoice.jsx';
import { ErrorText, messageOf } from '../components/ErrorText.jsx';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { locale, t } from '../i18n/index.js';
import { browserOnline } from '../lib/online.js';
import { knownSession, refreshMe } from '../session.js';

/**
 * `/`: the person's workspaces and "Ny arbetsyta". Offline (the browser says so) the list is
 * the service worker's last answer of `/api/me`: marked so, with the same words as the
 * workspace page's offline list, and creating is disabled with why (user test u11); back
 * online the list is asked for again by itself.
 */
export function HomePage() {
  const navigate = useNavigate();
  createEffect(on(browserOnline, (online) => online && void refreshMe(), { defer: true }));
  const [error, setError] = createSignal<string | null>(null);
  usePageTitle(() => t('workspaces'));
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    try {
      const data = new FormData(form);
      const country = data.get('country');
      const created = await api.createWorkspace(String(data.get('name') ?? ''), isCountry(country) ? country : countryOfLocale(locale()));
      await refreshMe();
      navigate(`/w/${created.id}`);
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <RequireUser>
      {() => (
        <section>
          <PageHeading>{t('workspaces')}</PageHeading>
          <Show when={!browserOnline()}>
            <p role="status" class="offline-note" id="offline-home-note" data-offline-home>
              {t('offline_home')}
            </p>
          </Show>
          <Show when={(knownSession()?.workspaces.length ?? 0) > 0} fallback={<p>{t('noWorkspaces')}</p>}>
            <ul class="cards">
              <For each={knownSession()?.workspaces}>
                {(ws) => (
                  <li>
                    <A href={`/w/${ws.id}`}>{ws.name}</A> <span class="role">{t(`role_${ws.role}`)}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <h2>{t('newWorkspace')}</h2>
          <form class="inline" onSubmit={(e) => void create(e)}>
            <label>
              {t('workspaceName')}
              <input name="name" required maxlength="200" />
            </label>
            <CountryChoice describedBy="country-help" />
            <button type="submit" disabled={!browserOnline()} aria-describedby={browserOnline() ? undefined : 'offline-home-note'}>
              {t('create')}
            </button>
          </form>
          <p id="country-help" class="muted hint">
            {t('workspaceCountryHelp')}
          </p>
          <ErrorText message={error()} />
        </section>
      )}
    </RequireUser>
  );
}
