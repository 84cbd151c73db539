import { createEffect, onCleanup } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { IndicatorJSON } from '../../../shared/model/strategy.js';
import { expectedValue, isOffTrack } from '../../../shared/validate/strategy.js';
import { decimal, t } from '../../i18n/index.js';
import { chartSummary } from './chart-summary.js';

/**
 * Measurements against the straight path from baseline to target, drawn with uPlot. The
 * canvas is described in text for screen readers; the measurements table holds the data.
 */
export function IndicatorChart(props: { indicator: IndicatorJSON }) {
  let host: HTMLDivElement | undefined;
  let chart: uPlot | undefined;
  const summary = () => chartSummary(props.indicator);
  createEffect(() => {
    const i = props.indicator;
    const years = new Set<number>(i.measurements.map((m) => m.year));
    if (i.baselineYear !== null) years.add(i.baselineYear);
    if (i.targetYear !== null) years.add(i.targetYear);
    const xs = [...years].sort((a, b) => a - b);
    const measured = xs.map((year) => i.measurements.find((m) => m.year === year)?.value ?? null);
    const path = xs.map((year) => (i.baselineYear !== null && i.targetYear !== null && year >= i.baselineYear && year <= i.targetYear ? expectedValue(i, year) : null));
    const data: uPlot.AlignedData = [xs, measured, path];
    chart?.destroy();
    if (!host || xs.length === 0) return;
    chart = new uPlot(
      {
        width: Math.max(280, host.clientWidth || 480),
        height: 220,
        scales: { x: { time: false } },
        // A year is not a number to group ("2 024"); values in the reader's locale ("125,5").
        axes: [{ values: (_u, ticks) => ticks.map((v) => String(Math.round(v))) }, { label: i.unit, values: (_u, ticks) => ticks.map((v) => decimal(v)) }],
        series: [
          { label: t('year'), value: (_u, v) => (v === null ? '–' : String(Math.round(v))) },
          { label: t('measurements'), stroke: isOffTrack(i) ? '#b3261e' : '#0b5cad', width: 2, points: { size: 7 }, spanGaps: true, value: (_u, v) => (v === null ? '–' : decimal(v)) },
          { label: t('pathToTarget'), stroke: '#4a5360', dash: [6, 4], width: 1.5, spanGaps: true, value: (_u, v) => (v === null ? '–' : decimal(Math.round(v * 100) / 100)) },
        ],
      },
      data,
      host,
    );
    // The legend (line names, hovered values) repeats the caption and the table: screen
    // readers read it as "År–Uppföljning–Rak väg mot målet–" (user test u12). Seen, not spoken.
    chart.root.querySelector('.u-legend')?.setAttribute('aria-hidden', 'true');
  });
  onCleanup(() => chart?.destroy());
  return (
    <figure class="indicator-chart">
      <div ref={host} role="img" aria-label={summary()} data-measurements={props.indicator.measurements.length} />
      <figcaption classList={{ 'off-track': isOffTrack(props.indicator) }}>{summary()}</figcaption>
    </figure>
  );
}
