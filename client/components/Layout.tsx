import { A, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { LOCALES, isLocale } from '../../shared/locale.js';
import { api } from '../api.js';
import { locale, setLocale, t } from '../i18n/index.js';
import { me, setMe } from '../session.js';

const LANGUAGE_NAMES = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' } as const;

export function Layout(props: RouteSectionProps) {
  const navigate = useNavigate();
  const logOut = async () => {
    await api.logout().catch(() => undefined);
    setMe(null);
    navigate('/login');
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <A href="/" class="brand">
          {t('appName')}
        </A>
        <div id="header-slot" class="header-slot" />
        <label class="language">
          <span class="visually-hidden">{t('language')}</span>
          <select value={locale()} onChange={(e) => isLocale(e.currentTarget.value) && setLocale(e.currentTarget.value)}>
            {LOCALES.map((l) => (
              <option value={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </select>
        </label>
        <Show when={me()}>
          {(session) => (
            <span class="user">
              {session().user.name}
              <A href="/konto" data-account-link>
                {t('account')}
              </A>
              <button type="button" class="link-button" onClick={() => void logOut()}>
                {t('logOut')}
              </button>
            </span>
          )}
        </Show>
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
    </>
  );
}
