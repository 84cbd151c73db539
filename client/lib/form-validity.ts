/**
 * The app's own words when a plain form is sent with a field the browser refuses (`required`,
 * `type="email"`, `minlength`, `min`/`max`, `pattern`): user test U15 item 3 found Chromium's
 * bubble ("Please fill out this field.") in the browser's language, unseen by screen readers
 * and gone after a moment. One listener for the whole app cancels the bubble and writes the
 * message, in the UI language, under the field: `aria-invalid`, `aria-describedby` and, for
 * the first such field (which takes focus), `role="alert"`. The message goes once the field
 * is valid. The form receives a bubbling `form-blocked` event, so it can drop an earlier
 * "Sparat" status.
 */
import { t } from '../i18n/index.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What of a control's validity the message depends on: its state and rule attributes. */
export interface ValidityInput {
  validity: Pick<ValidityState, 'valueMissing' | 'typeMismatch' | 'tooShort' | 'rangeUnderflow' | 'rangeOverflow' | 'stepMismatch' | 'badInput' | 'patternMismatch' | 'customError'>;
  type: string;
  min: string;
  max: string;
  minLength: number;
  /** The app's own reason already set (setCustomValidity) or, for a pattern, the field's title. */
  validationMessage: string;
  title: string;
}

/** The app's message for a refused control, or null when the browser refuses nothing. */
export function validityText(control: ValidityInput): string | null {
  const v = control.validity;
  if (v.valueMissing) return t('form_required');
  if (v.customError) return control.validationMessage || t('form_invalid');
  if (v.typeMismatch && control.type === 'email') return t('form_email');
  if (v.tooShort) return t('form_tooShort', { min: control.minLength });
  if (v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) return t('form_range', { min: control.min, max: control.max });
  if (v.badInput) return t('form_number');
  if (v.patternMismatch || v.typeMismatch) return control.title || t('form_invalid');
  return null;
}

const ERROR_CLASS = 'form-field-error';
let counter = 0;

function clear(control: Control): void {
  const id = control.dataset.validityError;
  if (!id) return;
  document.getElementById(id)?.remove();
  const rest = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((part) => part && part !== id);
  if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '));
  else control.removeAttribute('aria-describedby');
  control.removeAttribute('aria-invalid');
  delete control.dataset.validityError;
}

function show(control: Control, text: string, first: boolean): void {
  clear(control);
  const message = document.createElement('span');
  message.id = `form-error-${++counter}`;
  message.className = `error ${ERROR_CLASS}`;
  message.textContent = text;
  if (first) message.setAttribute('role', 'alert');
  control.after(message);
  control.dataset.validityError = message.id;
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
}

/** A control's state and rules as validityText reads them. */
const inputOf = (control: Control): ValidityInput => ({
  validity: control.validity,
  type: control.type,
  min: control.getAttribute('min') ?? '',
  max: control.getAttribute('max') ?? '',
  minLength: Number(control.getAttribute('minlength') ?? -1),
  validationMessage: control.validationMessage,
  title: control.title,
});

const isControl = (target: EventTarget | null): target is Control =>
  target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;

/** Installs the listeners on `doc` (once, at start-up); returns their removal. */
export function installFormValidity(doc: Document): () => void {
  const onInvalid = (event: Event) => {
    const control = event.target;
    if (!isControl(control)) return;
    event.preventDefault();
    // The browser fires `invalid` on every refused field of one submission: the first in the form takes focus.
    const first = (control.form?.querySelector('input:invalid, select:invalid, textarea:invalid') ?? control) === control;
    show(control, validityText(inputOf(control)) ?? t('form_invalid'), first);
    if (!first) return;
    control.focus();
    control.form?.dispatchEvent(new CustomEvent('form-blocked', { bubbles: true }));
  };
  const onEdit = (event: Event) => {
    const control = event.target;
    if (isControl(control) && control.dataset.validityError && control.validity.valid) clear(control);
  };
  doc.addEventListener('invalid', onInvalid, true);
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('change', onEdit, true);
  return () => {
    doc.removeEventListener('invalid', onInvalid, true);
    doc.removeEventListener('input', onEdit, true);
    doc.removeEventListener('change', onEdit, true);
  };
}

/** Runs `then` when a submission of `form` is refused (a `ref` callback's helper: drop a stale "Sparat"). */
export function onFormBlocked(form: HTMLFormElement, then: () => void): void {
  form.addEventListener('form-blocked', then);
}
