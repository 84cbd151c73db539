/**
 * Money is an integer in minor units (öre, øre, cent); never a float. This module reads
 * amounts the way Nordic plan tables write them and nothing looser: a value we cannot
 * read for certain is reported, not guessed.
 */
import { INTL_LOCALE, type Locale } from './locale.js';

/** Spaces people use as thousands separators: normal, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const CURRENCY_SUFFIX = /\s*(kr\.?|sek|nok|dkk|eur|€|:-)$/i;
const CURRENCY_PREFIX = /^(€|eur|kr\.?)\s*/i;

/**
 * How an amount may be written — the one table of rules (issue 17). Groups are always
 * exactly three digits after a first group of one to three; a separator that could be
 * either a decimal mark or a thousands separator is refused, not guessed:
 *
 * | grouping            | decimals | example         | why it is unambiguous                                 |
 * |---------------------|----------|-----------------|-------------------------------------------------------|
 * | none                | `,dd`    | `1234567,50`    |                                                       |
 * | spaces (any kind)   | `,dd`    | `1 234 567,50`  | a space is never a decimal mark                       |
 * | dots (nb/da)        | `,dd`    | `1.234.567,50`  | a Nordic decimal is a comma; money has no 3 decimals  |
 * | commas, two or more | `.dd`    | `1,234,567`     | a decimal comma occurs once                           |
 * | one comma           | `.dd` required | `1,234.50` | the dot decimal shows the comma groups              |
 *
 * Refused: `12,5` and `12,505` (one or three decimals: a typo or a Nordic decimal with a
 * digit too many?), `1,234` (1 234 or 1,234?), `12.50` (a dot is grouping in Nordic tables),
 * mixed groupings (`1 234.567`), groups not of three (`1 00 000`).
 */
const AMOUNT_RULES: readonly RegExp[] = [
  /^(?<whole>\d+)(?:,(?<cents>\d{2}))?$/,
  /^(?<whole>\d{1,3}(?: \d{3})+)(?:,(?<cents>\d{2}))?$/,
  /^(?<whole>\d{1,3}(?:\.\d{3})+)(?:,(?<cents>\d{2}))?$/,
  /^(?<whole>\d{1,3}(?:,\d{3}){2,})(?:\.(?<cents>\d{2}))?$/,
  /^(?<whole>\d{1,3},\d{3})\.(?<cents>\d{2})$/,
];

/** Above this many minor units (10 000 000 000 kr) an amount is implausible for a plan: the import warns. */
export const IMPLAUSIBLE_AMOUNT = 1_000_000_000_000;

/**
 * Parses an amount as written in a plan table into minor units (rules: `AMOUNT_RULES`).
 * @returns minor units, `null` for an empty cell, or `undefined` if the text is not an amount.
 * @example parseAmount('77 600 kr') // 7760000
 * @example parseAmount('1.234.567') // 123456700
 * @example parseAmount('12,5') // undefined: ambiguous, reported rather than guessed
 */
export function parseAmount(text: string): number | null | undefined {
  const cleaned = cleanAmount(text);
  if (cleaned === '') return null;
  const sign = /^[-−–]\s*/.exec(cleaned);
  const unsigned = sign ? cleaned.slice(sign[0].length) : cleaned;
  for (const rule of AMOUNT_RULES) {
    const groups = rule.exec(unsigned)?.groups;
    if (!groups) continue;
    const minor = Number((groups.whole ?? '0').replace(/\D/g, '')) * 100 + Number(groups.cents ?? '0');
    if (!Number.isSafeInteger(minor)) return undefined;
    // `-0` is zero: never a negative zero in the document.
    return sign && minor !== 0 ? -minor : minor;
  }
  return undefined;
}

/** The amount without currency marks, spaces of every kind made plain, trimmed. */
function cleanAmount(text: string): string {
  return text.replace(GROUP_SPACES, ' ').trim().replace(CURRENCY_SUFFIX, '').replace(CURRENCY_PREFIX, '').trim();
}

/**
 * What a person typing in the editor means where a table cell would be ambiguous: the
 * editor knows their language. In English a single comma before three digits groups
 * thousands (`77,600`) and a dot is the decimal mark (`12.5`); in Swedish and Norwegian a
 * comma with one decimal is kronor and tens of öre (`12,5`).
 */
const TYPED_READINGS: Readonly<Record<Locale, ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]>>> = {
  en: [
    [/^([-−–]?\s*\d{1,3}),(\d{3})$/, (m) => `${m[1]} ${m[2]}`],
    [/^([-−–]?\s*\d+)\.(\d{1,2})$/, (m) => `${m[1]},${(m[2] ?? '').padEnd(2, '0')}`],
  ],
  sv: [[/^([-−–]?\s*\d{1,3}(?: \d{3})*|[-−–]?\s*\d+),(\d)$/, (m) => `${m[1]},${m[2]}0`]],
  nb: [[/^([-−–]?\s*\d{1,3}(?:[ .]\d{3})*|[-−–]?\s*\d+),(\d)$/, (m) => `${m[1]},${m[2]}0`]],
};

