import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { endSession } from '../../session.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

/**
 * Account deletion (`DELETE /api/me`): what goes and what stays is said before the button,
 * and the password confirms it. Two steps (issue 15/16 item 5): submitting the form — Enter
 * in the password field too — only asks "Vill du verkligen …?"; the account goes only on the
 * second, explicit button. The server's refusal (last coordinator) is shown as it says it.
 */
export function DeleteAccount() {
  const navigate = useNavigate();
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  let form: HTMLFormElement | undefined;
  let question: HTMLParagraphElement | undefined;
  const ask = (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    setConfirming(true);
    question?.focus();
  };
  const remove = async () => {
    const password = String(new FormData(form).get('password') ?? '');
    setError(null);
    setBusy(true);
    try {
      await api.deleteAccount(password);
      navigate('/login', { replace: true });
      await endSession('deleted');
    } catch (e) {
      setConfirming(false);
      setError(messageOf(e, t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} class="stack" aria-labelledby="delete-heading" aria-describedby="delete-warning" onSubmit={ask}>
      <p id="delete-warning" class="warning">
        {t('deleteWarning')}
      </p>
      <label>
        {t('deleteConfirmPassword')}
        <input name="password" type="password" autocomplete="current-password" required onInput={() => setConfirming(false)} />
      </label>
      <ErrorText message={error()} />
      <DeleteSteps confirming={confirming()} busy={busy()} questionRef={(el) => (question = el)} onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />
    </form>
  );
}

/** The submit button, or once asked, the question with the final button and a way back. */
function DeleteSteps(props: { confirming: boolean; busy: boolean; questionRef: (el: HTMLParagraphElement) => void; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Show
      when={props.confirming}
      fallback={
        <button type="submit" class="danger">
          {t('deleteAccount')}
        </button>
      }
    >
      <div role="group" aria-labelledby="delete-question" data-delete-confirm>
        <p id="delete-question" ref={props.questionRef} tabindex="-1">
          <strong>{t('deleteConfirmQuestion')}</strong>
        </p>
        <button type="button" class="danger" disabled={props.busy} onClick={() => props.onConfirm()}>
          {t('deleteConfirmFinal')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {t('deleteCancel')}
        </button>
      </div>
    </Show>
  );
}
