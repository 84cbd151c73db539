/**
 * Every number the client writes into running text is in the reader's locale, through the
 * one formatter the tables use (shared/numbers.ts formatNumber, client `decimal()`): user
 * test u11 found a Swedish warning reading "135.6" where the table shows "135,6". Table:
 * every message key that takes a parameter (t() and the facilitation ft()) x sv/nb/en, given
 * a decimal number, and the change list's and history's values of every numeric field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../shared/locale.js';
import { valueText } from '../components/history/history-text.js';
import { changeValue } from '../components/present/change-format.js';
import { statusMessage } from '../sync/close-codes.js';
import { FACILITATION_MESSAGES, ft, type FacilitationKey } from './facilitation-messages.js';
import { setLocale, t } from './index.js';
import { MESSAGES, type MessageKey } from './messages.js';

const NBSP = '\u00a0';
/** 1234.5 as the tables write it. */
const WRITTEN: Record<Locale, string> = { sv: `1${NBSP}234,5`, nb: `1${NBSP}234,5`, en: '1,234.5' };
const VALUE = 1234.5;

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

/** Keys whose text (in any language) has a `{placeholder}`, with those placeholders. */
function withParams(table: Record<string, Record<string, string>>): Array<[string, string[]]> {
  const keys = new Map<string, Set<string>>();
  for (const messages of Object.values(table)) {
    for (const [key, text] of Object.entries(messages)) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) keys.set(key, (keys.get(key) ?? new Set()).add(name ?? ''));
    }
  }
  return [...keys].map(([key, names]) => [key, [...names]]);
}

const tKeys = withParams(MESSAGES);
const ftKeys = withParams(FACILITATION_MESSAGES);

const rows = (keys: Array<[string, string[]]>) => keys.flatMap(([key, names]) => LOCALES.map((locale) => [key, names, locale] as const));

describe('a number given to a message is written the locale way', () => {
  it('covers the keys that take parameters', () => expect(tKeys.length).toBeGreaterThan(50));

  it.each(rows(tKeys))('t %s (%j) in %s', (key, names, locale) => {
    setLocale(locale);
    const text = t(key as MessageKey, Object.fromEntries(names.map((name) => [name, VALUE])));
    expect(text).toContain(WRITTEN[locale]);
    expect(text).not.toContain('1234.5');
  });

  it.each(rows(ftKeys))('ft %s (%j) in %s', (key, names, locale) => {
    setLocale(locale);
    const text = ft(key as FacilitationKey, Object.fromEntries(names.map((name) => [name, VALUE])));
    expect(text).toContain(WRITTEN[locale]);
    expect(text).not.toContain('1234.5');
  });
});

/** Numeric fields that are neither money nor a year (shared/model/field-types.ts). */
const MEASURES = ['baselineValue', 'targetValue', 'value', 'progress', 'minutes', 'priority'];
const YEARS = ['baselineYear', 'targetYear', 'year'];

describe('a change list and the history write a changed number the locale way', () => {
  it.each(MEASURES.flatMap((field) => LOCALES.map((locale) => [field, locale] as const)))('%s in %s', (field, locale) => {
    setLocale(locale);
    expect(changeValue(field, VALUE, 'SEK')).toBe(WRITTEN[locale]);
    expect(valueText(field, VALUE, 'SEK')).toBe(WRITTEN[locale]);
  });

  it.each(YEARS.flatMap((field) => LOCALES.map((locale) => [field, locale] as const)))('a year (%s) in %s is not grouped', (field, locale) => {
    setLocale(locale);
    expect(changeValue(field, 2024, 'SEK')).toBe('2024');
    expect(valueText(field, 2024, 'SEK')).toBe('2024');
  });
});

describe('a code is not a quantity: never grouped', () => {
  it.each(LOCALES)('a final websocket close code in %s reads 4499, not 4 499', (locale) => {
    setLocale(locale);
    const { key, params } = statusMessage({ state: 'error', code: 4499 });
    expect(t(key, params)).toContain('(4499)');
  });
});
