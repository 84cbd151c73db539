/**
 * The one way Samplan writes a number for people to read (not an amount of money, see
 * money.ts; not a year, which is written as its digits): the indicator table, the chart,
 * validation messages and every sentence the client builds (issue 17, user test u11).
 */
import { INTL_LOCALE, type Locale } from './locale.js';

/** One format per locale: building an `Intl.NumberFormat` costs far more than using it. */
const FORMATS = new Map<Locale, Intl.NumberFormat>();

/**
 * `value` in `locale`: a decimal comma and no-break-space groups in sv/nb (`1 234,5`), a
 * point and comma groups in English (`1,234.5`), up to 10 decimals (a measurement keeps what
 * was typed). Minus is '-' (the indicator field reads it back); minus zero is written `0`.
 * @example formatNumber(135.6, 'sv') // '135,6'
 * @example formatNumber(1234.5, 'en') // '1,234.5'
 */
export function formatNumber(value: number, locale: Locale): string {
  let format = FORMATS.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 10 });
    FORMATS.set(locale, format);
  }
  return format.format(value === 0 ? 0 : value).replace('\u2212', '-');
}
