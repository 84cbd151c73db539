import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { api, ApiError } from '../api.js';
import { ErrorText, messageOf } from '../components/ErrorText.jsx';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { RetryError } from '../components/RetryError.jsx';
import { longDate, t } from '../i18n/index.js';
import type { MessageKey } from '../i18n/messages.js';
import { useRetryWhenOnline } from '../lib/retry-when-online.js';
import { knownSession, me, refreshMe } from '../session.js';

/** The server's codes for a link that cannot be used (README "Contract notes"), in the reader's language. */
const LINK_ERRORS: Record<string, MessageKey> = {
  'invitation.expired': 'invitation_expired',
  'invitation.used': 'invitation_used',
  'invitation.revoked': 'invitation_revoked',
  'invitation.not-found': 'invitation_notFound',
};

/** The reader's text for a link the server says cannot be used, or undefined for any other failure. */
function unusableLink(error: unknown): string | undefined {
  const key = error instanceof ApiError ? LINK_ERRORS[error.code] : undefined;
  return key ? t(key) : undefined;
}

function linkError(error: unknown): string {
  return unusableLink(error) ?? messageOf(error, t('errorGeneric'));
}

/**
 * `/invite/:token` (DESIGN "Invitations are links"): what the link grants, then sign in or
 * sign up (both come back here) and "Acceptera inbjudan", which opens the workspace.
 */
export function InvitePage() {
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const [info, { refetch }] = createResource(() => params.token, (token) => api.invitation(token));
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  usePageTitle(() => t('invitationHeading'));
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const { workspace } = await api.acceptInvitation(params.token);
      await refreshMe();
      navigate(`/w/${workspace.id}`, { replace: true });
    } catch (e) {
      setError(linkError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="auth invite" aria-labelledby="invite-heading">
      <PageHeading id="invite-heading">{t('invitationHeading')}</PageHeading>
      <Switch fallback={<p>{t('loading')}</p>}>
        <Match when={unusableLink(info.error)}>
          {(text) => (
            <p class="error" role="alert">
              {text()}
            </p>
          )}
        </Match>
        <Match when={info.error as unknown}>
          <Unreachable error={info.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={info()}>
          {(invitation) => (
            <>
              <p>{t('invitationTo', { workspace: invitation().workspace.name, role: t(`role_${invitation().role}`) })}</p>
              <p class="muted">{t('validUntil', { date: longDate(invitation().expiresAt.slice(0, 10)) })}</p>
              <Show when={me.state === 'ready'} fallback={<SessionPending />}>
                <Show when={knownSession()} fallback={<SignInFirst next={`/invite/${params.token}`} />}>
                  {(session) => (
                    <>
                      <p>{t('invitationSignedInAs', { name: session().user.name, email: session().user.email })}</p>
                      <button type="button" disabled={busy()} onClick={() => void accept()}>
                        {t('acceptInvitation')}
                      </button>
                    </>
                  )}
                </Show>
              </Show>
              <ErrorText message={error()} />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/**
 * What could not be asked (the invitation, or who is signed in), why, with "Försök igen"; it
 * asks again by itself when the connection comes back (user test u11: offline, the link said
 * only "Servern kunde inte nås" and stayed so once back online).
 */
function Unreachable(props: { error: unknown; onRetry: () => void }) {
  useRetryWhenOnline(() => props.onRetry());
  return <RetryError error={props.error} onRetry={() => props.onRetry()} />;
}

/** While who is signed in is not known: loading, or why it could not be asked, with a retry (never "Laddar …" for ever). */
function SessionPending() {
  return (
    <Show when={me.error as unknown} fallback={<p>{t('loading')}</p>}>
      <Unreachable error={me.error} onRetry={() => void refreshMe()} />
    </Show>
  );
}

/** Sign-in and sign-up both return to the invitation afterwards (`?next=`). */
function SignInFirst(props: { next: string }) {
  const query = () => `?next=${encodeURIComponent(props.next)}`;
  return (
    <>
      <p>{t('invitationSignIn')}</p>
      <p class="actions">
        <A href={`/login${query()}`}>
          {t('logIn')}
        </A>{' '}
        <A href={`/signup${query()}`}>
          {t('signUp')}
        </A>
      </p>
    </>
  );
}
