/**
 * Numbers in a validation message are written the reader's way (user test u11: a Swedish
 * off-track warning read "135.6" where the indicator table shows "135,6"). Table: the
 * messages that carry a number (an indicator off track, a deadline in days, an agenda
 * running over in minutes) x sv/nb/en, with a decimal and a grouped value.
 */
import { describe, expect, it } from 'vitest';
import { createDocument } from '../model/document.js';
import type { Locale } from '../locale.js';
import { validate } from './index.js';

const NBSP = '\u00a0';
/** How the indicator table (client decimal(), shared formatNumber) writes 135.6. */
const WRITTEN: Record<Locale, string> = { sv: '135,6', nb: '135,6', en: '135.6' };

/** A strategy whose one indicator (to rise 100 → 2 000 in 2020–2030) measured `value` in 2025. */
function strategy(value: number) {
  const indicator = { id: 'i1', name: 'Solel', unit: 'MWh', direction: 'increase', baselineYear: 2020, baselineValue: 100, targetYear: 2030, targetValue: 2000 };
  const goal = { number: '1', title: 'Mer solel', description: '', objectives: [], links: [], indicators: [{ ...indicator, measurements: [{ year: 2025, value, source: '' }] }] };
  return createDocument('strategy', { title: 'Energi', focusAreas: [{ title: 'Energi', goals: [goal] }] } as never);
}

const offTrack = (value: number, locale: Locale) => validate(strategy(value), { today: '2026-01-01', locale }).find((i) => i.code === 'indicator.off-track')?.message ?? '';

describe('an off-track warning writes its figures as the table does', () => {
  it.each(['sv', 'nb', 'en'] as const)('%s: a decimal measurement (135.6)', (locale) => {
    const message = offTrack(135.6, locale);
    expect(message).toContain(WRITTEN[locale]);
    // The expected value on the straight path is 1 050: grouped as the locale groups.
    expect(message).toContain(locale === 'en' ? '1,050' : `1${NBSP}050`);
    if (locale !== 'en') expect(message).not.toContain('135.6');
    // A year is not a number to group.
    expect(message).toContain('2025');
  });

  it.each(['sv', 'nb', 'en'] as const)('%s: a grouped decimal measurement (1034.5)', (locale) => {
    const message = offTrack(1034.5, locale);
    expect(message).toContain(locale === 'en' ? '1,034.5' : `1${NBSP}034,5`);
    // Never the JS number form (1034.5) nor an ungrouped one (1034,5).
    expect(message).not.toMatch(/\d{4}[.,]\d/);
  });
});
