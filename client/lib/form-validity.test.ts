/**
 * validityText: every way the browser can refuse a plain form field has the app's own words
 * (user test U15 item 3), never an empty message, and nothing for a valid field.
 */
import { describe, expect, it } from 'vitest';
import { validityText, type ValidityInput } from './form-validity.js';

const VALID = { valueMissing: false, typeMismatch: false, tooShort: false, rangeUnderflow: false, rangeOverflow: false, stepMismatch: false, badInput: false, patternMismatch: false, customError: false };

const field = (state: Partial<typeof VALID>, attrs: Partial<Omit<ValidityInput, 'validity'>> = {}): ValidityInput => ({
  validity: { ...VALID, ...state },
  type: 'text',
  min: '',
  max: '',
  minLength: -1,
  validationMessage: '',
  title: '',
  ...attrs,
});

describe('validityText', () => {
  it.each([
    ['empty', field({ valueMissing: true }), 'Fyll i fältet.'],
    ['empty beats the rest', field({ valueMissing: true, customError: true }, { validationMessage: 'Annat' }), 'Fyll i fältet.'],
    ['not an email', field({ typeMismatch: true }, { type: 'email' }), 'Skriv en e-postadress, till exempel namn@kommun.se.'],
    ['too short', field({ tooShort: true }, { minLength: 8 }), 'Skriv minst 8 tecken.'],
    ['below min', field({ rangeUnderflow: true }, { type: 'number', min: '1', max: '90' }), 'Skriv ett heltal från 1 till 90.'],
    ['above max', field({ rangeOverflow: true }, { type: 'number', min: '1', max: '20' }), 'Skriv ett heltal från 1 till 20.'],
    ['not whole', field({ stepMismatch: true }, { type: 'number', min: '1', max: '90' }), 'Skriv ett heltal från 1 till 90.'],
    ['not a number', field({ badInput: true }, { type: 'number' }), 'Skriv ett tal.'],
    ['off the pattern, no title', field({ patternMismatch: true }), 'Värdet har fel form.'],
    ['off the pattern: the field’s title', field({ patternMismatch: true }, { title: 'Skriv datumet som ÅÅÅÅ-MM-DD.' }), 'Skriv datumet som ÅÅÅÅ-MM-DD.'],
    ['the app’s own reason', field({ customError: true }, { validationMessage: 'Datumet 2027-02-30 finns inte.' }), 'Datumet 2027-02-30 finns inte.'],
  ])('%s', (_name, input, expected) => {
    expect(validityText(input)).toBe(expected);
  });

  it('says nothing for a valid field', () => {
    expect(validityText(field({}))).toBeNull();
  });

  it('never leaves a refused field without words', () => {
    for (const key of Object.keys(VALID) as Array<keyof typeof VALID>) {
      expect(validityText(field({ [key]: true })), key).toMatch(/\S/);
    }
  });
});
