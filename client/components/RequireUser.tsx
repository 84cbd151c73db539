import { Navigate } from '@solidjs/router';
import { createMemo, Match, Switch, type JSX } from 'solid-js';
import { ApiError, type User } from '../api.js';
import { t } from '../i18n/index.js';
import { knownSession, me, refreshMe, sessionEnd } from '../session.js';
import { LoadError } from './LoadError.jsx';

/**
 * Renders `children` for a signed-in person; sends everyone else to the log-in page — except a
 * person whose session just ended elsewhere (an API call answered 401): they read "Du har
 * loggats ut" here, with a sign-in link back to this page (issue 15/16 item 3).
 */
export function RequireUser(props: { children: (user: User) => JSX.Element; keepOnExpiry?: boolean }) {
  // A page that shows its own "Du har loggats ut" (the document page: its text stays readable)
  // keeps its content when a 401 ends the session; every other page is replaced below.
  let lastUser: User | undefined;
  const user = createMemo(() => {
    const current = knownSession()?.user;
    if (current) return (lastUser = current);
    return props.keepOnExpiry && sessionEnd() === 'expired' ? lastUser : undefined;
  });
  return (
    <Switch fallback={<p role="status">{t('loading')}</p>}>
      <Match when={user()}>{(kept) => props.children(kept())}</Match>
      <Match when={me.error as unknown}>
        <LoadError error={me.error} what="workspace" onRetry={() => void refreshMe()} />
      </Match>
      <Match when={me.state === 'ready' && knownSession() === null && sessionEnd() === 'expired'}>
        <LoadError error={new ApiError(401, 'unauthorized', t('load_signedOut'))} what="workspace" />
      </Match>
      <Match when={me.state === 'ready' && knownSession() === null}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname)}`} />
      </Match>
    </Switch>
  );
}
