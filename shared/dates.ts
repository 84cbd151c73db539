/** ISO calendar dates (`YYYY-MM-DD`) and clock times (`HH:MM`), compared as strings. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** True for a real calendar date: `2028-02-29` yes, `2027-02-30` no. */
export function isValidDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * The ways people write a date that the app reads (issue 17 item 5): year first
 * (`2027-03-15`, `2027/3/5`, `20270315`) or day first as Nordic and British people do
 * (`15.3.2027`, `15/03/2027`). Answers `[year, month, day]` as written, real or not.
 *
 * Slash dates are day first in every language, en-US browsers included, on purpose: the
 * app's English is British (`INTL_LOCALE.en` is `en-GB`, as every date and number it
 * shows), and one reading for all users means `03/04/2027` never means two days. A US
 * reading (`03/15/2027`) has a month past 12 day first, so it is refused with the format
 * message (`impossibleDate` answers null for it), never shown transposed as `2027-15-03`;
 * a field shows what it saved as `2027-04-03`, so a misread is visible at once.
 */
export function dateParts(text: string): [number, number, number] | null {
  const trimmed = text.trim();
  const yearFirst = /^(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  const dayFirst = /^(\d{1,2})[./ ](\d{1,2})[./ ](\d{4})$/.exec(trimmed);
  if (dayFirst) return [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  return null;
}

/**
 * For text written as a date whose month (1–12) and day (1–31) are each in range but
 * together name a day the calendar lacks (`2027-02-30`, `2027-04-31`, `29.2.2026`): that
 * date as `YYYY-MM-DD`, so a message can say "Datumet 2027-02-30 finns inte" rather than
 * blame the format (issue 17). `null` for a real date, for text that is not written as a
 * date, and for a month or day out of range (`2027-13-01`, `2027-01-32`, `2027-00-10`,
 * `03/15/2027`): that is text the app could not read as a date, answered with the format
 * (`2027-03-15`), never echoed back as a date that "does not exist" (issue 17 follow-up).
 * @example impossibleDate('30.2.2027') // '2027-02-30'
 * @example impossibleDate('03/15/2027') // null: month 15, the format message applies
 */
export function impossibleDate(text: string): string | null {
  const parts = dateParts(text);
  if (!parts) return null;
  const [, month, day] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  return isValidDate(iso) ? null : iso;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidTime(value: string): boolean {
  const match = TIME.exec(value);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

/** Minutes since midnight of a valid `HH:MM`. */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** `HH:MM` for minutes since midnight (wrapping past midnight). */
export function timeOfDay(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days, for a valid ISO date. */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both valid ISO dates). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
