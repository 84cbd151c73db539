import { createEffect, onCleanup, onMount, Show } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { IndicatorJSON } from '../../../shared/model/strategy.js';
import { expectedValue, isOffTrack } from '../../../shared/validate/strategy.js';
import { decimal, t } from '../../i18n/index.js';
import { chartSummary } from './chart-summary.js';

/** The chart's height in CSS px; its width is its box's. */
const HEIGHT = 220;
/** Narrowest chart drawn, CSS px: below it the plot would be a sliver (a 320 px phone's box is ~250). */
const MIN_WIDTH = 200;

/** The axes' font, set (not uPlot's default) so that the y axis can be sized to it. */
const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Noto Sans", sans-serif';

/**
 * A y axis as wide as its widest value ("1 250 000") in CSS px, not uPlot's fixed 50 px, which
 * cut the values at phone width (user test). `values` is null on uPlot's first pass.
 */
const fitValues: uPlot.Axis.Size = (self, values, axisIdx) => {
  const axis = self.axes[axisIdx];
  const ticks = (axis?.ticks?.size ?? 10) + (axis?.gap ?? 5);
  const widest = (values ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (widest === '') return ticks + 30;
  // uPlot caches the font it last set on this context: put it back after measuring.
  const saved = self.ctx.font;
  self.ctx.font = AXIS_FONT;
  const textWidth = self.ctx.measureText(widest).width;
  self.ctx.font = saved;
  // +2: anti-aliasing at the ends.
  return Math.ceil(ticks + textWidth + 2);
};

/** uPlot's options for an indicator at `width` CSS px. */
function chartOptions(i: IndicatorJSON, width: number): uPlot.Options {
  const show = (v: number | null, text: (v: number) => string) => (v === null ? '–' : text(v));
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false } },
    // A year is not a number to group ("2 024"); values in the reader's locale ("125,5"). The
    // unit is text above the chart (it wraps), not a rotated label: 40 characters do not fit
    // beside a 220 px plot and were cut at both ends (user test).
    axes: [
      { font: AXIS_FONT, values: (_u, ticks) => ticks.map((v) => String(Math.round(v))) },
      { font: AXIS_FONT, size: fitValues, values: (_u, ticks) => ticks.map((v) => decimal(v)) },
    ],
    series: [
      { label: t('year'), value: (_u, v) => show(v, (y) => String(Math.round(y))) },
      { label: t('measurements'), stroke: isOffTrack(i) ? '#b3261e' : '#0b5cad', width: 2, points: { size: 7 }, spanGaps: true, value: (_u, v) => show(v, decimal) },
      { label: t('pathToTarget'), stroke: '#4a5360', dash: [6, 4], width: 1.5, spanGaps: true, value: (_u, v) => show(v, (x) => decimal(Math.round(x * 100) / 100)) },
    ],
  };
}

/** The years to draw, the measured values and the straight path's values, aligned. */
function chartData(i: IndicatorJSON): uPlot.AlignedData {
  const years = new Set<number>(i.measurements.map((m) => m.year));
  if (i.baselineYear !== null) years.add(i.baselineYear);
  if (i.targetYear !== null) years.add(i.targetYear);
  const xs = [...years].sort((a, b) => a - b);
  const measured = xs.map((year) => i.measurements.find((m) => m.year === year)?.value ?? null);
  const path = xs.map((year) => (i.baselineYear !== null && i.targetYear !== null && year >= i.baselineYear && year <= i.targetYear ? expectedValue(i, year) : null));
  return [xs, measured, path];
}

/**
 * Measurements against the straight path from baseline to target, drawn with uPlot as wide as
 * its box (and redrawn when the box changes: a phone turned, the panel beside it). The canvas
 * is described in text for screen readers; the measurements table holds the data.
 */
export function IndicatorChart(props: { indicator: IndicatorJSON }) {
  let host: HTMLDivElement | undefined;
  let chart: uPlot | undefined;
  const summary = () => chartSummary(props.indicator);
  const width = () => Math.max(MIN_WIDTH, host?.clientWidth || 480);
  createEffect(() => {
    const data = chartData(props.indicator);
    chart?.destroy();
    chart = undefined;
    if (!host || data[0].length === 0) return;
    chart = new uPlot(chartOptions(props.indicator, width()), data, host);
    // The legend (line names, hovered values) repeats the caption and the table: screen
    // readers read it as "År–Uppföljning–Rak väg mot målet–" (user test u12). Seen, not spoken.
    chart.root.querySelector('.u-legend')?.setAttribute('aria-hidden', 'true');
  });
  onMount(() => {
    if (!host || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => chart && chart.width !== width() && chart.setSize({ width: width(), height: HEIGHT }));
    observer.observe(host);
    onCleanup(() => observer.disconnect());
  });
  onCleanup(() => chart?.destroy());
  return (
    <figure class="indicator-chart">
      {/* Seen, not spoken: the summary below (and the image's name) say the unit. */}
      <Show when={props.indicator.unit.trim()}>
        <p class="chart-unit" aria-hidden="true">
          {props.indicator.unit}
        </p>
      </Show>
      <div ref={host} role="img" aria-label={summary()} data-measurements={props.indicator.measurements.length} />
      <figcaption classList={{ 'off-track': isOffTrack(props.indicator) }}>{summary()}</figcaption>
    </figure>
  );
}
