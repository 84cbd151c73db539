import { createSignal, For, Show } from 'solid-js';
import { moveActivityToGoal, type ActivityJSON, type GoalJSON } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { focusWhenRendered } from './focus-new-row.js';

/** The id of an activity's ⇄ button: focus finds it again in the goal the row moved to. */
export function moveButtonId(activityId: string): string {
  return `move-to-goal-${activityId}`;
}

/**
 * "Move to goal" of an activity row (DESIGN action-plan `activities.goalId`): a button that
 * becomes the list of goals when used. A thousand rows each holding a list of every goal
 * would be tens of thousands of options on screen. `name` names the activity.
 * Open, it is a labelled choice ("Flytta till mål" shown beside it, across the row: the
 * actions column is two 32 px buttons wide). The moved row is drawn anew in its new goal,
 * so focus goes to its ⇄ button there, not to <body> (WCAG 2.4.3, issue 17 user test item 1).
 */
export function MoveToGoal(props: { activity: ActivityJSON; goals: GoalJSON[]; name: string }) {
  const editor = useEditor();
  const [open, setOpen] = createSignal(false);
  let select: HTMLSelectElement | undefined;
  let button: HTMLButtonElement | undefined;
  const close = () => (setOpen(false), queueMicrotask(() => button?.focus()));
  const move = (goalId: string) => {
    if (goalId === props.activity.goalId) return close();
    const id = props.activity.id;
    // This row goes away with the move; stay open until then so no stale ⇄ takes the focus.
    moveActivityToGoal(editor.doc, id, goalId, LOCAL_ORIGIN);
    focusWhenRendered(moveButtonId(id));
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="icon" id={moveButtonId(props.activity.id)} ref={button} onClick={() => (setOpen(true), queueMicrotask(() => select?.focus()))}>
          <span aria-hidden="true">⇄</span>
          <span class="visually-hidden">{`${t('moveToGoal')} (${props.name})`}</span>
        </button>
      }
    >
      <label class="move-to-goal">
        <span class="move-to-goal-text">{t('moveToGoal')}</span>
        <span class="visually-hidden">{` (${props.name})`}</span>
        <select ref={select} value={props.activity.goalId} onBlur={() => setOpen(false)} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), close())} onChange={(e) => move(e.currentTarget.value)}>
          <For each={props.goals.filter((g) => g.id !== null)}>{(g) => <option value={g.id ?? ''}>{`${t('goal')} ${g.number}`}</option>}</For>
          <Show when={!props.goals.some((g) => g.id === props.activity.goalId)}>
            <option value={props.activity.goalId}>{t('noGoal')}</option>
          </Show>
        </select>
      </label>
    </Show>
  );
}
