/**
 * The UI language before anyone chooses (issue 17 item 6): the first of the browser's
 * languages (`navigator.languages`) that Samplan speaks — Norwegian in any form (`no`,
 * `nb`, `nn`) as bokmål — else Swedish. A choice made in the app is stored and wins.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../shared/locale.js';

/** The locale a BCP 47 tag stands for, or null when Samplan does not speak it. */
export function localeOfTag(tag: string): Locale | null {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'no' || base === 'nn' || base === 'nb') return 'nb';
  return isLocale(base) ? base : null;
}

/** The stored choice if valid, else the first spoken browser language, else Swedish. */
export function pickLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
