import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { setMe } from '../../session.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

/**
 * Account deletion (`DELETE /api/me`): what goes and what stays is said before the button,
 * and the password confirms it. The server's refusal (last coordinator) is shown as it says it.
 */
export function DeleteAccount() {
  const navigate = useNavigate();
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget as HTMLFormElement).get('password') ?? '');
    setError(null);
    setBusy(true);
    try {
      await api.deleteAccount(password);
      setMe(null);
      navigate('/login', { replace: true });
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" aria-labelledby="delete-heading" aria-describedby="delete-warning" onSubmit={(e) => void submit(e)}>
      <p id="delete-warning" class="warning">
        {t('deleteWarning')}
      </p>
      <label>
        {t('deleteConfirmPassword')}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <ErrorText message={error()} />
      <button type="submit" class="danger" disabled={busy()}>
        {t('deleteAccount')}
      </button>
    </form>
  );
}
