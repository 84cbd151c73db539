import { ACTIVITY_STATUSES } from '../../../shared/model/kinds.js';
import { actionPlanRoots, updateItem, type ActivityJSON } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { textOf } from '../../sync/y-text.js';
import { t } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, MoneyInput, PercentInput, SelectInput, TextInput } from '../editor/inputs.jsx';
import { TextField } from '../editor/TextEditor.jsx';
import { HistoryButton } from '../history/HistoryButton.jsx';
import { AgendaSourceLink, PriorityBadge } from '../facilitation/links.jsx';

/** A field's path (for Field's issues and presence) and its writer, as one local edit. */
function activityField(activity: () => ActivityJSON) {
  const editor = useEditor();
  return {
    path: (field: string) => ['activities', activity().id, field],
    write: (field: string) => (value: unknown) => updateItem(editor.doc, 'activities', activity().id, { [field]: value }, LOCAL_ORIGIN),
  };
}

/**
 * An activity's first two cells (DESIGN action-plan `activities`): number (with its history
 * and priority badge), then title and description as co-edited texts and the agenda item it
 * came from. `name` ("1.1 Titel") names the row to screen readers.
 */
export function ActivityIdentityCells(props: { activity: ActivityJSON; name: string }) {
  const editor = useEditor();
  const a = () => props.activity;
  const { path, write } = activityField(a);
  const activities = actionPlanRoots(editor.doc).activities;
  const title = textOf(activities, a().id, 'title');
  const description = textOf(activities, a().id, 'description');
  return (
    <>
      <td role="cell" class="col-number" data-label={t('number')}>
        <Field path={path('number')} label={`${t('number')} (${props.name})`} hideLabel>
          {(id, described) => <TextInput id={id} describedBy={described} value={a().number} write={write('number')} maxLength={20} />}
        </Field>
        <HistoryButton collection="activities" id={a().id} label={props.name} currency={editor.currency()} />
        <PriorityBadge priority={a().priority} />
      </td>
      <td role="cell" class="col-activity" data-label={t('activity')}>
        <Field path={path('title')} label={`${t('activity')} ${a().number}`} hideLabel>
          {(id, described) => <TextField id={id} describedBy={described} text={title} value={a().title} />}
        </Field>
        <Field path={path('description')} label={`${t('description')} ${a().number}`} hideLabel>
          {(id, described) => <TextField id={id} describedBy={described} text={description} value={a().description} multiline />}
        </Field>
        <AgendaSourceLink source={a().source} />
      </td>
    </>
  );
}

/**
 * An activity's planning cells (DESIGN action-plan `activities`): budget (money in the plan's
 * currency), responsible and recipients, start and end dates (YYYY-MM-DD), status and
 * progress (0–100 %). Labels carry the activity's number so rows are told apart.
 */
export function ActivityPlanningCells(props: { activity: ActivityJSON }) {
  const a = () => props.activity;
  const { path, write } = activityField(a);
  const label = (key: MessageKey) => `${t(key)} ${a().number}`;
  return (
    <>
      <td role="cell" class="col-budget" data-label={t('budget')}>
        <Field path={path('budget')} label={label('budget')} hideLabel>
          {(id, described) => <MoneyInput id={id} describedBy={described} value={a().budget} write={write('budget')} />}
        </Field>
      </td>
      <td role="cell" class="col-people">
        <Field path={path('responsible')} label={label('responsible')}>
          {(id, described) => <TextInput id={id} describedBy={described} value={a().responsible} write={write('responsible')} wrap />}
        </Field>
        <Field path={path('recipients')} label={label('recipients')}>
          {(id, described) => <TextInput id={id} describedBy={described} value={a().recipients} write={write('recipients')} wrap />}
        </Field>
      </td>
      <td role="cell" class="col-dates">
        <Field path={path('start')} label={label('start')}>
          {(id, described) => <DateInput id={id} describedBy={described} value={a().start} write={write('start')} />}
        </Field>
        <Field path={path('end')} label={label('end')}>
          {(id, described) => <DateInput id={id} describedBy={described} value={a().end} write={write('end')} />}
        </Field>
      </td>
      <td role="cell" class="col-status" data-label={t('status')}>
        <Field path={path('status')} label={label('status')} hideLabel>
          {(id, described) => (
            <SelectInput id={id} describedBy={described} value={a().status} options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))} write={write('status')} />
          )}
        </Field>
        <Field path={path('progress')} label={label('progress')}>
          {(id, described) => <PercentInput id={id} describedBy={described} value={a().progress} write={write('progress')} />}
        </Field>
      </td>
    </>
  );
}
