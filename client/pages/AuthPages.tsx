import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api } from '../api.js';
import { ErrorText, messageOf } from '../components/ErrorText.jsx';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { SessionEndNotice } from '../components/SessionEndNotice.jsx';
import { t } from '../i18n/index.js';
import { refreshMe } from '../session.js';

/** Where to go after signing in: a path of this app only (`//host` would leave it). */
function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : null;
}

function AuthForm(props: { mode: 'login' | 'signup' }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Kept when switching between log-in and sign-up, so an invitation link is not lost.
  const nextQuery = () => {
    const next = safeNext(params.next);
    return next ? `?next=${encodeURIComponent(next)}` : '';
  };
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  usePageTitle(() => (props.mode === 'login' ? t('logIn') : t('signUp')));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    try {
      if (props.mode === 'login') await api.login(email, password);
      else await api.signup(email, password, String(form.get('name') ?? ''));
      await refreshMe();
      navigate(safeNext(params.next) ?? '/', { replace: true });
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="auth">
      <PageHeading>{props.mode === 'login' ? t('logIn') : t('signUp')}</PageHeading>
      <SessionEndNotice />
      <form onSubmit={(e) => void submit(e)} class="stack">
        <Show when={props.mode === 'signup'}>
          <label>
            {t('name')}
            <input name="name" autocomplete="name" required maxlength="200" />
          </label>
        </Show>
        <label>
          {t('email')}
          <input name="email" type="email" autocomplete="email" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autocomplete={props.mode === 'login' ? 'current-password' : 'new-password'} required minlength={props.mode === 'signup' ? 8 : undefined} />
        </label>
        <ErrorText message={error()} />
        <button type="submit" disabled={busy()}>
          {props.mode === 'login' ? t('logIn') : t('signUp')}
        </button>
      </form>
      <p>
        {props.mode === 'login' ? t('noAccount') : t('haveAccount')}{' '}
        <A href={`${props.mode === 'login' ? '/signup' : '/login'}${nextQuery()}`}>{props.mode === 'login' ? t('signUp') : t('logIn')}</A>
      </p>
    </section>
  );
}

export const LoginPage = () => <AuthForm mode="login" />;
export const SignupPage = () => <AuthForm mode="signup" />;
