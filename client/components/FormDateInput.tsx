import { isValidDate } from '../../shared/dates.js';
import { locale, t } from '../i18n/index.js';
import { dateReason } from './editor/not-saved.js';

/**
 * A date field in a plain form (not a document field): typed as `ÅÅÅÅ-MM-DD` in every
 * browser language, as the document's date fields are (issue 17 item 5), instead of
 * `<input type="date">`, which shows `mm/dd/yyyy` to a Swede with an English browser.
 * The browser's own form validation refuses any other shape with the app's message, and
 * a day the calendar lacks (`2027-02-30`) with "Datumet 2027-02-30 finns inte", and a
 * month or day out of range (`2027-13-01`, which the pattern lets through) with the format,
 * so the form reads a real ISO date (or nothing) from `FormData`.
 */
export function FormDateInput(props: { name: string; required?: boolean }) {
  const check = (input: HTMLInputElement) => {
    const { value } = input;
    // Text off the pattern the browser refuses with `title`; the pattern's impossible dates are ours to name.
    input.setCustomValidity(value === '' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || isValidDate(value) ? '' : dateReason(value, locale()));
  };
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
      onInput={(event) => check(event.currentTarget)}
    />
  );
}
