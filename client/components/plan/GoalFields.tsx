import { Show } from 'solid-js';
import { actionPlanRoots, updateItem, type GoalJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { textOf } from '../../sync/y-text.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { TextInput } from '../editor/inputs.jsx';
import { TextField } from '../editor/TextEditor.jsx';
import { ItemActions } from './ItemActions.jsx';

/**
 * A goal's own fields (DESIGN action-plan `goals`): number, title and description (co-edited
 * texts) and, for editors, move/remove; `heading` ("Mål 1") names it to screen readers.
 */
export function GoalFields(props: { id: string; goal: GoalJSON; heading: string; first: boolean; last: boolean }) {
  const editor = useEditor();
  const id = props.id;
  const goals = actionPlanRoots(editor.doc).goals;
  const title = textOf(goals, id, 'title');
  const description = textOf(goals, id, 'description');
  return (
    <div class="goal-fields">
      <Field path={['goals', id, 'number']} label={t('number')} class="narrow">
        {(fid, described) => <TextInput id={fid} describedBy={described} value={props.goal.number} write={(v) => updateItem(editor.doc, 'goals', id, { number: v }, LOCAL_ORIGIN)} maxLength={20} />}
      </Field>
      <Field path={['goals', id, 'title']} label={t('title')} class="grow">
        {(fid, described) => <TextField id={fid} describedBy={described} text={title} value={props.goal.title} />}
      </Field>
      <Field path={['goals', id, 'description']} label={t('description')} class="wide">
        {(fid, described) => <TextField id={fid} describedBy={described} text={description} value={props.goal.description} multiline />}
      </Field>
      <Show when={editor.editable}>
        <ItemActions collection="goals" id={id} label={props.heading} first={props.first} last={props.last} />
      </Show>
    </div>
  );
}
