/**
 * An adopted version's decision in words, per language (user test u11: the guest's box did
 * not say who adopted the version nor when; the versions list showed the date as stored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/index.js';
import { adoptedByText, versionKindLabel } from './decision-text.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const rows = [
  ['sv', 'Kommunfullmäktige', '2027-03-15', 'KF § 42', 'Antagen av Kommunfullmäktige 15 mars 2027 (KF § 42)'],
  ['nb', 'Kommunestyret', '2027-03-15', 'KS-sak 12/27', 'Vedtatt av Kommunestyret 15. mars 2027 (KS-sak 12/27)'],
  ['en', 'the Council', '2027-03-15', 'C 42', 'Adopted by the Council 15 March 2027 (C 42)'],
  ['sv', 'Kommunstyrelsen', '2026-12-01', 'KS § 1', 'Antagen av Kommunstyrelsen 1 december 2026 (KS § 1)'],
  ['nb', 'Formannskapet', '2028-02-29', 'F 3', 'Vedtatt av Formannskapet 29. februar 2028 (F 3)'],
  ['en', 'the Board', '2027-01-01', 'B 1', 'Adopted by the Board 1 January 2027 (B 1)'],
  // A stored date that does not parse is shown as it is, never "Invalid Date".
  ['sv', 'KF', 'okänt', 'KF § 9', 'Antagen av KF okänt (KF § 9)'],
] as const;

describe('adoptedByText', () => {
  it.each(rows)('%s: %s %s %s', (locale, body, date, reference, expected) => {
    setLocale(locale);
    expect(adoptedByText({ body, date, reference })).toBe(expected);
  });

  it('never shows the stored YYYY-MM-DD of a valid date', () => {
    for (const locale of ['sv', 'nb', 'en'] as const) {
      setLocale(locale);
      expect(adoptedByText({ body: 'KF', date: '2027-03-15', reference: 'x' })).not.toContain('2027-03-15');
    }
  });
});

describe('versionKindLabel', () => {
  const decision = { body: 'KF', date: '2027-03-15', reference: 'KF § 42' };
  it.each(['sv', 'nb', 'en'] as const)('%s: an adopted version is named once, by its decision', (locale) => {
    setLocale(locale);
    for (const kind of ['named', 'auto'] as const) {
      const label = versionKindLabel({ kind, decision });
      const sentence = adoptedByText(decision);
      expect(label === null || !sentence.startsWith(label)).toBe(true);
      expect(label).toBeNull();
    }
    expect(versionKindLabel({ kind: 'named', decision: null })).toBeTruthy();
    expect(versionKindLabel({ kind: 'auto', decision: null })).not.toBe(versionKindLabel({ kind: 'named', decision: null }));
  });
});
