import { createMemo, createSignal, Index, Show, type Accessor } from 'solid-js';
import { axisTicks, type AxisTick, type Timeline, type TimelineBar, type TimelineRange } from '../../../../shared/timeline.js';
import { locale, longDate, t } from '../../../i18n/index.js';
import { createRowBuilder, type RowBuilder } from './lazy-rows.js';
import { createTimelineMeasure } from './measure.js';
import { timelineRows, type GroupRows, type RowChunk } from './rows.js';

const pct = (value: number) => `${value}%`;
/** Rows built at once, without waiting for the observer: the first screen paints in the tab's first frame. */
const EAGER_ROWS = 40;

/**
 * The timeline as a table: the axis in the header (drawn, and named for screen readers by
 * the caption), one body per goal with its name as a row-group header, one row per activity.
 * Rows are built in chunks as they near the viewport (`lazy-rows.ts`); `aria-rowcount` and
 * `aria-rowindex` give the table's real size meanwhile. Axis labels are those that fit the
 * track's measured width (`axisTicks`): fewer, never clipped, the first and last always.
 */
export function TimelineChart(props: { model: Timeline; range: TimelineRange; today: string }) {
  let table: HTMLTableElement | undefined;
  const measure = createTimelineMeasure(() => table);
  const ticks = createMemo(() => axisTicks(props.model, measure.trackPx(), measure.textPx, locale()));
  // The unit drawn, not the model's: a phone shows a short plan's months as quarters.
  const unit = () => (ticks().units[0]?.segment.unit === 'quarter' ? 'quarter' : 'month');
  const rows = createMemo(() => timelineRows(props.model.groups));
  const builder = createRowBuilder();
  return (
    <>
      <p class="muted">{t('timelineTodayIs', { date: longDate(props.today) })}</p>
      <table class="timeline-table" ref={table} aria-rowcount={rows().count}>
        <caption>{t('timelineCaption', { from: longDate(props.range.from), to: longDate(props.range.to), unit: t(`timelineUnit_${unit()}`) })}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="timeline-label">
              {t('activity')}
            </th>
            <th scope="col" class="timeline-axis">
              <span class="visually-hidden">{t('timelinePeriod')}</span>
              <span class="timeline-ticks" aria-hidden="true">
                <AxisRow ticks={ticks().years} class="timeline-years" />
                <AxisRow ticks={ticks().units} class="timeline-units" />
                <Show when={props.model.today}>{(at) => <span class="timeline-today-label" style={{ left: pct(at()) }}>{t('today')}</span>}</Show>
              </span>
            </th>
          </tr>
        </thead>
        {/* Index, not For: the model is recomputed on every change, and rows must stay built in place. */}
        <Index each={rows().groups}>{(group) => <GroupBody rows={group()} today={props.model.today} builder={builder} />}</Index>
      </table>
    </>
  );
}

/**
 * One row of the drawn axis: years, or months / quarters; a tick without room has no text.
 * The label is its own box, so it may reach past a narrow first tick or, right-aligned,
 * end at the track's end (`labelAt`); axisTicks keeps labels from overlapping.
 */
function AxisRow(props: { ticks: AxisTick[]; class: string }) {
  return (
    <span class={props.class}>
      <Index each={props.ticks}>
        {(tick) => (
          <span class="timeline-tick" data-unit={tick().segment.unit} style={{ left: pct(tick().left), width: pct(tick().width) }} title={tick().title}>
            <Show when={tick().label}>
              {(label) => (
                <span class="timeline-tick-label" data-at={tick().labelAt}>
                  {label()}
                </span>
              )}
            </Show>
          </span>
        )}
      </Index>
    </span>
  );
}

function GroupBody(props: { rows: GroupRows; today: number | null; builder: RowBuilder }) {
  const group = () => props.rows.group;
  const heading = () => (group().goalId === null ? t('noGoal') : `${t('goal')} ${group().number} ${group().title}`.trim());
  return (
    <tbody data-goal={group().goalId ?? ''}>
      <tr class="timeline-group" aria-rowindex={props.rows.headerRow}>
        <th scope="rowgroup" colspan="2">
          {heading()}
        </th>
      </tr>
      <Index each={props.rows.chunks}>{(chunk) => <Chunk chunk={chunk} today={props.today} builder={props.builder} />}</Index>
    </tbody>
  );
}

/** The text a row is found by (find in page): its number and title. */
const rowLabel = (bar: TimelineBar) => `${bar.activity.number} ${bar.activity.title}`.trim() || t('activity');

/**
 * A chunk of rows: a placeholder as tall as its rows until it nears the viewport (or is
 * printed), then the rows, for good. The placeholder shows each row's label, one line per
 * row at the row's own height (`line-height`), so the browser's find in page (Ctrl+F, `window.find`) finds
 * every activity: it scrolls to the line, the chunk is built there, the row where the line
 * was. (Not `hidden="until-found"`: Chromium's `window.find` neither reveals nor scrolls to it.)
 */
function Chunk(props: { chunk: Accessor<RowChunk>; today: number | null; builder: RowBuilder }) {
  const [built, setBuilt] = createSignal(props.chunk().first <= EAGER_ROWS);
  return (
    <Show
      when={built() || props.builder.printing()}
      fallback={
        <tr class="timeline-placeholder" aria-hidden="true" style={{ '--rows': props.chunk().bars.length }} ref={(row) => props.builder.watch(row, () => setBuilt(true))}>
          <td colspan="2">
            {/* One text node per chunk, a line per row: 2 000 rows add 80 nodes, not 2 000. */}
            <div class="timeline-placeholder-lines">{props.chunk().bars.map(rowLabel).join('\n')}</div>
          </td>
        </tr>
      }
    >
      <Index each={props.chunk().bars}>{(bar, i) => <BarRow bar={bar()} row={props.chunk().first + i} today={props.today} />}</Index>
    </Show>
  );
}

function BarRow(props: { bar: TimelineBar; row: number; today: number | null }) {
  const a = () => props.bar.activity;
  const dates = () =>
    props.bar.state === 'invalid'
      ? t('timelineInvalidDates', { start: longDate(a().start ?? ''), end: longDate(a().end ?? '') })
      : `${longDate(a().start ?? '')} – ${longDate(a().end ?? '')}`;
  return (
    <tr class="timeline-row" data-activity={a().id} data-state={props.bar.state} aria-rowindex={props.row}>
      <th scope="row" class="timeline-label">
        {rowLabel(props.bar)}
        <Show when={props.bar.state === 'overdue'}>
          <strong class="timeline-tag overdue-tag"> ({t('overdue')})</strong>
        </Show>
        <Show when={props.bar.state === 'invalid'}>
          <strong class="timeline-tag invalid-tag"> ({t('timelineInvalid')})</strong>
        </Show>
      </th>
      <td class="timeline-track">
        <Show when={props.today}>{(at) => <span class="timeline-today" aria-hidden="true" style={{ left: pct(at()) }} />}</Show>
        <span class="timeline-bar" aria-hidden="true" style={{ left: pct(props.bar.left), width: pct(props.bar.width) }} title={dates()} />
        <span class="visually-hidden">{dates()}</span>
      </td>
    </tr>
  );
}
