import { For, Show } from 'solid-js';
import type { GoalJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { ActivityRow } from './ActivityRow.jsx';

/**
 * A goal's activities as rows of the plan table (DESIGN "Who uses it": the table's columns);
 * the caption ("Aktiviteter: Mål 1") is for screen readers. The table is drawn as a grid per
 * row (plan-rows.css, so a keystroke lays out its row alone); the roles keep it a table to
 * assistive technology whatever its CSS display.
 */
export function GoalActivities(props: { goal: GoalJSON; goals: GoalJSON[]; heading: string }) {
  const editor = useEditor();
  return (
    <div class="table-scroll">
      <table class="plan-table activity-table" role="table">
        <caption class="visually-hidden">{`${t('activities')}: ${props.heading}`}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col" class="col-number">{t('number')}</th>
            <th role="columnheader" scope="col" class="col-activity">{t('activities')}</th>
            <th role="columnheader" scope="col" class="col-budget">{t('budget')}</th>
            <th role="columnheader" scope="col" class="col-people">{`${t('responsible')} / ${t('recipients').toLowerCase()}`}</th>
            <th role="columnheader" scope="col" class="col-dates">{t('timeframe')}</th>
            <th role="columnheader" scope="col" class="col-status">{t('status')}</th>
            <Show when={editor.editable}>
              <th role="columnheader" scope="col" class="col-actions">
                <span class="visually-hidden">{t('rowActions')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody role="rowgroup">
          <For each={props.goal.activities}>
            {(activity, i) => <ActivityRow activity={activity} goals={props.goals} first={i() === 0} last={i() === props.goal.activities.length - 1} />}
          </For>
        </tbody>
      </table>
    </div>
  );
}
