import { Show } from 'solid-js';
import type { ActivityJSON, GoalJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { ActivityIdentityCells, ActivityPlanningCells } from './ActivityCells.jsx';
import { ItemActions } from './ItemActions.jsx';
import { MoveToGoal } from './MoveToGoal.jsx';

/**
 * One activity (DESIGN action-plan `activities`): the row people know from the plan table,
 * plus status and progress and, for editors, move/move-to-goal/remove. `first`/`last` say
 * where it stands among its goal's activities; `goals` are the goals it can move to.
 */
export function ActivityRow(props: { activity: ActivityJSON; goals: GoalJSON[]; first: boolean; last: boolean }) {
  const editor = useEditor();
  const a = () => props.activity;
  const name = () => `${a().number} ${a().title}`.trim() || t('activity');
  return (
    <tr role="row" class="activity" classList={{ flash: editor.recentlyChanged().has(a().id) }} data-activity={a().id} data-number={a().number} data-row={a().id} data-row-kind="activities">
      <ActivityIdentityCells activity={a()} name={name()} />
      <ActivityPlanningCells activity={a()} />
      <Show when={editor.editable}>
        <td role="cell" class="col-actions">
          <ItemActions collection="activities" id={a().id} label={name()} first={props.first} last={props.last}>
            <MoveToGoal activity={a()} goals={props.goals} name={name()} />
          </ItemActions>
        </td>
      </Show>
    </tr>
  );
}
