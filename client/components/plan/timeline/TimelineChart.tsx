import { For, Show } from 'solid-js';
import { axisLabel, axisLongLabel, type AxisSegment, type Timeline, type TimelineBar, type TimelineGroup, type TimelineRange } from '../../../../shared/timeline.js';
import { locale, longDate, t } from '../../../i18n/index.js';

const pct = (value: number) => `${value}%`;

/**
 * The timeline as a table: the axis in the header (drawn, and named for screen readers by
 * the caption), one body per goal with its name as a row-group header, one row per activity.
 */
export function TimelineChart(props: { model: Timeline; range: TimelineRange; today: string }) {
  const unit = () => (props.model.axis[0]?.unit === 'quarter' ? 'quarter' : 'month');
  return (
    <>
      <p class="muted">{t('timelineTodayIs', { date: longDate(props.today) })}</p>
      <table class="timeline-table">
        <caption>{t('timelineCaption', { from: longDate(props.range.from), to: longDate(props.range.to), unit: t(`timelineUnit_${unit()}`) })}</caption>
        <thead>
          <tr>
            <th scope="col" class="timeline-label">
              {t('activity')}
            </th>
            <th scope="col" class="timeline-axis">
              <span class="visually-hidden">{t('timelinePeriod')}</span>
              <span class="timeline-ticks" aria-hidden="true">
                <AxisRow segments={props.model.years} class="timeline-years" />
                <AxisRow segments={props.model.axis} class="timeline-units" />
                <Show when={props.model.today}>{(at) => <span class="timeline-today-label" style={{ left: pct(at()) }}>{t('today')}</span>}</Show>
              </span>
            </th>
          </tr>
        </thead>
        <For each={props.model.groups}>{(group) => <GroupRows group={group} today={props.model.today} />}</For>
      </table>
    </>
  );
}

/** One row of the drawn axis: years, or months / quarters. */
function AxisRow(props: { segments: AxisSegment[]; class: string }) {
  return (
    <span class={props.class}>
      <For each={props.segments}>
        {(segment) => (
          <span class="timeline-tick" data-unit={segment.unit} style={{ left: pct(segment.left), width: pct(segment.width) }} title={axisLongLabel(segment, locale())}>
            {axisLabel(segment, locale())}
          </span>
        )}
      </For>
    </span>
  );
}

function GroupRows(props: { group: TimelineGroup; today: number | null }) {
  const heading = () => (props.group.goalId === null ? t('noGoal') : `${t('goal')} ${props.group.number} ${props.group.title}`.trim());
  return (
    <tbody data-goal={props.group.goalId ?? ''}>
      <tr class="timeline-group">
        <th scope="rowgroup" colspan="2">
          {heading()}
        </th>
      </tr>
      <For each={props.group.bars}>{(bar) => <BarRow bar={bar} today={props.today} />}</For>
    </tbody>
  );
}

function BarRow(props: { bar: TimelineBar; today: number | null }) {
  const a = () => props.bar.activity;
  const dates = () =>
    props.bar.state === 'invalid'
      ? t('timelineInvalidDates', { start: longDate(a().start ?? ''), end: longDate(a().end ?? '') })
      : `${longDate(a().start ?? '')} – ${longDate(a().end ?? '')}`;
  return (
    <tr class="timeline-row" data-activity={a().id} data-state={props.bar.state}>
      <th scope="row" class="timeline-label">
        {`${a().number} ${a().title}`.trim() || t('activity')}
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
