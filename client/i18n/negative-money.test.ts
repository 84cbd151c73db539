/**
 * The client shows negative money one way in every language (user test u11: "-SEK" in
 * English, "−" in Swedish): money() (table sums, totals, summary, change lists) and a change
 * list's signed difference write U+2212, never a hyphen-minus; zero and positive carry no sign.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/locale.js';
import { signedMoney } from '../components/present/change-format.js';
import { money, setLocale } from './index.js';

const MINUS = '\u2212';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const cases = LOCALES.flatMap((locale) => [-150_050, -100, 0, 100, 150_050].flatMap((minor) => ['SEK', 'NOK', 'EUR'].map((currency) => [locale, minor, currency] as const)));

describe('negative money on screen', () => {
  it.each(cases)('%s %i %s: money()', (locale, minor, currency) => {
    setLocale(locale);
    const text = money(minor, currency);
    expect(text).not.toContain('-');
    expect(text.startsWith(MINUS)).toBe(minor < 0);
  });

  it.each(cases)('%s %i %s: a signed difference', (locale, minor, currency) => {
    setLocale(locale);
    const text = signedMoney(minor, currency);
    expect(text).not.toContain('-');
    expect(text.charAt(0)).toBe(minor < 0 ? MINUS : minor > 0 ? '+' : '±');
  });
});
