/** The UI language as a signal (the browser's language until one is chosen, then remembered) and `t()` to read text in it. */
import { createSignal } from 'solid-js';
import { INTL_LOCALE, type Locale } from '../../shared/locale.js';
import { formatMoney } from '../../shared/money.js';
import { formatNumber } from '../../shared/numbers.js';
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

/**
 * Text for `key` in the current language, with `{name}` placeholders filled in. A number is
 * written the reader's way (`decimal`: `1 234,5` sv/nb, `1,234.5` en); a year is not a
 * number to group, so callers pass it as text (`String(year)`).
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[locale()][key], params);
}

/** `text` with each `{name}` replaced by its parameter, numbers through `decimal` (also for ft()). */
export function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return typeof value === 'number' ? decimal(value) : (value ?? '');
  });
}

export function money(minor: number | null, currency: string): string {
  return minor === null ? '–' : formatMoney(minor, currency, locale());
}

/** A measured value in the reader's locale: `125,5` (sv, nb), `125.5` (en), grouped past a thousand. */
export function decimal(value: number): string {
  return formatNumber(value, locale());
}

export function longDate(iso: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale()], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(time);
}
