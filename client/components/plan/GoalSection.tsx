import { For, Show } from 'solid-js';
import { actionPlanRoots, addActivity, nextActivityNumber, removeItem, reorderItem, updateItem, type GoalJSON } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { ActivityRow } from './ActivityRow.jsx';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { TextInput } from '../editor/inputs.jsx';
import { textOf, TextField } from '../editor/TextEditor.jsx';
import { RowActions } from '../RowActions.jsx';
import { fieldId } from '../../sync/action-plan-view.js';
import { focusWhenRendered } from './focus-new-row.js';
import { HistoryButton } from '../history/HistoryButton.jsx';
import { PriorityBadge } from '../facilitation/links.jsx';

/** A goal (Mål) with its activities, laid out like the plan table. */
export function GoalSection(props: { goal: GoalJSON; goals: GoalJSON[]; first: boolean; last: boolean }) {
  const editor = useEditor();
  const goalId = () => props.goal.id;
  const heading = () => (props.goal.id === null ? t('noGoal') : `${t('goal')} ${props.goal.number}`);
  const goals = actionPlanRoots(editor.doc).goals;
  const title = props.goal.id ? textOf(goals, props.goal.id, 'title') : null;
  const description = props.goal.id ? textOf(goals, props.goal.id, 'description') : null;
  const headingId = () => `goal-${props.goal.id ?? 'none'}`;
  return (
    <section class="goal" classList={{ flash: props.goal.id !== null && editor.recentlyChanged().has(props.goal.id) }} aria-labelledby={headingId()} data-goal={props.goal.id ?? undefined}>
      <div class="goal-head">
        <h3 id={headingId()}>{heading()}</h3>
        <PriorityBadge priority={props.goal.priority} />
        <Show when={goalId()}>{(id) => <HistoryButton collection="goals" id={id()} label={heading()} currency={editor.currency()} />}</Show>
        <Show when={goalId()}>
          {(id) => (
            <div class="goal-fields">
              <Field path={['goals', id(), 'number']} label={t('number')} class="narrow">
                {(fid, described) => <TextInput id={fid} describedBy={described} value={props.goal.number} write={(v) => updateItem(editor.doc, 'goals', id(), { number: v }, LOCAL_ORIGIN)} maxLength={20} />}
              </Field>
              <Field path={['goals', id(), 'title']} label={t('title')} class="grow">
                {(fid, described) => <TextField id={fid} describedBy={described} text={title} value={props.goal.title} />}
              </Field>
              <Field path={['goals', id(), 'description']} label={t('description')} class="wide">
                {(fid, described) => <TextField id={fid} describedBy={described} text={description} value={props.goal.description} multiline />}
              </Field>
              <Show when={editor.editable}>
                <RowActions
                  label={heading()}
                  first={props.first}
                  last={props.last}
                  onMove={(direction) => reorderItem(editor.doc, 'goals', id(), direction, LOCAL_ORIGIN)}
                  onRemove={() => removeItem(editor.doc, 'goals', id(), LOCAL_ORIGIN)}
                />
              </Show>
            </div>
          )}
        </Show>
      </div>
      <Show when={props.goal.activities.length > 0}>
        <div class="table-scroll">
          <table class="plan-table">
            <caption class="visually-hidden">{`${t('activities')}: ${heading()}`}</caption>
            <thead>
              <tr>
                <th scope="col" class="col-number">{t('number')}</th>
                <th scope="col" class="col-activity">{t('activities')}</th>
                <th scope="col" class="col-budget">{t('budget')}</th>
                <th scope="col" class="col-people">{`${t('responsible')} / ${t('recipients').toLowerCase()}`}</th>
                <th scope="col" class="col-dates">{t('timeframe')}</th>
                <th scope="col" class="col-status">{t('status')}</th>
                <Show when={editor.editable}>
                  <th scope="col" class="col-actions">
                    <span class="visually-hidden">{t('moveToGoal')}</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.goal.activities}>
                {(activity, i) => <ActivityRow activity={activity} goals={props.goals} first={i() === 0} last={i() === props.goal.activities.length - 1} />}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={editor.editable && goalId()}>
        {(id) => (
          <button type="button" class="secondary" onClick={() => focusWhenRendered(fieldId(['activities', addActivity(editor.doc, id(), { title: '', number: nextActivityNumber(props.goal) }, LOCAL_ORIGIN), 'title']))}>
            + {t('addActivity')} <span class="visually-hidden">{heading()}</span>
          </button>
        )}
      </Show>
    </section>
  );
}
