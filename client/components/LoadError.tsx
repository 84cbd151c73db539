import { A } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { ApiError } from '../api.js';
import { t } from '../i18n/index.js';
import type { MessageKey } from '../i18n/messages.js';
import { firstClause } from '../lib/page-title.js';
import { PageHeading, usePageTitle } from './Page.jsx';

/** What kind of failure a page's load ran into, and so which way on to offer. */
export type LoadFailure = 'signed-out' | 'missing' | 'forbidden' | 'network' | 'failed';

/** The failure behind an error from `api.ts`: by HTTP status (DESIGN: errors are `{error:{code,message}}`). */
export function loadFailure(error: unknown): LoadFailure {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 401) return 'signed-out';
  if (error.status === 404) return 'missing';
  if (error.status === 403) return 'forbidden';
  if (error.status === 0) return 'network';
  return 'failed';
}

const TEXT: Record<Exclude<LoadFailure, 'missing'>, MessageKey> = {
  'signed-out': 'load_signedOut',
  forbidden: 'load_forbidden',
  network: 'load_network',
  failed: 'load_failed',
};

/**
 * A page that could not load says why, with a way on — sign in (and come back here), back to
 * the workspaces, or try again — never "Laddar …" for ever (issue 17 item 3).
 */
export function LoadError(props: { error: unknown; what: 'document' | 'workspace'; onRetry?: () => void; documentHref?: string }) {
  const failure = () => loadFailure(props.error);
  // A version page whose document is there but whose version is not (user test: it said the document was missing).
  const versionMissing = () => props.error instanceof ApiError && props.error.code === 'version.not-found';
  const text = () => {
    const kind = failure();
    if (kind === 'missing' && versionMissing()) return t('load_versionMissing');
    if (kind === 'missing') return t(props.what === 'document' ? 'load_documentMissing' : 'load_workspaceMissing');
    return t(TEXT[kind]);
  };
  usePageTitle(() => firstClause(text()));
  const here = () => `${location.pathname}${location.search}`;
  return (
    <section class="load-error" role="alert" data-load-error={failure()}>
      <PageHeading>{text()}</PageHeading>
      <p class="actions">
        <Switch>
          <Match when={failure() === 'signed-out'}>
            <A href={`/login?next=${encodeURIComponent(here())}`}>{t('logIn')}</A>
          </Match>
          <Match when={failure() === 'network' || failure() === 'failed'}>
            <button type="button" onClick={() => (props.onRetry ? props.onRetry() : location.reload())}>
              {t('retry')}
            </button>{' '}
            <A href="/">{t('toWorkspaces')}</A>
          </Match>
          <Match when={versionMissing() && props.documentHref}>
            {(href) => <A href={href()}>{t('load_toDocument')}</A>}
          </Match>
          <Match when={true}>
            <A href="/">{t('toWorkspaces')}</A>
          </Match>
        </Switch>
      </p>
    </section>
  );
}
