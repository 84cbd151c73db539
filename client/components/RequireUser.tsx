import { Navigate } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import type { User } from '../api.js';
import { t } from '../i18n/index.js';
import { me } from '../session.js';

/** Renders `children` for a signed-in person; sends everyone else to the log-in page. */
export function RequireUser(props: { children: (user: User) => JSX.Element }) {
  return (
    <Switch fallback={<p>{t('loading')}</p>}>
      <Match when={me.error}>
        <p role="alert">{t('errorGeneric')}</p>
      </Match>
      <Match when={me.state === 'ready' && me() === null}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname)}`} />
      </Match>
      <Match when={me()}>{(session) => props.children(session().user)}</Match>
    </Switch>
  );
}
