/**
 * What a typed field says when it did not save what was typed (issue 17 follow-up): every
 * field — date, time, number, percent, amount — says it the amount fields' way: "Inte
 * sparat", why, and that Escape brings back the saved value, naming it. Pure (a locale in,
 * text out), so the wording is tested over every language without a DOM.
 */
import { impossibleDate } from '../../../shared/dates.js';
import type { Locale } from '../../../shared/locale.js';
import { MESSAGES, type MessageKey } from '../../i18n/messages.js';
import { asSingleLine } from '../../../shared/strings.js';

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

/**
 * Why a typed date was not read, in `locale`: a day the calendar lacks ("Datumet 2027-02-30
 * finns inte."), else — a month or day out of range, or no date at all — the format with
 * an example ("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-15."); shared/dates.ts
 * `impossibleDate` decides which.
 */
export function dateReason(text: string, locale: Locale): string {
  const iso = impossibleDate(text);
  return iso === null ? MESSAGES[locale].dateInvalid : fill(MESSAGES[locale].dateNoSuchDate, { date: iso });
}

/** The reason a field shows for a message key (`timeInvalid`, `percentInvalid`, …) in `locale`. */
export function keyReason(key: MessageKey, locale: Locale): string {
  return MESSAGES[locale][key];
}

/**
 * The whole message: "Inte sparat: datumet 2027-02-30 finns inte. Esc tar tillbaka det
 * sparade (2027-02-01)." `reason` is a sentence of its own; its first letter is lowered to
 * follow the colon. `saved` is the saved value as the field shows it, `null` for an empty field.
 */
export function notSavedMessage(reason: string, saved: string | null, locale: Locale): string {
  const messages = MESSAGES[locale];
  const lowered = reason.charAt(0).toLocaleLowerCase(locale) + reason.slice(1);
  return fill(messages.notSaved, { reason: lowered, saved: saved ?? messages.savedEmpty });
}

/**
 * What a required text field (a document's title; DESIGN: 1–200 characters, empty refused,
 * and the server closes 1008 on a blank `meta.title`: X17 finding 3) says instead of saving
 * `text` when nothing visible is in it (shared/strings.ts `asSingleLine`), or null: save it.
 * `saved`: the title it keeps.
 */
export function requiredTextProblem(text: string, required: boolean, saved: string, locale: Locale): string | null {
  if (!required || asSingleLine(text) !== '') return null;
  return notSavedMessage(keyReason('titleBlank', locale), saved === '' ? null : saved, locale);
}
