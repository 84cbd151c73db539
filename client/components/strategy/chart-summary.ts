import type { IndicatorJSON } from '../../../shared/model/strategy.js';
import { isOffTrack } from '../../../shared/validate/strategy.js';
import { decimal, t } from '../../i18n/index.js';

/** `152 kWh/m²` in the reader's locale (`1 340,25` sv/nb, `1,340.25` en); no unit, no stray space. */
function withUnit(value: number, unit: string): string {
  const trimmed = unit.trim();
  return trimmed === '' ? decimal(value) : `${decimal(value)} ${trimmed}`;
}

/**
 * An indicator's chart in words, for its caption and for screen readers (issue 17 user test
 * item 4): each year with its value and unit, then the target, then whether the measurements
 * keep to the straight path. "…: 2022: 152 kWh/m², 2024: 139 kWh/m². Mål 2030: 112 kWh/m².
 * På väg mot målet." A missing target year or value reads "–".
 */
export function chartSummary(i: IndicatorJSON): string {
  const points = i.measurements.map((m) => t('chartPoint', { year: String(m.year), value: withUnit(m.value, i.unit) })).join(', ');
  const target = i.targetValue === null ? '–' : withUnit(i.targetValue, i.unit);
  // Years as text: t() groups a number (a year is not one: never "2 024").
  // The "no measurements" sentence brings its own full stop; the template adds one.
  const figures = t('chartSummary', { name: i.name, points: points || t('noMeasurements').replace(/\.$/, ''), targetYear: i.targetYear === null ? '–' : String(i.targetYear), target });
  return i.measurements.length > 0 ? `${figures} ${isOffTrack(i) ? t('offTrack') : t('onTrack')}.` : figures;
}
