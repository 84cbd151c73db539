/**
 * The countries a workspace is made for (README "HTTP API": `POST /api/workspaces`
 * `country`; DESIGN names none, so SE stays the default). A workspace's country decides
 * the national environmental objectives its strategies offer and the currency its new
 * action plans get (user test u11: a plan made in a Norwegian workspace said SEK).
 */
import type { Currency } from './model/kinds.js';
import type { Locale } from './locale.js';

export const COUNTRIES = ['SE', 'NO'] as const;
export type Country = (typeof COUNTRIES)[number];

export function isCountry(value: unknown): value is Country {
  return COUNTRIES.some((country) => country === value);
}

const CURRENCY_OF: Record<Country, Currency> = { SE: 'SEK', NO: 'NOK' };

/**
 * The currency a new action plan in a workspace of `country` gets when nothing states one.
 * A country the app does not know (a row from before the column, a hand-edited database)
 * reads as Sweden's, as the column's default does.
 * @example currencyOfCountry('NO') // 'NOK'
 */
export function currencyOfCountry(country: string | null | undefined): Currency {
  return isCountry(country) ? CURRENCY_OF[country] : 'SEK';
}

/**
 * The country a new workspace is for unless its maker picks another: the UI language's
 * (bokmål → Norway; Swedish and English → Sweden, Samplan's first country).
 * @example countryOfLocale('nb') // 'NO'
 */
export function countryOfLocale(locale: Locale): Country {
  return locale === 'nb' ? 'NO' : 'SE';
}
