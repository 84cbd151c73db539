import { createSignal, onCleanup } from 'solid-js';
import { api, type User } from '../../api.js';
import { t } from '../../i18n/index.js';
import { refreshMe } from '../../session.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

/** How long "Namnet är sparat." stays (ms); the next edit clears it sooner (issue 15/16 item 5). */
export const SAVED_MESSAGE_MS = 5000;

/** The person's name, as others see it in documents and member lists. */
export function NameForm(props: { user: User }) {
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const showSaved = (on: boolean) => {
    clearTimeout(timer);
    setSaved(on);
    if (on) timer = setTimeout(() => setSaved(false), SAVED_MESSAGE_MS);
  };
  onCleanup(() => clearTimeout(timer));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '');
    setError(null);
    showSaved(false);
    try {
      await api.rename(name);
      await refreshMe();
      showSaved(true);
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <form class="inline" aria-labelledby="account-name-heading" onSubmit={(e) => void submit(e)}>
      <label>
        {t('accountName')}
        <input name="name" autocomplete="name" required maxlength="200" value={props.user.name} onInput={() => showSaved(false)} />
      </label>
      <button type="submit">{t('saveName')}</button>
      <p role="status" data-notice="name-saved">{saved() ? t('nameSaved') : ''}</p>
      <ErrorText message={error()} />
    </form>
  );
}
