/** The languages Samplan speaks: Swedish first, then Norwegian bokmål and English. */
export type Locale = 'sv' | 'nb' | 'en';
export const LOCALES: readonly Locale[] = ['sv', 'nb', 'en'];
export const DEFAULT_LOCALE: Locale = 'sv';

/** BCP 47 tags for `Intl` (numbers as `1 324 601 kr`, dates as `15 mars 2027`). */
export const INTL_LOCALE: Record<Locale, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale === value);
}
