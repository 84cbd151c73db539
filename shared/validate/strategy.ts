/** Rules of a strategy: indicators that make sense and are on track. */
import type { IndicatorJSON, StrategyJSON } from '../model/strategy.js';
import { allStrategyGoals } from '../model/strategy.js';
import { Findings, labelOf } from './checks.js';
import type { Subject } from './issue.js';

/**
 * Where an indicator should be in `year` on the straight line from baseline to target;
 * null when the line is not defined.
 */
export function expectedValue(indicator: IndicatorJSON, year: number): number | null {
  const { baselineYear, baselineValue, targetYear, targetValue } = indicator;
  if (baselineYear === null || baselineValue === null || targetYear === null || targetValue === null) return null;
  if (targetYear <= baselineYear) return null;
  return baselineValue + ((targetValue - baselineValue) * (year - baselineYear)) / (targetYear - baselineYear);
}

/**
 * What an indicator's measurements say about its target, for every place that shows it (the
 * chart's caption and colour, the off-track warning): `on-track`/`off-track` only when there
 * is a straight path to judge by — a target value and year, a baseline value and year, the
 * target year after the baseline year — and something measured (issue 17: an indicator with
 * no target said "På väg mot målet"). Which part is missing is its own status, so the text can
 * say what to fill in.
 */
export type IndicatorStatus = 'no-measurements' | 'no-target' | 'no-target-value' | 'no-target-year' | 'no-baseline' | 'no-path' | 'on-track' | 'off-track';

/** The status of `indicator` (see {@link IndicatorStatus}); judged by its latest measurement. */
export function indicatorStatus(indicator: IndicatorJSON): IndicatorStatus {
  const latest = indicator.measurements.at(-1);
  if (!latest) return 'no-measurements';
  const { targetYear, targetValue, baselineYear, baselineValue } = indicator;
  if (targetYear === null && targetValue === null) return 'no-target';
  if (targetValue === null) return 'no-target-value';
  if (targetYear === null) return 'no-target-year';
  if (baselineYear === null || baselineValue === null) return 'no-baseline';
  if (targetYear <= baselineYear) return 'no-path';
  // At or before the baseline year the measurement is the starting point, not behind it.
  if (latest.year <= baselineYear) return 'on-track';
  const expected = expectedValue(indicator, latest.year) ?? latest.value;
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  const behind = indicator.direction === 'decrease' ? latest.value > expected + tolerance : latest.value < expected - tolerance;
  return behind ? 'off-track' : 'on-track';
}

/** True when the latest measurement is behind the straight line (the wrong side of it for the direction). */
export function isOffTrack(indicator: IndicatorJSON): boolean {
  return indicatorStatus(indicator) === 'off-track';
}

export function validateStrategy(strategy: StrategyJSON): Findings {
  const f = new Findings();
  const self: Subject = { noun: 'strategy', label: strategy.title };
  f.placeholder(strategy.title, ['meta', 'title'], self);
  f.placeholder(strategy.vision, ['vision'], self);
  f.date(strategy.adopted, ['meta', 'adopted'], self);
  const start = f.date(strategy.periodStart, ['meta', 'periodStart'], self) ? strategy.periodStart : null;
  const end = f.date(strategy.periodEnd, ['meta', 'periodEnd'], self) ? strategy.periodEnd : null;
  if (start !== null && end !== null && end < start) f.add('date.end-before-start', ['meta', 'periodEnd'], { subject: self });

  for (const area of strategy.focusAreas) {
    if (area.id === null) continue;
    const subject: Subject = { noun: 'focusArea', label: area.title };
    f.placeholder(area.title, ['focusAreas', area.id, 'title'], subject);
    f.placeholder(area.description, ['focusAreas', area.id, 'description'], subject);
  }
  const goals = allStrategyGoals(strategy);
  const orphanGoals = new Set(strategy.focusAreas.find((area) => area.id === null)?.goals.map((goal) => goal.id));
  for (const goal of goals) {
    const subject: Subject = { noun: 'goal', label: labelOf(goal.number, goal.title) };
    if (orphanGoals.has(goal.id)) f.add('structure.orphan', ['goals', goal.id, 'focusAreaId'], { subject });
    f.placeholder(goal.title, ['goals', goal.id, 'title'], subject);
    f.placeholder(goal.description, ['goals', goal.id, 'description'], subject);
    for (const indicator of goal.indicators) validateIndicator(f, indicator);
  }
  f.duplicateNumbers(
    goals.map((goal) => ({ number: goal.number, path: ['goals', goal.id, 'number'], subject: { noun: 'goal', label: labelOf(goal.number, goal.title) } })),
  );
  for (const indicator of strategy.orphanIndicators) {
    f.add('structure.orphan', ['indicators', indicator.id, 'goalId'], { subject: { noun: 'indicator', label: indicator.name } });
    validateIndicator(f, indicator);
  }
  return f;
}

function validateIndicator(f: Findings, indicator: IndicatorJSON): void {
  const at = (field: string) => ['indicators', indicator.id, field];
  const subject: Subject = { noun: 'indicator', label: indicator.name };
  f.placeholder(indicator.name, at('name'), subject);
  if (indicator.baselineYear !== null && indicator.targetYear !== null && indicator.targetYear <= indicator.baselineYear) {
    f.add('indicator.target-before-baseline', at('targetYear'), { subject });
  }
  const latest = indicator.measurements.at(-1);
  if (latest && isOffTrack(indicator)) {
    const expected = expectedValue(indicator, latest.year) ?? 0;
    const measured = { year: latest.year, value: latest.value, expected, unit: indicator.unit };
    f.add('indicator.off-track', ['indicators', indicator.id, 'measurements', String(latest.year)], { subject, measured });
  }
}
