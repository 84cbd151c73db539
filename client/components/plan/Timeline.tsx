import { createMemo, Show } from 'solid-js';
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { timelineOf } from '../../../shared/timeline.js';
import { t } from '../../i18n/index.js';
import { TimelineChart } from './timeline/TimelineChart.jsx';
import { UndatedList } from './timeline/UndatedList.jsx';
import './timeline/timeline.css';

/**
 * The plan over time (issue 17 item 8): a month or quarter axis, activities grouped under
 * their goal, today marked, late and invalid dates said in words (not colour alone). The
 * chart is a real table, so a screen reader reads it as rows of activity and dates. A plan
 * without dated activities says how to get a timeline instead of drawing an empty one. Rows
 * and undated items are built as they near the viewport (issue 17 item 14), all for print.
 */
export function Timeline(props: { plan: ActionPlanJSON; today: string }) {
  const model = createMemo(() => timelineOf(props.plan, props.today));
  return (
    <section aria-labelledby="timeline-heading" class="timeline">
      <h2 id="timeline-heading">{t('timeline')}</h2>
      <Show when={model().range} fallback={<p class="timeline-empty">{t('timelineEmpty')}</p>}>
        {(range) => (
          <>
            <TimelineChart model={model()} range={range()} today={props.today} />
            <Show when={model().undated.length > 0}>
              <h3 id="timeline-undated">{t('timelineUndated', { count: model().undated.length })}</h3>
              <UndatedList activities={model().undated} labelledBy="timeline-undated" />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
