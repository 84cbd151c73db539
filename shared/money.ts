/**
 * Money is an integer in minor units (öre, øre, cent); never a float. This module reads
 * amounts the way Nordic plan tables write them and nothing looser: a value we cannot
 * read for certain is reported, not guessed.
 */
import { INTL_LOCALE, type Locale } from './locale.js';

/** Spaces people use as thousands separators: normal, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const CURRENCY_SUFFIX = /\s*(kr\.?|sek|nok|dkk|eur|€|:-)$/i;
const CURRENCY_PREFIX = /^(€|eur)\s*/i;
/** `1 324 601`, `1324601`, `-5 000`, `18 000,00`, `12,50`; groups must be exactly three digits. */
const AMOUNT = /^([-−]?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d{2}))?$/;

/**
 * Parses an amount as written in a plan table into minor units.
 * @returns minor units, `null` for an empty cell, or `undefined` if the text is not an amount.
 * @example parseAmount('77 600 kr') // 7760000
 * @example parseAmount('12,5') // undefined: ambiguous, reported rather than guessed
 */
export function parseAmount(text: string): number | null | undefined {
  const cleaned = text
    .replace(GROUP_SPACES, ' ')
    .trim()
    .replace(CURRENCY_SUFFIX, '')
    .replace(CURRENCY_PREFIX, '')
    .trim();
  if (cleaned === '') return null;
  const match = AMOUNT.exec(cleaned);
  if (!match) return undefined;
  const [, sign, whole = '0', cents = '00'] = match;
  const minor = Number(whole.replace(/ /g, '')) * 100 + Number(cents);
  if (!Number.isSafeInteger(minor)) return undefined;
  return sign ? -minor : minor;
}

/**
 * Writes minor units the way the plan table does: `1 324 601` (a plain space as thousands
 * separator, so it survives any editor), with `,50` only when there are öre.
 */
export function formatTableAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const cents = abs % 100;
  return `${sign}${whole}${cents === 0 ? '' : ',' + String(cents).padStart(2, '0')}`;
}


const HOME_CURRENCY: Record<Locale, string> = { sv: 'SEK', nb: 'NOK', en: '' };

/**
 * Minor units for people to read, with `Intl`: `1 324 601 kr`. A foreign currency is
 * shown by its code (`75 000 NOK` in Swedish), since "kr" alone would be ambiguous.
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const whole = minor % 100 === 0;
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    currencyDisplay: HOME_CURRENCY[locale] === currency || currency === 'EUR' ? 'symbol' : 'code',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}
