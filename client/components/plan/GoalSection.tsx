import { Show, type JSX } from 'solid-js';
import { addActivity, nextActivityNumber, type GoalJSON } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { fieldId } from '../../sync/action-plan-view.js';
import { focusWhenRendered } from './focus-new-row.js';
import { HistoryButton } from '../history/HistoryButton.jsx';
import { PriorityBadge } from '../facilitation/links.jsx';
import { GoalActivities } from './GoalActivities.jsx';
import { GoalFields } from './GoalFields.jsx';

/**
 * A goal (Mål) with its activities, laid out like the plan table; `children` go under the
 * activities, before "+ Lägg till aktivitet" (the goal's "Numrera om" offer).
 */
export function GoalSection(props: { goal: GoalJSON; goals: GoalJSON[]; first: boolean; last: boolean; children?: JSX.Element }) {
  const editor = useEditor();
  const goalId = () => props.goal.id;
  const heading = () => (props.goal.id === null ? t('noGoal') : `${t('goal')} ${props.goal.number}`);
  const headingId = () => `goal-${props.goal.id ?? 'none'}`;
  /** A new activity under this goal, numbered after the last, with the caret in its title once drawn. */
  const addTo = (id: string) => focusWhenRendered(fieldId(['activities', addActivity(editor.doc, id, { title: '', number: nextActivityNumber(props.goal) }, LOCAL_ORIGIN), 'title']));
  return (
    <section class="goal" classList={{ flash: props.goal.id !== null && editor.recentlyChanged().has(props.goal.id) }} aria-labelledby={headingId()} data-goal={props.goal.id ?? undefined}>
      <div class="goal-head">
        <h3 id={headingId()}>{heading()}</h3>
        <PriorityBadge priority={props.goal.priority} />
        <Show when={goalId()}>{(id) => <HistoryButton collection="goals" id={id()} label={heading()} currency={editor.currency()} />}</Show>
        <Show when={goalId()}>{(id) => <GoalFields id={id()} goal={props.goal} heading={heading()} first={props.first} last={props.last} />}</Show>
      </div>
      <Show when={props.goal.activities.length > 0}>
        <GoalActivities goal={props.goal} goals={props.goals} heading={heading()} />
      </Show>
      {props.children}
      <Show when={editor.editable && goalId()}>
        {(id) => (
          <button type="button" class="secondary" onClick={() => addTo(id())} data-add-row="activities">
            + {t('addActivity')} <span class="visually-hidden">{heading()}</span>
          </button>
        )}
      </Show>
    </section>
  );
}
