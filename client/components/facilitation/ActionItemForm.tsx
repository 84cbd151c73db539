import { ft } from '../../i18n/facilitation-messages.js';
import { FormDateInput } from '../FormDateInput.jsx';

/** The capture panel's action item form (text, owner, due date); `onSubmit` gets the form to read and reset. */
export function ActionItemForm(props: { onSubmit: (form: HTMLFormElement) => void }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onSubmit(event.currentTarget as HTMLFormElement);
  };
  return (
    <form class="session-inline" onSubmit={submit}>
      <label>
        {ft('action')} <input name="action" maxLength={2000} />
      </label>
      <label>
        {ft('owner')} <input name="owner" maxLength={200} />
      </label>
      <label>
        {ft('due')} <FormDateInput name="due" />
      </label>
      <button type="submit">{ft('addAction')}</button>
    </form>
  );
}
