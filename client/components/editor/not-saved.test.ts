/**
 * Issue 17 follow-up: what a date, time or number field says when it did not save what was
 * typed — in every language, for every input shape shared/dates.ts reads.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../shared/locale.js';
import { parseDate } from '../../lib/parse-input.js';
import { dateReason, keyReason, notSavedMessage, requiredTextProblem } from './not-saved.js';

const FORMAT: Record<Locale, string> = {
  sv: 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-15.',
  nb: 'Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2027-03-15.',
  en: 'Write the date as YYYY-MM-DD, e.g. 2027-03-15.',
};
const NO_SUCH: Record<Locale, (iso: string) => string> = {
  sv: (iso) => `Datumet ${iso} finns inte.`,
  nb: (iso) => `Datoen ${iso} finnes ikke.`,
  en: (iso) => `The date ${iso} does not exist.`,
};

describe('dateReason: a day the calendar lacks is named, anything else gets the format', () => {
  // Each shape dateParts reads, with an impossible day, an out-of-range month or day, and a US date.
  const impossible = [
    ['2027-02-30', '2027-02-30'],
    ['2027/2/30', '2027-02-30'],
    ['20270230', '2027-02-30'],
    ['30.2.2027', '2027-02-30'],
    ['31/04/2027', '2027-04-31'],
    ['29 2 2026', '2026-02-29'],
  ] as const;
  const unreadable = ['03/15/2027', '12/31/2027', '2027-13-01', '2027-00-10', '2027-01-32', '2027/15/3', '20271503', '15.13.2027', '0.3.2027', 'snart', '2027-03', '15 mars 2027'];
  const cases = LOCALES.flatMap((locale) => [
    ...impossible.map(([text, iso]) => [locale, text, NO_SUCH[locale](iso)] as const),
    ...unreadable.map((text) => [locale, text, FORMAT[locale]] as const),
  ]);
  it.each(cases)('%s %j → %j', (locale, text, reason) => {
    expect(dateReason(text, locale)).toBe(reason);
    // Whatever it says, the field saved nothing for it.
    expect(parseDate(text)).toBeUndefined();
  });

  it('never shows a date with a month past 12, in any shape, day and month 0..40', () => {
    for (const locale of LOCALES) {
      for (let a = 0; a <= 40; a += 1) {
        for (let b = 0; b <= 40; b += 1) {
          for (const text of [`${a}/${b}/2027`, `${a}.${b}.2027`, `2027-${a}-${b}`, `2027/${a}/${b}`]) {
            const months = [...dateReason(text, locale).matchAll(/\d{4}-(\d{2})-\d{2}/g)].map((m) => Number(m[1]));
            for (const month of months) expect(month, `${locale} ${text}`).toBeLessThanOrEqual(12);
          }
        }
      }
    }
  });
});

describe('notSavedMessage: says it was not saved, why, and what Escape brings back', () => {
  it.each([
    ['sv', NO_SUCH.sv('2027-02-30'), '2027-02-01', 'Inte sparat: datumet 2027-02-30 finns inte. Esc tar tillbaka det sparade (2027-02-01).'],
    ['nb', NO_SUCH.nb('2027-02-30'), '2027-02-01', 'Ikke lagret: datoen 2027-02-30 finnes ikke. Esc henter tilbake det lagrede (2027-02-01).'],
    ['en', NO_SUCH.en('2027-02-30'), '2027-02-01', 'Not saved: the date 2027-02-30 does not exist. Esc brings back the saved value (2027-02-01).'],
    ['sv', FORMAT.sv, null, 'Inte sparat: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-15. Esc tar tillbaka det sparade (tomt).'],
    ['en', FORMAT.en, null, 'Not saved: write the date as YYYY-MM-DD, e.g. 2027-03-15. Esc brings back the saved value (empty).'],
  ] as const)('%s', (locale, reason, saved, message) => {
    expect(notSavedMessage(reason, saved, locale)).toBe(message);
  });

  // Every error key a typed field uses, in every language: the same "not saved … Esc" frame.
  const keys = ['dateInvalid', 'timeInvalid', 'numberInvalid', 'integerInvalid', 'percentInvalid', 'minutesInvalid'] as const;
  const frame: Record<Locale, RegExp> = {
    sv: /^Inte sparat: [a-zåäö].+ Esc tar tillbaka det sparade \(42\)\.$/,
    nb: /^Ikke lagret: [a-zæøå].+ Esc henter tilbake det lagrede \(42\)\.$/,
    en: /^Not saved: [a-z].+ Esc brings back the saved value \(42\)\.$/,
  };
  it.each(LOCALES.flatMap((locale) => keys.map((key) => [locale, key] as const)))('%s %s', (locale, key) => {
    expect(notSavedMessage(keyReason(key, locale), '42', locale)).toMatch(frame[locale]);
  });
});

describe('requiredTextProblem: a title with nothing visible is not saved (X17 finding 3)', () => {
  const BLANK = ['', ' ', '   ', '\t', '\u00a0', '\u200b', '\u200b\u200d\ufeff', '\u3000 \u2060'];
  const SAYS: Record<Locale, string> = {
    sv: 'Inte sparat: titeln kan inte vara tom: skriv minst ett synligt tecken. Esc tar tillbaka det sparade (Plan 2027).',
    nb: 'Ikke lagret: tittelen kan ikke være tom: skriv minst ett synlig tegn. Esc henter tilbake det lagrede (Plan 2027).',
    en: 'Not saved: the title cannot be empty: type at least one visible character. Esc brings back the saved value (Plan 2027).',
  };
  it.each(LOCALES.flatMap((locale) => BLANK.map((text) => [locale, text] as const)))('%s %j is not saved, and says why', (locale, text) => {
    expect(requiredTextProblem(text, true, 'Plan 2027', locale)).toBe(SAYS[locale]);
  });

  it.each(['Å', ' Plan ', '👨‍👩‍👧', 'a\u200b'])('%j is saved', (text) => {
    for (const locale of LOCALES) expect(requiredTextProblem(text, true, 'Plan 2027', locale)).toBeNull();
  });

  it('a text that is not required may be blank', () => {
    for (const locale of LOCALES) expect(requiredTextProblem('', false, 'x', locale)).toBeNull();
  });
});
