import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, onCleanup, onMount, Show } from 'solid-js';
import { LOCALES, isLocale } from '../../shared/locale.js';
import { api } from '../api.js';
import { locale, setLocale, t } from '../i18n/index.js';
import { endSession, followPath, knownSession, refreshMe } from '../session.js';
import { PageError } from './PageError.jsx';
import { SkipLink } from './SkipLink.jsx';
import '../styles/responsive.css';

const LANGUAGE_NAMES = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' } as const;

export function Layout(props: RouteSectionProps) {
  const navigate = useNavigate();
  // Which page is shown decides whether the session is asked for (never on a guest's /s/ link).
  const where = useLocation();
  createEffect(() => followPath(where.pathname));
  const logOut = async () => {
    await api.logout().catch(() => undefined);
    // Leave the page first, then forget the user: the page's own redirect to the sign-in page
    // would otherwise replace its history entry, and Back would leave the app (issue 17 item 3).
    navigate('/login');
    // Forgets the person and deletes their local document copies (issue 15/16 item 1).
    void endSession('logged-out');
  };
  let header: HTMLElement | undefined;
  onMount(() => header && trackHeaderHeight(header));
  rereadSessionOnRestore();
  return (
    <>
      <div class="skip-links">
        <SkipLink target="main">{t('skipToContent')}</SkipLink>
        <span id="skip-slot" />
      </div>
      <header class="app-header" ref={header}>
        <A href="/" class="brand">
          {t('appName')}
        </A>
        <div id="header-slot" class="header-slot" />
        <label class="language">
          <span class="visually-hidden">{t('language')}</span>
          <select value={locale()} aria-label={t('language')} onChange={(e) => isLocale(e.currentTarget.value) && setLocale(e.currentTarget.value)}>
            {LOCALES.map((l) => (
              <option value={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </select>
        </label>
        <Show when={knownSession()}>
          {(session) => (
            <span class="user">
              <span class="user-name">{session().user.name}</span>
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
        <PageError>{props.children}</PageError>
      </main>
    </>
  );
}

/**
 * The header is sticky (issue 17 item 4); its height, which changes as it wraps, is the
 * scroll padding (`--header-height`) that keeps a focused field from hiding under it (WCAG 2.4.11).
 */
function trackHeaderHeight(header: HTMLElement): void {
  const observer = new ResizeObserver(() => document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`));
  observer.observe(header);
  onCleanup(() => observer.disconnect());
}

/**
 * A page restored from the back/forward cache (Back after logging out) shows what it showed
 * then: ask the server who is signed in now, so it turns into the sign-in page (issue 17 item 3).
 */
function rereadSessionOnRestore(): void {
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) void refreshMe();
  };
  window.addEventListener('pageshow', onPageShow);
  onCleanup(() => window.removeEventListener('pageshow', onPageShow));
}
