/**
 * Issue 17 ("every user, every screen"): an indicator with measurements but no target said
 * "På väg mot målet" — nothing can be judged without a target value and year. Table over
 * sv/nb/en × target value missing / target year missing / both / neither × no, one and many
 * measurements: the caption never says on or off track without a whole target, says why it
 * cannot judge exactly when there is something to judge, and the shared status agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorJSON } from '../../../shared/model/strategy.js';
import { indicatorStatus, isOffTrack } from '../../../shared/validate/strategy.js';
import { setLocale } from '../../i18n/index.js';
import { chartSummary } from './chart-summary.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const MEASUREMENTS = {
  none: [],
  one: [{ year: 2024, value: 139, source: '' }],
  many: [
    { year: 2022, value: 152, source: '' },
    { year: 2024, value: 139, source: '' },
    { year: 2025, value: 150, source: '' },
  ],
} as const;

function indicator(missing: 'value' | 'year' | 'both' | 'neither', measured: keyof typeof MEASUREMENTS): IndicatorJSON {
  return {
    id: 'i',
    goalId: 'g',
    name: 'Energianvändning',
    unit: 'kWh/m²',
    direction: 'decrease',
    baselineYear: 2022,
    baselineValue: 152,
    targetYear: missing === 'year' || missing === 'both' ? null : 2030,
    targetValue: missing === 'value' || missing === 'both' ? null : 112,
    measurements: MEASUREMENTS[measured].map((m) => ({ ...m })),
  };
}

/** The judgements a caption may make, and the sentence for each target missing. */
const WORDS = {
  sv: { judged: /På väg mot målet|Efter den raka vägen mot målet/, value: 'Inget målvärde satt – kan inte bedömas.', year: 'Inget målår satt – kan inte bedömas.', both: 'Inget mål satt – kan inte bedömas.' },
  nb: { judged: /På vei mot målet|Etter den rette linjen mot målet/, value: 'Ingen målverdi satt – kan ikke vurderes.', year: 'Ikke noe målår satt – kan ikke vurderes.', both: 'Ikke noe mål satt – kan ikke vurderes.' },
  en: { judged: /On track|Behind the straight path/, value: 'No target value set – cannot be judged.', year: 'No target year set – cannot be judged.', both: 'No target set – cannot be judged.' },
} as const;

describe('an indicator without a whole target is never judged', () => {
  const cases = (['sv', 'nb', 'en'] as const).flatMap((locale) =>
    (['value', 'year', 'both', 'neither'] as const).flatMap((missing) => (['none', 'one', 'many'] as const).map((measured) => [locale, missing, measured] as const)),
  );
  it.each(cases)('%s: target %s missing, %s measurements', (locale, missing, measured) => {
    setLocale(locale);
    const value = indicator(missing, measured);
    const text = chartSummary(value);
    const words = WORDS[locale];
    const hasMeasurements = measured !== 'none';
    const status = indicatorStatus(value);
    if (missing === 'neither') {
      expect(text).not.toContain('–');
      expect(words.judged.test(text)).toBe(hasMeasurements);
      expect(status).toBe(hasMeasurements ? (measured === 'many' ? 'off-track' : 'on-track') : 'no-measurements');
      return;
    }
    expect(text).not.toMatch(words.judged);
    expect(isOffTrack(value)).toBe(false);
    expect(text.endsWith(` ${words[missing]}`)).toBe(hasMeasurements);
    for (const other of ['value', 'year', 'both'] as const) if (other !== missing || !hasMeasurements) expect(text).not.toContain(words[other]);
    expect(status).toBe(hasMeasurements ? { value: 'no-target-value', year: 'no-target-year', both: 'no-target' }[missing] : 'no-measurements');
  });
});

describe('nor one whose straight path is not drawn', () => {
  it.each([
    ['sv', { baselineYear: null }, 'Inget basår eller utgångsvärde satt – kan inte bedömas.'],
    ['nb', { baselineValue: null }, 'Ikke noe basisår eller utgangsverdi satt – kan ikke vurderes.'],
    ['en', { baselineYear: null, baselineValue: null }, 'No baseline set – cannot be judged.'],
    ['sv', { targetYear: 2020 }, 'Målåret är inte efter basåret – kan inte bedömas.'],
    ['nb', { targetYear: 2022 }, 'Målåret er ikke etter basisåret – kan ikke vurderes.'],
    ['en', { targetYear: 2021 }, 'The target year is not after the baseline year – cannot be judged.'],
  ] as const)('%s: %o', (locale, fields, sentence) => {
    setLocale(locale);
    const text = chartSummary({ ...indicator('neither', 'many'), ...fields });
    expect(text).not.toMatch(WORDS[locale].judged);
    expect(text.endsWith(` ${sentence}`)).toBe(true);
  });
});
