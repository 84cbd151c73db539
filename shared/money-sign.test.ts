/**
 * Negative money reads the same in every language (user test u11: English showed "-SEK 1,500"
 * with a hyphen where Swedish shows "−1 500 kr" with a minus sign). The one rule: a negative
 * amount shown to people starts its number with U+2212 MINUS SIGN, never a hyphen-minus, in
 * sv, nb and en, in the totals and warnings (formatMoney) and in the amount field
 * (formatFieldAmount); zero and positive amounts carry no sign. Exports keep their own
 * documented format (formatTableAmount, docs/exports.md: `-1 200,50`).
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale.js';
import { formatFieldAmount, formatMoney, formatTableAmount } from './money.js';

const MINUS = '\u2212';
const AMOUNTS = [-150_050, -100, -5, 0, 5, 150_050, 184_625_000] as const;
const cases = LOCALES.flatMap((locale) => AMOUNTS.flatMap((minor) => ['SEK', 'NOK', 'EUR'].map((currency) => [locale, minor, currency] as const)));

describe('one sign for negative money, in every language', () => {
  it.each(cases)('%s %i %s: formatMoney', (locale, minor, currency) => {
    const text = formatMoney(minor, currency, locale);
    expect(text).not.toContain('-');
    expect(text.includes(MINUS)).toBe(minor < 0);
    // The sign leads: before the currency where it comes first ("−SEK 1,500.50"), else before the number.
    if (minor < 0) expect(text.startsWith(MINUS)).toBe(true);
  });

  it.each(cases.filter(([, , currency]) => currency === 'SEK'))('%s %i: the amount field', (locale, minor) => {
    const text = formatFieldAmount(minor, locale);
    expect(text).not.toContain('-');
    expect(text.startsWith(MINUS)).toBe(minor < 0);
  });

  it.each(LOCALES)('%s: a field and the totals write the same negative number', (locale) => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatMoney(-150_050, 'EUR', locale))).toContain(plain(formatFieldAmount(-150_050, locale)).slice(1));
    expect(formatMoney(-150_050, 'SEK', locale).startsWith(MINUS)).toBe(formatFieldAmount(-150_050, locale).startsWith(MINUS));
  });

  it('exports keep their documented notation (docs/exports.md: -1 200,50)', () => {
    expect(formatTableAmount(-120_050)).toBe('-1 200,50');
  });
});
