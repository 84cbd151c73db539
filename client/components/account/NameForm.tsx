import { createSignal } from 'solid-js';
import { api, type User } from '../../api.js';
import { t } from '../../i18n/index.js';
import { refreshMe } from '../../session.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

/** The person's name, as others see it in documents and member lists. */
export function NameForm(props: { user: User }) {
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '');
    setError(null);
    setSaved(false);
    try {
      await api.rename(name);
      await refreshMe();
      setSaved(true);
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <form class="inline" aria-labelledby="account-name-heading" onSubmit={(e) => void submit(e)}>
      <label>
        {t('accountName')}
        <input name="name" autocomplete="name" required maxlength="200" value={props.user.name} />
      </label>
      <button type="submit">{t('saveName')}</button>
      <p role="status">{saved() ? t('nameSaved') : ''}</p>
      <ErrorText message={error()} />
    </form>
  );
}
