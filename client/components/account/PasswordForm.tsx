import { createSignal } from 'solid-js';
import { api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

/**
 * Password change (`POST /api/auth/password`): the server signs out every other session of
 * the person and keeps this one, so the page stays as it is and says so.
 */
export function PasswordForm(props: { onChanged?: () => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      await api.changePassword(String(data.get('current') ?? ''), String(data.get('next') ?? ''));
      form.reset();
      setDone(true);
      props.onChanged?.();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" aria-labelledby="password-heading" onSubmit={(e) => void submit(e)}>
      <label>
        {t('currentPassword')}
        <input name="current" type="password" autocomplete="current-password" required />
      </label>
      <label>
        {t('newPassword')}
        <input name="next" type="password" autocomplete="new-password" required minlength="8" aria-describedby="new-password-help" />
      </label>
      <p id="new-password-help" class="hint">
        {t('newPasswordHelp')}
      </p>
      <ErrorText message={error()} />
      <p role="status" data-notice="password-changed">
        {done() ? t('passwordChanged') : ''}
      </p>
      <button type="submit" disabled={busy()}>
        {t('changePassword')}
      </button>
    </form>
  );
}
