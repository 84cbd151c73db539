import { createSignal, For, Show } from 'solid-js';
import { moveActivityToGoal, type ActivityJSON, type GoalJSON } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';

/**
 * "Move to goal" of an activity row (DESIGN action-plan `activities.goalId`): a button that
 * becomes the list of goals when used. A thousand rows each holding a list of every goal
 * would be tens of thousands of options on screen. `name` names the activity.
 */
export function MoveToGoal(props: { activity: ActivityJSON; goals: GoalJSON[]; name: string }) {
  const editor = useEditor();
  const [open, setOpen] = createSignal(false);
  let select: HTMLSelectElement | undefined;
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="icon" onClick={() => (setOpen(true), queueMicrotask(() => select?.focus()))}>
          <span aria-hidden="true">⇄</span>
          <span class="visually-hidden">{`${t('moveToGoal')} (${props.name})`}</span>
        </button>
      }
    >
      <label>
        <span class="visually-hidden">{`${t('moveToGoal')} (${props.name})`}</span>
        <select
          ref={select}
          value={props.activity.goalId}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            moveActivityToGoal(editor.doc, props.activity.id, e.currentTarget.value, LOCAL_ORIGIN);
            setOpen(false);
          }}
        >
          <For each={props.goals.filter((g) => g.id !== null)}>{(g) => <option value={g.id ?? ''}>{`${t('goal')} ${g.number}`}</option>}</For>
          <Show when={!props.goals.some((g) => g.id === props.activity.goalId)}>
            <option value={props.activity.goalId}>{t('noGoal')}</option>
          </Show>
        </select>
      </label>
    </Show>
  );
}
