import { createEffect, For, onCleanup, Show } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fcount, ft } from '../../i18n/facilitation-messages.js';
import type { RoundResult, SessionRound } from '../../sync/session.js';
import { resultName, resultRank, shortLabel } from './results.js';
import type { Facilitation } from './use-facilitation.js';

/** The axis font, set so that the room the last name needs can be measured in it. */
const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Noto Sans", sans-serif';

/**
 * Room right of the plot, CSS px, for the last bar's name: drawn rotated 25° down to the right
 * from under the bar's middle, it ran off the canvas at phone width (user test). Half a bar's
 * slot lies beside the name's start as well; not counted: the plot's width is not known yet.
 */
function rightRoom(name: string): number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return 16;
  ctx.font = AXIS_FONT;
  const reach = ctx.measureText(name).width * Math.cos((25 * Math.PI) / 180);
  return Math.max(16, Math.ceil(reach + 4));
}

/**
 * A closed round: the ranked results as a bar chart (uPlot, the project's chart library)
 * and as an ordered list with each item's priority — the list is the chart's text.
 */
export function RoundResults(props: { f: Facilitation; round: SessionRound }) {
  let host: HTMLDivElement | undefined;
  let chart: uPlot | undefined;
  const words = { renamed: (label: string, now: string) => ft('resultRenamed', { label, now }), removed: (label: string) => ft('resultRemoved', { label }) };
  /** The result's item as named in the list and the chart's text (`resultName`). */
  const nameOf = (r: RoundResult) => resultName(r.label, props.f.items().find((i) => i.collection === r.collection && i.id === r.id)?.label, words);
  createEffect(() => {
    const results = props.round.results;
    chart?.destroy();
    if (!host || results.length === 0) return;
    const names = results.map((r) => shortLabel(r.label ?? nameOf(r)));
    const width = Math.max(280, Math.min(640, host.clientWidth || 480));
    chart = new uPlot(
      {
        width,
        height: 240,
        padding: [null, rightRoom(names.at(-1) ?? ''), null, null],
        legend: { show: false },
        scales: { x: { time: false, range: [0.5, results.length + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // The items' names under their bars, not bare ranks (issue 19 user test).
          { font: AXIS_FONT, values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? (names[v - 1] ?? '') : '')), rotate: -25, size: 70, gap: 4 },
          { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) },
        ],
        series: [{ label: '#' }, { label: ft('dotsOn', { count: '' }).trim(), fill: '#0b5cad', stroke: '#0b5cad', paths: uPlot.paths.bars?.({ size: [0.6, 80] }), points: { show: false } }],
      },
      [results.map((_, i) => i + 1), results.map((r) => r.dots)],
      host,
    );
  });
  onCleanup(() => chart?.destroy());
  const summary = () => props.round.results.map((r, i) => `${i + 1}. ${nameOf(r)} (${r.dots})`).join(', ');
  return (
    <section class="session-results" aria-labelledby={`results-${props.round.id}`} data-results={props.round.id}>
      <h3 id={`results-${props.round.id}`} tabIndex={-1}>{ft('results', { title: props.round.title })}</h3>
      <div ref={host} class="session-chart" role="img" aria-label={ft('resultsSummary', { list: summary() })} />
      <ol class="session-ranking">
        <For each={props.round.results}>
          {(result, index) => (
            <li data-rank={index() + 1} data-result={`${result.collection}:${result.id}`}>
              <Show when={resultRank(result, index())}>{(rank) => <span class="priority-badge">{ft('priority', { rank: rank() })}</span>}</Show> <span data-result-name>{nameOf(result)}</span> —{' '}
              {resultRank(result, index()) === null ? `${fcount('dotsOn', 0)} – ${ft('noPriority')}` : ft('dotsCount', { dots: fcount('dotsOn', result.dots), voters: fcount('votersCount', result.voters) })}
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
