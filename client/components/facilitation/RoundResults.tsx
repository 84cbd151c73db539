import { createEffect, For, onCleanup } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ft } from '../../i18n/facilitation-messages.js';
import type { SessionRound } from '../../sync/session.js';
import type { Facilitation } from './use-facilitation.js';

/**
 * A closed round: the ranked results as a bar chart (uPlot, the project's chart library)
 * and as an ordered list with each item's priority — the list is the chart's text.
 */
export function RoundResults(props: { f: Facilitation; round: SessionRound }) {
  let host: HTMLDivElement | undefined;
  let chart: uPlot | undefined;
  const labelOf = (collection: string, id: string) => props.f.items().find((i) => i.collection === collection && i.id === id)?.label ?? '–';
  // The item's stored priority (ties share a rank on the server), else its place in the list.
  const rankOf = (collection: string, id: string, place: number) => props.f.items().find((i) => i.collection === collection && i.id === id)?.priority ?? place;
  createEffect(() => {
    const results = props.round.results;
    chart?.destroy();
    if (!host || results.length === 0) return;
    const xs = results.map((_, i) => i + 1);
    chart = new uPlot(
      {
        width: Math.max(280, Math.min(640, host.clientWidth || 480)),
        height: 200,
        legend: { show: false },
        scales: { x: { time: false, range: [0.5, results.length + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) }, { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) }],
        series: [{ label: '#' }, { label: ft('dotsOn', { count: '' }).trim(), fill: '#0b5cad', stroke: '#0b5cad', paths: uPlot.paths.bars?.({ size: [0.6, 80] }), points: { show: false } }],
      },
      [xs, results.map((r) => r.dots)],
      host,
    );
  });
  onCleanup(() => chart?.destroy());
  const summary = () => props.round.results.map((r, i) => `${i + 1}. ${labelOf(r.collection, r.id)} (${r.dots})`).join(', ');
  return (
    <section class="session-results" aria-labelledby={`results-${props.round.id}`} data-results={props.round.id}>
      <h3 id={`results-${props.round.id}`}>{ft('results', { title: props.round.title })}</h3>
      <div ref={host} class="session-chart" role="img" aria-label={ft('resultsSummary', { list: summary() })} />
      <ol class="session-ranking">
        <For each={props.round.results}>
          {(result, index) => (
            <li data-rank={index() + 1} data-result={`${result.collection}:${result.id}`}>
              <span class="priority-badge">{ft('priority', { rank: rankOf(result.collection, result.id, index() + 1) })}</span> {labelOf(result.collection, result.id)} — {ft('dotsCount', { dots: result.dots, voters: result.voters })}
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
