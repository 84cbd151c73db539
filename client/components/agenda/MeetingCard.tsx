import { useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { scheduleMeeting, openActionsFromPrevious } from '../../../shared/agenda-schedule.js';
import { minutesFileTitle } from '../../../shared/file-name.js';
import { AGENDA_COLLECTIONS, type AgendaItemJSON, type AgendaJSON, type MeetingJSON } from '../../../shared/model/agenda.js';
import { addItem, deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { itemText } from '../../sync/y-text.js';
import { longDate, t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, TextInput } from '../editor/inputs.jsx';
import { IntegerInput, TimeInput } from '../editor/typed-inputs.jsx';
import { TextField } from '../editor/TextEditor.jsx';
import { DownloadLink } from '../DownloadLink.jsx';
import { RowActions } from '../RowActions.jsx';
import { PlanActivityLink, PriorityBadge } from '../facilitation/links.jsx';
import { ToPlanForm } from '../facilitation/ToPlanForm.jsx';
import { useToPlanTarget } from './to-plan-target.js';

const C = AGENDA_COLLECTIONS;

/** A gathering's heading, minutes download and own fields (title, date, times, place, link). */
function MeetingDetails(props: { meeting: MeetingJSON; label: string; agendaTitle: string }) {
  const editor = useEditor();
  // The page's document (route /d/:doc): the minutes are downloaded from the server.
  const params = useParams<{ doc: string }>();
  const m = () => props.meeting;
  const id = () => m().id ?? '';
  const label = () => props.label;
  const write = (field: string) => (value: unknown) => setItemFields(editor.doc, C.meetings, id(), { [field]: value }, LOCAL_ORIGIN);
  return (
    <>
      <h3>
        {label()} <span class="muted">{m().date ? longDate(m().date) : ''}</span>
      </h3>
      <p class="meeting-minutes">
        <DownloadLink href={`/api/documents/${params.doc}/meetings/${id()}/minutes.docx`} title={minutesFileTitle(props.agendaTitle, m())} extension="docx">
          {t('export_minutes')}
        </DownloadLink>
      </p>
      <div class="meta-fields">
        <Field path={['meetings', id(), 'title']} label={t('title')} class="grow">
          {(fid, d) => <TextInput id={fid} describedBy={d} value={m().title} write={write('title')} />}
        </Field>
        <Field path={['meetings', id(), 'date']} label={t('date')}>
          {(fid, d) => <DateInput id={fid} describedBy={d} value={m().date || null} write={(v) => write('date')(v ?? '')} />}
        </Field>
        <Field path={['meetings', id(), 'start']} label={t('start')}>
          {(fid, d) => <TimeInput id={fid} describedBy={d} value={m().start} write={write('start')} />}
        </Field>
        <Field path={['meetings', id(), 'end']} label={t('end')}>
          {(fid, d) => <TimeInput id={fid} describedBy={d} value={m().end} write={write('end')} />}
        </Field>
        <Field path={['meetings', id(), 'location']} label={t('location')}>
          {(fid, d) => <TextInput id={fid} describedBy={d} value={m().location} write={write('location')} />}
        </Field>
        <Field path={['meetings', id(), 'link']} label={t('link')}>
          {(fid, d) => <TextInput id={fid} describedBy={d} value={m().link} write={write('link')} />}
        </Field>
        <Show when={editor.editable}>
          <RowActions rowId={id()} rowKind="meetings" label={label()} first last canMove={false} onMove={() => undefined} onRemove={() => deleteItem(editor.doc, C.meetings, id(), LOCAL_ORIGIN)} />
        </Show>
      </div>
    </>
  );
}

/**
 * An action item's plan activity: the link to it, or "Gör till aktivitet" (ToPlanForm) for
 * an editor when it has none or it is gone from the plan, as in the capture panel (U14).
 */
function ActionToPlan(props: { actionId: string; label: string; link: string | null | undefined }) {
  const target = useToPlanTarget();
  const form = () => (target ? <ToPlanForm f={target} actionId={props.actionId} label={props.label} /> : null);
  return (
    <Show when={props.link} fallback={form()}>
      {(link) => <PlanActivityLink link={link()} whenGone={form()} />}
    </Show>
  );
}

/** One gathering: its details, time-boxed items with clock times, decisions and action items. */
export function MeetingCard(props: { meeting: MeetingJSON; agenda: AgendaJSON }) {
  const editor = useEditor();
  const m = () => props.meeting;
  const id = () => m().id ?? '';
  const schedule = () => scheduleMeeting(m());
  const openBefore = () => (m().id ? openActionsFromPrevious(props.agenda, id()) : []);
  const label = () => m().title || t('meeting');
  return (
    <section class="meeting" classList={{ flash: editor.recentlyChanged().has(id()) }} aria-label={`${t('meeting')}: ${label()}`} data-meeting={id()}>
      <Show when={m().id} fallback={<h3>{t('noGoal')}</h3>}>
        <MeetingDetails meeting={m()} label={label()} agendaTitle={props.agenda.title} />
      </Show>
      <Show when={openBefore().length > 0}>
        <div class="notice" role="note">
          <h4>{t('openFromPrevious')}</h4>
          <ul>
            <For each={openBefore()}>{(action) => <li>{`${action.text} – ${action.owner}${action.due ? ` (${longDate(action.due)})` : ''}`}</li>}</For>
          </ul>
        </div>
      </Show>
      <h4>{t('agendaItems')}</h4>
      <Show when={schedule().overrunMinutes > 0}>
        <p class="error" data-overrun={schedule().overrunMinutes}>
          {t('overrunBy', { minutes: schedule().overrunMinutes })}
        </p>
      </Show>
      <ol class="agenda-items">
        <For each={m().items}>
          {(item, i) => (
            <AgendaItemRow
              item={item}
              clock={schedule().items[i()]}
              first={i() === 0}
              last={i() === m().items.length - 1}
              meetingLabel={label()}
            />
          )}
        </For>
      </ol>
      <Show when={editor.editable && m().id}>
        <button type="button" class="secondary" onClick={() => addItem(editor.doc, C.items, { meetingId: id(), title: '', presenter: '', minutes: 15, notes: '' }, LOCAL_ORIGIN)}>
          + {t('addItem')} <span class="visually-hidden">{label()}</span>
        </button>
      </Show>
    </section>
  );
}

function AgendaItemRow(props: { item: AgendaItemJSON; clock: { start: string; end: string; overrun: boolean } | undefined; first: boolean; last: boolean; meetingLabel: string }) {
  const editor = useEditor();
  const item = () => props.item;
  const id = () => item().id ?? '';
  const title = item().id ? itemText(editor.doc, 'items', id(), 'title') : null;
  const notes = item().id ? itemText(editor.doc, 'items', id(), 'notes') : null;
  const write = (field: string) => (value: unknown) => setItemFields(editor.doc, C.items, id(), { [field]: value }, LOCAL_ORIGIN);
  const label = () => `${t('item')} ${props.clock?.start ?? ''} ${item().title}`.trim();
  return (
    <li class="agenda-item" classList={{ overrun: props.clock?.overrun, flash: editor.recentlyChanged().has(id()) }} data-item={id()}>
      <PriorityBadge priority={item().priority} />
      <Show when={props.clock}>
        {(clock) => (
          <p class="clock" data-clock={clock().start}>
            <strong>
              {clock().start}–{clock().end}
            </strong>
            <Show when={clock().overrun}>
              <span class="error"> ({t('overTime')})</span>
            </Show>
          </p>
        )}
      </Show>
      <Show when={item().id}>
        <div class="goal-fields">
          <Field path={['items', id(), 'title']} label={t('item')} class="grow">
            {(fid, d) => <TextField id={fid} describedBy={d} text={title} value={item().title} />}
          </Field>
          <Field path={['items', id(), 'presenter']} label={t('presenter')}>
            {(fid, d) => <TextInput id={fid} describedBy={d} value={item().presenter} write={write('presenter')} />}
          </Field>
          <Field path={['items', id(), 'minutes']} label={t('minutes')} class="narrow">
            {(fid, d) => <IntegerInput id={fid} describedBy={d} value={item().minutes} write={write('minutes')} min={0} max={1440} error="minutesInvalid" required />}
          </Field>
          <Show when={editor.editable}>
            <RowActions rowId={id()} rowKind="agenda-items" label={label()} first={props.first} last={props.last} onMove={(dir) => moveItem(editor.doc, C.items, id(), dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(editor.doc, C.items, id(), LOCAL_ORIGIN)} />
          </Show>
          <Field path={['items', id(), 'notes']} label={t('notes')} class="wide">
            {(fid, d) => <TextField id={fid} describedBy={d} text={notes} value={item().notes} multiline />}
          </Field>
        </div>
      </Show>
      <ItemChildren item={item()} itemLabel={label()} />
    </li>
  );
}

function ItemChildren(props: { item: AgendaItemJSON; itemLabel: string }) {
  const editor = useEditor();
  const itemId = () => props.item.id ?? '';
  return (
    <div class="item-children">
      <Show when={props.item.decisions.length > 0 || (editor.editable && props.item.id)}>
        <h5>{t('decisions')}</h5>
        <ul>
          <For each={props.item.decisions}>
            {(decision) => (
              <li>
                <Field path={['decisions', decision.id, 'text']} label={`${t('decisions')}: ${props.itemLabel}`} hideLabel class="grow">
                  {(fid, d) => <TextInput id={fid} describedBy={d} value={decision.text} write={(v) => setItemFields(editor.doc, C.decisions, decision.id, { text: v }, LOCAL_ORIGIN)} />}
                </Field>
              </li>
            )}
          </For>
        </ul>
        <Show when={editor.editable && props.item.id}>
          <button type="button" class="secondary" onClick={() => addItem(editor.doc, C.decisions, { itemId: itemId(), text: '' }, LOCAL_ORIGIN)}>
            + {t('addDecision')} <span class="visually-hidden">{props.itemLabel}</span>
          </button>
        </Show>
      </Show>
      <Show when={props.item.actions.length > 0 || (editor.editable && props.item.id)}>
        <h5>{t('actionItems')}</h5>
        <ul class="actions">
          <For each={props.item.actions}>
            {(action) => {
              const write = (field: string) => (value: unknown) => setItemFields(editor.doc, C.actions, action.id, { [field]: value }, LOCAL_ORIGIN);
              return (
                <li class="meta-fields" data-action-item={action.id}>
                  <Field path={['actions', action.id, 'text']} label={t('actionItems')} class="grow">
                    {(fid, d) => <TextInput id={fid} describedBy={d} value={action.text} write={write('text')} />}
                  </Field>
                  <Field path={['actions', action.id, 'owner']} label={t('owner')}>
                    {(fid, d) => <TextInput id={fid} describedBy={d} value={action.owner} write={write('owner')} />}
                  </Field>
                  <Field path={['actions', action.id, 'due']} label={t('due')}>
                    {(fid, d) => <DateInput id={fid} describedBy={d} value={action.due} write={write('due')} />}
                  </Field>
                  <label class="check">
                    <input type="checkbox" checked={action.done} disabled={!editor.editable} onChange={(e) => write('done')(e.currentTarget.checked)} />
                    {t('done')}
                  </label>
                  <ActionToPlan actionId={action.id} label={action.text} link={action.planActivity} />
                </li>
              );
            }}
          </For>
        </ul>
        <Show when={editor.editable && props.item.id}>
          <button type="button" class="secondary" onClick={() => addItem(editor.doc, C.actions, { itemId: itemId(), text: '', owner: '', due: null, done: false }, LOCAL_ORIGIN)}>
            + {t('addAction')} <span class="visually-hidden">{props.itemLabel}</span>
          </button>
        </Show>
      </Show>
    </div>
  );
}