/**
 * An amount typed in the editor by someone working in `locale`: everything `parseAmount`
 * reads, plus what is unambiguous in that language (`TYPED_READINGS`).
 * @returns minor units, `null` for an empty field, `undefined` if it is not an amount.
 * @example parseTypedAmount('77,600', 'en') // 7760000
 * @example parseTypedAmount('12,5', 'sv') // 1250
 */
export function parseTypedAmount(text: string, locale: Locale): number | null | undefined {
  const strict = parseAmount(text);
  if (strict !== undefined) return strict;
  const cleaned = cleanAmount(text);
  for (const [pattern, rewrite] of TYPED_READINGS[locale]) {
    const match = pattern.exec(cleaned);
    if (match) return parseAmount(rewrite(match));
  }
  return undefined;
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


/** Field formats by locale and wholeness (see `moneyFormat` for why they are kept). */
const FIELD_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * Minor units as an amount field shows them in `locale`: the number of `formatMoney`
 * without its currency (the field shows that beside it), grouped and with decimals the
 * same way as the totals, summary and presentation — `230 000` and `1 500,50` in sv/nb,
 * `230,000` and `1,500.50` in English (issue 17 follow-up: one number format per language).
 * What it writes, `parseTypedAmount` reads back as the same amount in the same locale.
 * @example formatFieldAmount(150050, 'en') // '1,500.50'
 * @example formatFieldAmount(42000000, 'sv') // '420 000' (a plain space)
 */
export function formatFieldAmount(minor: number, locale: Locale): string {
  const whole = minor % 100 === 0;
  const key = `${locale} ${whole}`;
  let format = FIELD_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
    FIELD_FORMATS.set(key, format);
  }
  // Intl groups sv/nb with no-break spaces: in a field the text is copied and typed over, so
  // plain spaces (they read back the same; they look the same). The sign is the one of all shown money.
  return withMinusSign(format.format(minor / 100).replace(/[\u00a0\u202f]/g, ' '));
}

/** U+2212 MINUS SIGN: how every negative amount shown to people is signed, in every language. */
export const MINUS_SIGN = '\u2212';

/**
 * The one rule for negative money on screen (user test u11): Intl writes U+2212 in sv/nb but a
 * hyphen-minus in English ("-SEK 1,500"); every language gets U+2212 ("−SEK 1,500", "−1 500 kr").
 * `parseAmount`/`parseTypedAmount` read either back. Exports keep `formatTableAmount`'s '-'.
 */
function withMinusSign(text: string): string {
  return text.replace('-', MINUS_SIGN);
}

const HOME_CURRENCY: Record<Locale, string> = { sv: 'SEK', nb: 'NOK', en: '' };

/**
 * Minor units for people to read, with `Intl`: `1 324 601 kr`. A foreign currency is
 * shown by its code (`75 000 NOK` in Swedish), since "kr" alone would be ambiguous. A
 * negative amount is signed U+2212 in every language (`−SEK 1,500`, `−1 500 kr`).
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  return withMinusSign(moneyFormat(currency, locale, minor % 100 === 0).format(minor / 100));
}

/**
 * The currency as `formatMoney` writes it in `locale`, and whether it comes before the
 * number (`SEK 77,600` in English) — for fields that show the unit beside a typed amount,
 * so a field, its row and the totals never disagree (`kr` here, `SEK` there: issue 17).
 * @example currencyUnit('SEK', 'sv') // { unit: 'kr', before: false }
 */
export function currencyUnit(currency: string, locale: Locale): { unit: string; before: boolean } {
  const parts = moneyFormat(currency, locale, true).formatToParts(1000);
  const unitAt = parts.findIndex((part) => part.type === 'currency');
  const numberAt = parts.findIndex((part) => part.type === 'integer');
  return { unit: parts[unitAt]?.value ?? currency, before: unitAt >= 0 && unitAt < numberAt };
}

/** Built formats by locale, currency and wholeness: making one costs far more than using it. */
const MONEY_FORMATS = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: Locale, whole: boolean): Intl.NumberFormat {
  const key = `${locale} ${currency} ${whole}`;
  let format = MONEY_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency,
      currencyDisplay: HOME_CURRENCY[locale] === currency || currency === 'EUR' ? 'symbol' : 'code',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    // Only a handful of currencies and locales exist; a stray code cannot grow this without bound.
    if (MONEY_FORMATS.size < 64) MONEY_FORMATS.set(key, format);
  }
  return format;
}
