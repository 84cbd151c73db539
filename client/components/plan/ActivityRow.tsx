import { createSignal, For, Show } from 'solid-js';
import { ACTIVITY_STATUSES } from '../../../shared/model/kinds.js';
import {
  actionPlanRoots,
  moveActivityToGoal,
  removeItem,
  reorderItem,
  updateItem,
  type ActivityJSON,
  type GoalJSON,
} from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, MoneyInput, PercentInput, SelectInput, TextInput } from '../editor/inputs.jsx';
import { textOf, TextField } from '../editor/TextEditor.jsx';
import { RowActions } from '../RowActions.jsx';
import { HistoryButton } from '../history/HistoryButton.jsx';
import { AgendaSourceLink, PriorityBadge } from '../facilitation/links.jsx';

/** One activity: the row people know from the plan table, plus status and progress. */
export function ActivityRow(props: { activity: ActivityJSON; goals: GoalJSON[]; first: boolean; last: boolean }) {
  const editor = useEditor();
  const a = () => props.activity;
  const path = (field: string) => ['activities', a().id, field];
  const write = (field: string) => (value: unknown) => updateItem(editor.doc, 'activities', a().id, { [field]: value }, LOCAL_ORIGIN);
  const name = () => `${a().number} ${a().title}`.trim() || t('activity');
  const activities = actionPlanRoots(editor.doc).activities;
  const title = textOf(activities, a().id, 'title');
  const description = textOf(activities, a().id, 'description');
  return (
    <tr class="activity" classList={{ flash: editor.recentlyChanged().has(a().id) }} data-activity={a().id} data-number={a().number} data-row={a().id} data-row-kind="activities">
      <td class="col-number" data-label={t('number')}>
        <Field path={path('number')} label={`${t('number')} (${name()})`} hideLabel>
          {(id, described) => <TextInput id={id} describedBy={described} value={a().number} write={write('number')} maxLength={20} />}
        </Field>
        <HistoryButton collection="activities" id={a().id} label={name()} currency={editor.currency()} />
        <PriorityBadge priority={a().priority} />
      </td>
      <td class="col-activity" data-label={t('activity')}>
        <Field path={path('title')} label={`${t('activity')} ${a().number}`} hideLabel>
          {(id, described) => <TextField id={id} describedBy={described} text={title} value={a().title} />}
        </Field>
        <Field path={path('description')} label={`${t('description')} ${a().number}`} hideLabel>
          {(id, described) => <TextField id={id} describedBy={described} text={description} value={a().description} multiline />}
        </Field>
        <AgendaSourceLink source={a().source} />
      </td>
      <td class="col-budget" data-label={t('budget')}>
        <Field path={path('budget')} label={`${t('budget')} ${a().number}`} hideLabel>
          {(id, described) => <MoneyInput id={id} describedBy={described} value={a().budget} write={write('budget')} />}
        </Field>
      </td>
      <td class="col-people">
        <Field path={path('responsible')} label={`${t('responsible')} ${a().number}`}>
          {(id, described) => <TextInput id={id} describedBy={described} value={a().responsible} write={write('responsible')} wrap />}
        </Field>
        <Field path={path('recipients')} label={`${t('recipients')} ${a().number}`}>
          {(id, described) => <TextInput id={id} describedBy={described} value={a().recipients} write={write('recipients')} wrap />}
        </Field>
      </td>
      <td class="col-dates">
        <Field path={path('start')} label={`${t('start')} ${a().number}`}>
          {(id, described) => <DateInput id={id} describedBy={described} value={a().start} write={write('start')} />}
        </Field>
        <Field path={path('end')} label={`${t('end')} ${a().number}`}>
          {(id, described) => <DateInput id={id} describedBy={described} value={a().end} write={write('end')} />}
        </Field>
      </td>
      <td class="col-status" data-label={t('status')}>
        <Field path={path('status')} label={`${t('status')} ${a().number}`} hideLabel>
          {(id, described) => (
            <SelectInput id={id} describedBy={described} value={a().status} options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))} write={write('status')} />
          )}
        </Field>
        <Field path={path('progress')} label={`${t('progress')}`}>
          {(id, described) => <PercentInput id={id} describedBy={described} value={a().progress} write={write('progress')} />}
        </Field>
      </td>
      <Show when={editor.editable}>
        <td class="col-actions">
          <RowActions
            label={name()}
            first={props.first}
            last={props.last}
            onMove={(direction) => reorderItem(editor.doc, 'activities', a().id, direction, LOCAL_ORIGIN)}
            onRemove={() => removeItem(editor.doc, 'activities', a().id, LOCAL_ORIGIN)}
          >
            <MoveToGoal activity={a()} goals={props.goals} name={name()} />
          </RowActions>
        </td>
      </Show>
    </tr>
  );
}

/**
 * "Move to goal": a button that becomes the list of goals when used. A thousand rows each
 * holding a list of every goal would be tens of thousands of options on screen.
 */
function MoveToGoal(props: { activity: ActivityJSON; goals: GoalJSON[]; name: string }) {
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
