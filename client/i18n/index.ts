/** The UI language as a signal (the browser's language until one is chosen, then remembered) and `t()` to read text in it. */
import { createSignal } from 'solid-js';
import { INTL_LOCALE, type Locale } from '../../shared/locale.js';
import { formatMoney } from '../../shared/money.js';
import { MESSAGES, type MessageKey } from './messages.js';
import { pickLocale } from './pick-locale.js';

const STORAGE_KEY = 'samplan.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return pickLocale(stored, typeof navigator === 'undefined' ? [] : navigator.languages);
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };

export function setLocale(next: Locale): void {
  setLocaleSignal(next);
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** Text for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[locale()][key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function money(minor: number | null, currency: string): string {
  return minor === null ? '–' : formatMoney(minor, currency, locale());
}

/** A measured value in the reader's locale: `125,5` (sv, nb), `125.5` (en), grouped past a thousand. */
export function decimal(value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale()], { maximumFractionDigits: 10 }).format(value).replace('\u2212', '-');
}

export function longDate(iso: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale()], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(time);
}
