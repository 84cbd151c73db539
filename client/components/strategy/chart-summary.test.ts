/** The chart's text for screen readers and its caption (issue 17 user test item 4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorJSON } from '../../../shared/model/strategy.js';
import { setLocale } from '../../i18n/index.js';
import { chartSummary } from './chart-summary.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

function indicator(fields: Partial<IndicatorJSON>): IndicatorJSON {
  return {
    id: 'i',
    goalId: 'g',
    name: 'Energianvändning i kommunala lokaler',
    unit: 'kWh/m²',
    direction: 'decrease',
    baselineYear: 2022,
    baselineValue: 152,
    targetYear: 2030,
    targetValue: 112,
    measurements: [
      { year: 2022, value: 152, source: '' },
      { year: 2024, value: 139, source: '' },
    ],
    ...fields,
  };
}

/** The on-track note that follows the figures when there are measurements. */
const STATUS = { sv: / (På väg mot målet|Efter den raka vägen mot målet)\.$/, nb: / (På vei mot målet|Etter den rette linjen mot målet)\.$/, en: / (On track|Behind the straight path to the target)[^.]*\.$/ } as const;
const NBSP = '\u00a0';
const decimals = indicator({ unit: 't', targetValue: 1250.5, measurements: [{ year: 2023, value: 1340.25, source: '' }] });

describe('chart summary: each year with its value and unit', () => {
  it.each([
    ['sv', indicator({}), 'Energianvändning i kommunala lokaler: 2022: 152 kWh/m², 2024: 139 kWh/m². Mål 2030: 112 kWh/m².'],
    ['nb', indicator({}), 'Energianvändning i kommunala lokaler: 2022: 152 kWh/m², 2024: 139 kWh/m². Mål 2030: 112 kWh/m².'],
    ['en', indicator({}), 'Energianvändning i kommunala lokaler: 2022: 152 kWh/m², 2024: 139 kWh/m². Target 2030: 112 kWh/m².'],
    ['sv', decimals, `Energianvändning i kommunala lokaler: 2023: 1${NBSP}340,25 t. Mål 2030: 1${NBSP}250,5 t.`],
    ['nb', decimals, `Energianvändning i kommunala lokaler: 2023: 1${NBSP}340,25 t. Mål 2030: 1${NBSP}250,5 t.`],
    ['en', decimals, 'Energianvändning i kommunala lokaler: 2023: 1,340.25 t. Target 2030: 1,250.5 t.'],
    // No unit: no stray space before the comma or full stop.
    ['sv', indicator({ unit: '' }), 'Energianvändning i kommunala lokaler: 2022: 152, 2024: 139. Mål 2030: 112.'],
    ['sv', indicator({ unit: '  ' }), 'Energianvändning i kommunala lokaler: 2022: 152, 2024: 139. Mål 2030: 112.'],
    ['sv', indicator({ measurements: [] }), 'Energianvändning i kommunala lokaler: Inga mätvärden än. Mål 2030: 112 kWh/m².'],
    // No whole target: nothing to judge by, and the caption says so (chart-status.test.ts).
    ['sv', indicator({ targetYear: null, targetValue: null }), 'Energianvändning i kommunala lokaler: 2022: 152 kWh/m², 2024: 139 kWh/m². Inget mål satt – kan inte bedömas.'],
    ['sv', indicator({ targetYear: null }), 'Energianvändning i kommunala lokaler: 2022: 152 kWh/m², 2024: 139 kWh/m². Mål: 112 kWh/m². Inget målår satt – kan inte bedömas.'],
    // Right after "+ Lägg till indikator" (user test u12): no name, no target, no measurements.
    ['sv', indicator({ name: '', targetYear: null, targetValue: null, measurements: [] }), 'Indikator utan namn: Inga mätvärden än.'],
    ['nb', indicator({ name: '', targetYear: null, targetValue: null, measurements: [] }), 'Indikator uten navn: Ingen målinger ennå.'],
    ['en', indicator({ name: ' ', targetYear: null, targetValue: null, measurements: [] }), 'Unnamed indicator: No measurements yet.'],
  ] as const)('%s: %#', (locale, value, text) => {
    setLocale(locale);
    // The on-track note after it is its own sentence; only the figures are checked here.
    expect(chartSummary(value).replace(STATUS[locale], '')).toBe(text);
  });

  it('never puts a year right next to its value without a colon (seeded table)', () => {
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const locale of ['sv', 'nb', 'en'] as const) {
      setLocale(locale);
      for (let n = 0; n < 100; n++) {
        const measurements = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, k) => ({ year: 2000 + k * 2, value: Math.round(next() * 1e6) / 100, source: '' }));
        const text = chartSummary(indicator({ measurements, unit: next() < 0.3 ? '' : '%' }));
        for (const m of measurements) expect(text).toContain(`${m.year}: `);
        expect(text).not.toMatch(/\b20\d\d \d/);
      }
    }
  });
});

/** The caption's parts for each locale: the unnamed word, "no measurements", the target word. */
const WORDS = {
  sv: { unnamed: 'Indikator utan namn', none: 'Inga mätvärden än', target: 'Mål' },
  nb: { unnamed: 'Indikator uten navn', none: 'Ingen målinger ennå', target: 'Mål' },
  en: { unnamed: 'Unnamed indicator', none: 'No measurements yet', target: 'Target' },
} as const;

describe('chart summary of an indicator still being filled in (user test u12)', () => {
  const cases = (['sv', 'nb', 'en'] as const).flatMap((locale) => [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => [locale, !!(bits & 1), !!(bits & 2), !!(bits & 4)] as const));
  it.each(cases)('%s: no name %s, no target %s, no measurements %s', (locale, noName, noTarget, noMeasurements) => {
    setLocale(locale);
    const words = WORDS[locale];
    const text = chartSummary(indicator({ ...(noName ? { name: '' } : {}), ...(noTarget ? { targetYear: null, targetValue: null } : {}), ...(noMeasurements ? { measurements: [] } : {}) }));
    expect(text).not.toMatch(/^\s*:/);
    // No dash standing in for a missing year or value ("Mål –: –"); "– kan inte bedömas" is a sentence's.
    expect(text).not.toMatch(/–:|: –|– ?\./);
    expect(text).not.toMatch(/\.\./);
    expect(text.startsWith(noName ? `${words.unnamed}: ` : 'Energianvändning i kommunala lokaler: ')).toBe(true);
    expect(text.includes(words.none)).toBe(noMeasurements);
    expect(text.includes(`${words.target} 2030: 112`)).toBe(!noTarget);
  });
});
