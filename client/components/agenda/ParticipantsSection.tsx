import { For, Show } from 'solid-js';
import { AGENDA_COLLECTIONS, type AgendaJSON, type ParticipantJSON } from '../../../shared/model/agenda.js';
import { addItem, deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import { PARTICIPANT_ROLES } from '../../../shared/model/kinds.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { SelectInput, TextInput } from '../editor/inputs.jsx';
import { RowActions } from '../RowActions.jsx';
import { EditableTableHead } from '../TableHead.jsx';

const C = AGENDA_COLLECTIONS;

/** One participant as a table row; contacts are marked. */
function ParticipantRow(props: { p: ParticipantJSON; index: number; count: number; editable: boolean }) {
  const editor = useEditor();
  const p = () => props.p;
  const write = (field: string) => (value: unknown) => setItemFields(editor.doc, C.participants, p().id, { [field]: value }, LOCAL_ORIGIN);
  const who = () => p().name || t('participants');
  return (
    <tr classList={{ contact: p().role === 'contact', flash: editor.recentlyChanged().has(p().id) }} data-row={p().id} data-row-kind="participants">
      <td data-label={t('organisation')}>
        <Field path={['participants', p().id, 'organisation']} label={`${t('organisation')} (${who()})`} hideLabel>
          {(id, d) => <TextInput id={id} describedBy={d} value={p().organisation} write={write('organisation')} />}
        </Field>
      </td>
      <td data-label={t('name')}>
        <Field path={['participants', p().id, 'name']} label={`${t('name')} ${props.index + 1}`} hideLabel>
          {(id, d) => <TextInput id={id} describedBy={d} value={p().name} write={write('name')} />}
        </Field>
        <Show when={p().role === 'contact'}>
          <span class="contact-mark">★ {t('participantRole_contact')}</span>
        </Show>
      </td>
      <td data-label={t('email')}>
        <Field path={['participants', p().id, 'email']} label={`${t('email')} (${who()})`} hideLabel>
          {(id, d) => <TextInput id={id} describedBy={d} value={p().email} write={write('email')} />}
        </Field>
      </td>
      <td data-label={t('role')}>
        <Field path={['participants', p().id, 'role']} label={`${t('role')} (${who()})`} hideLabel>
          {(id, d) => <SelectInput id={id} describedBy={d} value={p().role} options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`participantRole_${r}`) }))} write={write('role')} />}
        </Field>
      </td>
      <Show when={props.editable}>
        <td>
          <RowActions rowId={p().id} rowKind="participants" label={who()} first={props.index === 0} last={props.index === props.count - 1} onMove={(dir) => moveItem(editor.doc, C.participants, p().id, dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(editor.doc, C.participants, p().id, LOCAL_ORIGIN)} />
        </td>
      </Show>
    </tr>
  );
}

/** The agenda's participants: who comes from which organisation, in which role. */
export function ParticipantsSection(props: { agenda: AgendaJSON; editable: boolean }) {
  const editor = useEditor();
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('participants')}</h2>
      <div class="table-scroll">
        <table class="plan-table">
          <caption class="visually-hidden">{t('participants')}</caption>
          <EditableTableHead columns={[t('organisation'), t('name'), t('email'), t('role')]} editable={props.editable} />
          <tbody>
            <For each={props.agenda.participants}>{(p, i) => <ParticipantRow p={p} index={i()} count={props.agenda.participants.length} editable={props.editable} />}</For>
          </tbody>
        </table>
      </div>
      <Show when={props.editable}>
        <button type="button" class="secondary" onClick={() => addItem(editor.doc, C.participants, { organisation: '', name: '', email: '', role: 'official' }, LOCAL_ORIGIN)}>
          + {t('addParticipant')}
        </button>
      </Show>
    </section>
  );
}
