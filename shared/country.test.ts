import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryOfLocale, currencyOfCountry, isCountry } from './country.js';
import { LOCALES } from './locale.js';

describe('a workspace’s country', () => {
  it.each([['SE', 'SEK'], ['NO', 'NOK']] as const)('%s gives new plans %s', (country, currency) => {
    expect(currencyOfCountry(country)).toBe(currency);
  });

  it.each([['DK'], ['se'], [''], [null], [undefined]])('an unknown country %j reads as Sweden’s SEK (the column’s default)', (country) => {
    expect(currencyOfCountry(country)).toBe('SEK');
  });

  it('every country has its own currency', () => {
    expect(new Set(COUNTRIES.map(currencyOfCountry)).size).toBe(COUNTRIES.length);
  });

  it.each([['sv', 'SE'], ['nb', 'NO'], ['en', 'SE']] as const)('a %s UI proposes %s', (locale, country) => {
    expect(countryOfLocale(locale)).toBe(country);
  });

  it('every language proposes a known country', () => {
    for (const locale of LOCALES) expect(isCountry(countryOfLocale(locale))).toBe(true);
  });
});
