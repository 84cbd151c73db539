import type { IndicatorJSON } from '../../../shared/model/strategy.js';
import { indicatorStatus, type IndicatorStatus } from '../../../shared/validate/strategy.js';
import { decimal, t } from '../../i18n/index.js';

/** The closing sentence for each status: a judgement, or why none can be made; none without measurements. */
const STATUS_TEXT: Record<IndicatorStatus, () => string> = {
  'no-measurements': () => '',
  'no-target': () => t('status_noTarget'),
  'no-target-value': () => t('status_noTargetValue'),
  'no-target-year': () => t('status_noTargetYear'),
  'no-baseline': () => t('status_noBaseline'),
  'no-path': () => t('status_noPath'),
  'on-track': () => `${t('onTrack')}.`,
  'off-track': () => `${t('offTrack')}.`,
};

/** `152 kWh/m²` in the reader's locale (`1 340,25` sv/nb, `1,340.25` en); no unit, no stray space. */
function withUnit(value: number, unit: string): string {
  const trimmed = unit.trim();
  return trimmed === '' ? decimal(value) : `${decimal(value)} ${trimmed}`;
}

/** "Mål 2030: 112 kWh/m²." — nothing when there is no target value (never "Mål –: –"). */
function targetSentence(i: IndicatorJSON): string {
  if (i.targetValue === null) return '';
  const target = withUnit(i.targetValue, i.unit);
  // Years as text: t() groups a number (a year is not one: never "2 024").
  return i.targetYear === null ? t('chartTargetNoYear', { target }) : t('chartTarget', { targetYear: String(i.targetYear), target });
}

/**
 * An indicator's chart in words, for its caption and for screen readers (issue 17 user test
 * item 4): its name, each year with its value and unit, then the target, then whether the
 * measurements keep to the straight path. "…: 2022: 152 kWh/m², 2024: 139 kWh/m². Mål 2030:
 * 112 kWh/m². På väg mot målet." An indicator with no name yet is "Indikator utan namn"; with
 * no target value the target sentence is left out (user test u12: ": … Mål –: –."). Measured
 * against a path that is not whole (no target, no baseline) it says it cannot be judged, never
 * "På väg mot målet" (issue 17).
 */
export function chartSummary(i: IndicatorJSON): string {
  const points = i.measurements.map((m) => t('chartPoint', { year: String(m.year), value: withUnit(m.value, i.unit) })).join(', ');
  const name = i.name.trim() === '' ? t('unnamedIndicator') : i.name.trim();
  // The "no measurements" sentence brings its own full stop; the template adds one.
  const sentences = [t('chartSummary', { name, points: points || t('noMeasurements').replace(/\.$/, '') }), targetSentence(i), STATUS_TEXT[indicatorStatus(i)]()];
  return sentences.filter((text) => text !== '').join(' ');
}
