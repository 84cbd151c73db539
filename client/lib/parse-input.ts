/**
 * What people type into date, time and number fields, read the app's way rather than the
 * browser's (issue 17 item 5): a Swedish user with an English browser still writes
 * `2027-03-15` and `09:30`. Each parser answers the stored value, `null` for an empty
 * field, or `undefined` for text it cannot read — which the field shows as an error, never
 * silently ignores.
 */
import { dateParts, isValidDate } from '../../shared/dates.js';
import { parseTypedAmount } from '../../shared/money.js';
import { INTL_LOCALE, type Locale } from '../../shared/locale.js';

/** A parse result: the value (null = empty) or undefined = unreadable. */
export type Parsed<T> = T | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199) return undefined;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isValidDate(iso) ? iso : undefined;
}

/**
 * An ISO date from `2027-03-15`, `2027-3-5`, `2027/03/15`, `20270315`, or day first as
 * Nordic and British people also write it: `15.3.2027`, `15/03/2027`.
 */
export function parseDate(text: string): Parsed<string> {
  if (text.trim() === '') return null;
  const parts = dateParts(text);
  return parts ? isoDate(...parts) : undefined;
}

/** `HH:MM` (24 h) from `9`, `09`, `930`, `0930`, `9:30`, `9.30`, `09:30`. */
export function parseTime(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(trimmed);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2] ?? '0')];
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/**
 * A decimal number with either decimal mark (`125,5` or `125.5`), spaces as grouping,
 * and a minus sign of any dash. Letters, two decimal marks or grouping dots are unreadable.
 */
export function parseDecimal(text: string): Parsed<number> {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[−–]/, '-');
  if (cleaned === '') return null;
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(cleaned)) return undefined;
  const value = Number(cleaned.replace(',', '.'));
  // "-0" is zero: a field never saves minus zero (it would be written back as "-0").
  if (value === 0) return 0;
  return Number.isFinite(value) ? value : undefined;
}

/** A whole number within `min`..`max` (inclusive). */
export function parseInteger(text: string, min: number, max: number): Parsed<number> {
  const value = parseDecimal(text);
  if (value === null || value === undefined) return value;
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** A number as the locale writes it, without grouping, so it reads back the same: `125,5` (sv, nb), `125.5` (en). */
export function formatDecimal(value: number, locale: Locale): string {
  // Minus zero (a value rounded from just below zero) is written as "0", not Intl's "-0".
  const number = value === 0 ? 0 : value;
  return new Intl.NumberFormat(INTL_LOCALE[locale], { useGrouping: false, maximumFractionDigits: 10 }).format(number).replace('\u2212', '-');
}

/** Why an amount field did not save what was typed. */
export type AmountProblem = 'unreadable' | 'negative';

/**
 * What an amount field (budget, cost line, budget frame) saves: minor units, `null` for an
 * empty field — or why it saves nothing: text that is not an amount, or an amount below
 * zero, which no amount in a plan may be (validation's `budget.negative`). The field keeps
 * the text and says so (issue 17).
 * @example readAmount('12 abc', 'sv') // { problem: 'unreadable' }
 */
export function readAmount(text: string, locale: Locale): { value: number | null } | { problem: AmountProblem } {
  const value = parseTypedAmount(text, locale);
  // A currency alone ("kr") reads as an empty table cell, but typed it is no amount: never clear the field for it.
  if (value === undefined || (value === null && text.trim() !== '')) return { problem: 'unreadable' };
  if (value !== null && value < 0) return { problem: 'negative' };
  return { value };
}
