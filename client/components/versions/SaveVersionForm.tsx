import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { versionsApi, type Version } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { FormDateInput } from '../FormDateInput.jsx';
import { onFormBlocked } from '../../lib/form-validity.js';

/** "Spara version", optionally as adopted by a decision (organ, date, reference such as "KS 2027-03-15 § 42"). */
export function SaveVersionForm(props: { documentId: string; onSaved: (version: Version) => void }) {
  const [adopted, setAdopted] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const decision = adopted() ? { body: text('body'), date: text('date'), reference: text('reference') } : null;
    setError(null);
    setSaved(false);
    try {
      const version = await versionsApi.saveVersion(props.documentId, text('name'), decision);
      form.reset();
      setAdopted(false);
      setSaved(true);
      props.onSaved(version);
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    // A later save refused for an empty field must not leave "Versionen är sparad." standing (user test U15).
    <form class="stack version-form" onSubmit={(e) => void submit(e)} ref={(el) => onFormBlocked(el, () => setSaved(false))}>
      <label>
        {t('versions_name')}
        <input name="name" required maxLength={200} />
      </label>
      <label class="checkbox">
        <span>
          <input type="checkbox" checked={adopted()} onChange={(e) => setAdopted(e.currentTarget.checked)} /> {t('versions_withDecision')}
        </span>
      </label>
      <Show when={adopted()}>
        <label>
          {t('versions_body')}
          <input name="body" required maxLength={200} placeholder="Kommunstyrelsen" />
        </label>
        <label>
          {t('versions_date')}
          <FormDateInput name="date" required />
        </label>
        <label>
          {t('versions_reference')}
          <input name="reference" required maxLength={200} />
        </label>
      </Show>
      <div>
        <button type="submit">{t('versions_save')}</button>
      </div>
      <Show when={saved()}>
        <p role="status">{t('versions_saved')}</p>
      </Show>
      <ErrorText message={error()} />
    </form>
  );
}
