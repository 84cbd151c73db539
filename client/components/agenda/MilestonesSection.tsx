import { For, Show } from 'solid-js';
import { AGENDA_COLLECTIONS, type AgendaJSON, type MilestoneJSON } from '../../../shared/model/agenda.js';
import { addItem, deleteItem, setItemFields } from '../../../shared/model/collections.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { longDate, t } from '../../i18n/index.js';
import { today } from '../../lib/today.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, TextInput } from '../editor/inputs.jsx';
import { RowActions } from '../RowActions.jsx';

const C = AGENDA_COLLECTIONS;

/** One milestone: title, date, done; overdue when past and not done. */
function MilestoneItem(props: { milestone: MilestoneJSON; editable: boolean }) {
  const editor = useEditor();
  const milestone = () => props.milestone;
  const write = (field: string) => (value: unknown) => setItemFields(editor.doc, C.milestones, milestone().id, { [field]: value }, LOCAL_ORIGIN);
  const overdue = () => !milestone().done && milestone().date !== '' && milestone().date < today();
  return (
    <li classList={{ done: milestone().done, overdue: overdue() }}>
      <span class="milestone-date">{milestone().date ? longDate(milestone().date) : '–'}</span>
      <div class="meta-fields">
        <Field path={['milestones', milestone().id, 'title']} label={t('milestone')} class="grow">
          {(id, d) => <TextInput id={id} describedBy={d} value={milestone().title} write={write('title')} />}
        </Field>
        <Field path={['milestones', milestone().id, 'date']} label={t('date')}>
          {(id, d) => <DateInput id={id} describedBy={d} value={milestone().date || null} write={(v) => write('date')(v ?? '')} />}
        </Field>
        <label class="check">
          <input type="checkbox" checked={milestone().done} disabled={!props.editable} onChange={(e) => write('done')(e.currentTarget.checked)} />
          {t('done')}
        </label>
        <Show when={overdue()}>
          <strong class="overdue-tag">{t('overdue')}</strong>
        </Show>
        <Show when={props.editable}>
          <RowActions rowId={milestone().id} rowKind="milestones" label={milestone().title || t('milestone')} first last canMove={false} onMove={() => undefined} onRemove={() => deleteItem(editor.doc, C.milestones, milestone().id, LOCAL_ORIGIN)} />
        </Show>
      </div>
    </li>
  );
}

/** The series' milestones in date order. */
export function MilestonesSection(props: { agenda: AgendaJSON; editable: boolean }) {
  const editor = useEditor();
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('milestones')}</h2>
      <ol class="milestones">
        <For each={props.agenda.milestones}>{(milestone) => <MilestoneItem milestone={milestone} editable={props.editable} />}</For>
      </ol>
      <Show when={props.editable}>
        <button type="button" class="secondary" onClick={() => addItem(editor.doc, C.milestones, { title: '', date: today(), done: false }, LOCAL_ORIGIN)}>
          + {t('addMilestone')}
        </button>
      </Show>
    </section>
  );
}
