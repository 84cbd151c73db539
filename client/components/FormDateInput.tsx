import { t } from '../i18n/index.js';

/**
 * A date field in a plain form (not a document field): typed as `ÅÅÅÅ-MM-DD` in every
 * browser language, as the document's date fields are (issue 17 item 5), instead of
 * `<input type="date">`, which shows `mm/dd/yyyy` to a Swede with an English browser.
 * The browser's own form validation refuses any other shape with the app's message, so
 * the form reads an ISO date (or nothing) from `FormData`.
 */
export function FormDateInput(props: { name: string; required?: boolean }) {
  return (
    <input
      name={props.name}
      required={props.required}
      inputMode="numeric"
      autocomplete="off"
      pattern="\d{4}-\d{2}-\d{2}"
      placeholder={t('dateHint')}
      title={t('dateInvalid')}
      class="form-date"
    />
  );
}
