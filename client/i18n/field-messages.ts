/**
 * Text for the same field edited by two people (issue 17 item 10): what arrived while you
 * typed, and whose value replaced yours. `{value}`/`{mine}` are already formatted. Also the
 * app's own words for a form field the browser refuses (lib/form-validity.ts). Merged into
 * messages.ts.
 */
export const fieldSv = {
  field_changedBy: '{name} ändrade till {value}',
  field_changedBySomeone: 'Någon ändrade till {value}',
  field_conflict: 'Ändrat medan du skrev',
  field_useTheirs: 'Använd deras',
  field_keepMine: 'Behåll mitt',
  field_replacedBy: 'Ditt värde {mine} ersattes av {name}: {value}',
  field_replacedBySomeone: 'Ditt värde {mine} ersattes av någon annan: {value}',
  field_empty: 'tomt',
  field_dismiss: 'Stäng meddelandet',
  field_tooLong: 'Texten får vara högst {max} tecken – {dropped} tecken kom inte med.',
  form_required: 'Fyll i fältet.',
  form_email: 'Skriv en e-postadress, till exempel namn@kommun.se.',
  form_tooShort: 'Skriv minst {min} tecken.',
  form_range: 'Skriv ett heltal från {min} till {max}.',
  form_number: 'Skriv ett tal.',
  form_invalid: 'Värdet har fel form.',
} as const;

type FieldMessages = Record<keyof typeof fieldSv, string>;

export const fieldNb: FieldMessages = {
  field_changedBy: '{name} endret til {value}',
  field_changedBySomeone: 'Noen endret til {value}',
  field_conflict: 'Endret mens du skrev',
  field_useTheirs: 'Bruk deres',
  field_keepMine: 'Behold mitt',
  field_replacedBy: 'Verdien din {mine} ble erstattet av {name}: {value}',
  field_replacedBySomeone: 'Verdien din {mine} ble erstattet av noen andre: {value}',
  field_empty: 'tom',
  field_dismiss: 'Lukk meldingen',
  field_tooLong: 'Teksten kan være på høyst {max} tegn – {dropped} tegn kom ikke med.',
  form_required: 'Fyll ut feltet.',
  form_email: 'Skriv en e-postadresse, for eksempel navn@kommune.no.',
  form_tooShort: 'Skriv minst {min} tegn.',
  form_range: 'Skriv et heltall fra {min} til {max}.',
  form_number: 'Skriv et tall.',
  form_invalid: 'Verdien har feil form.',
};

export const fieldEn: FieldMessages = {
  field_changedBy: '{name} changed it to {value}',
  field_changedBySomeone: 'Someone changed it to {value}',
  field_conflict: 'Changed while you were typing',
  field_useTheirs: 'Use theirs',
  field_keepMine: 'Keep mine',
  field_replacedBy: 'Your value {mine} was replaced by {name}: {value}',
  field_replacedBySomeone: 'Your value {mine} was replaced by someone else: {value}',
  field_empty: 'empty',
  field_dismiss: 'Dismiss',
  field_tooLong: 'The text can be at most {max} characters – {dropped} characters were left out.',
  form_required: 'Fill in this field.',
  form_email: 'Enter an email address, such as name@council.org.',
  form_tooShort: 'Enter at least {min} characters.',
  form_range: 'Enter a whole number from {min} to {max}.',
  form_number: 'Enter a number.',
  form_invalid: 'The value is not in the right form.',
};
