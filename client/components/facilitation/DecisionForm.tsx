import { ft } from '../../i18n/facilitation-messages.js';

/** The one-line "Beslut" form of the capture panel; `onSubmit` gets the form to read and reset. */
export function DecisionForm(props: { onSubmit: (form: HTMLFormElement) => void }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onSubmit(event.currentTarget as HTMLFormElement);
  };
  return (
    <form class="session-inline" onSubmit={submit}>
      <label>
        {ft('decision')} <input name="decision" maxLength={2000} />
      </label>
      <button type="submit">{ft('addDecision')}</button>
    </form>
  );
}
