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
 * Open, it is a labelled choice ("Flytta till mål" shown beside it) and a "Flytta" button.
 * Arrow keys only browse the goals (Chromium fires `change` on each arrow in a closed select,
 * so nothing moves on `change`, user test u13 item 2): Enter or "Flytta" moves, Escape
 * cancels. The moved row is drawn anew in its new goal, so focus goes to its ⇄ button
 * there, not to <body> (WCAG 2.4.3).
 */
export function MoveToGoal(props: { activity: ActivityJSON; goals: GoalJSON[]; name: string }) {
  const editor = useEditor();
  const [open, setOpen] = createSignal(false);
  let select: HTMLSelectElement | undefined;
  let button: HTMLButtonElement | undefined;
  const close = () => (setOpen(false), queueMicrotask(() => button?.focus()));
  const move = () => {
    const goalId = select?.value ?? props.activity.goalId;
    if (goalId === props.activity.goalId) return close();
    const id = props.activity.id;
    // This row goes away with the move; stay open until then so no stale ⇄ takes the focus.
    moveActivityToGoal(editor.doc, id, goalId, LOCAL_ORIGIN);
    focusWhenRendered(moveButtonId(id));
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' && !(event.key === 'Enter' && event.target === select)) return;
    event.preventDefault();
    if (event.key === 'Escape') close();
    else move();
  };
  // Leaving the choice (not for its own "Flytta" button) closes it unchanged.
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node && (event.currentTarget as HTMLElement).contains(next))) setOpen(false);
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
      <span class="move-to-goal" onFocusOut={onFocusOut} onKeyDown={onKey}>
        <label>
          <span class="move-to-goal-text">{t('moveToGoal')}</span>
          <span class="visually-hidden">{` (${props.name})`}</span>
          <select ref={select} value={props.activity.goalId}>
            <For each={props.goals.filter((g) => g.id !== null)}>{(g) => <option value={g.id ?? ''}>{`${t('goal')} ${g.number}`}</option>}</For>
            <Show when={!props.goals.some((g) => g.id === props.activity.goalId)}>
              <option value={props.activity.goalId}>{t('noGoal')}</option>
            </Show>
          </select>
        </label>
        <button type="button" class="secondary" onClick={move}>
          {t('moveConfirm')}
        </button>
      </span>
    </Show>
  );
}
