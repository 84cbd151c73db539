import { For, Show } from 'solid-js';
import { AGENDA_COLLECTIONS, agendaToJSON } from '../../../shared/model/agenda.js';
import { addItem, deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import { PARTICIPANT_ROLES } from '../../../shared/model/kinds.js';
import { writeFields } from '../../../shared/model/ymap.js';
import { createDocumentView } from '../../sync/document-view.js';
import { LOCAL_ORIGIN, type LiveDocument } from '../../sync/open-document.js';
import type { Peer } from '../../sync/presence.js';
import { locale, longDate, t } from '../../i18n/index.js';
import { today } from '../../lib/today.js';
import { EditorContext } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, SelectInput, TextInput } from '../editor/inputs.jsx';
import { RowActions } from '../RowActions.jsx';
import { ValidationPanel } from '../ValidationPanel.jsx';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { MeetingCard } from './MeetingCard.jsx';

const C = AGENDA_COLLECTIONS;

/** The agenda of a network's meeting series: participants, gatherings, milestones. */
export function AgendaEditor(props: { live: LiveDocument; editable: boolean; peers: () => Peer[] }) {
  const { doc, provider } = props.live;
  const view = createDocumentView(doc, agendaToJSON, {
    roots: ['participants', 'meetings', 'items', 'decisions', 'actions', 'milestones'],
    today,
    locale,
    isRemote: (origin) => origin === provider && provider.synced,
  });
  const a = view.data;
  usePageTitle(() => a.title || t('kind_agenda'));
  const meta = doc.getMap<unknown>('meta');
  const writeMeta = (field: string) => (value: unknown) => doc.transact(() => writeFields(meta, { [field]: value }), LOCAL_ORIGIN);
  return (
    <EditorContext.Provider
      value={{ doc, awareness: provider.awareness, undo: props.live.undo, editable: props.editable, currency: () => 'SEK', peers: props.peers, issuesByField: view.issuesByField, recentlyChanged: view.recentlyChanged }}
    >
      <div class="editor-layout">
        <div class="editor-main">
          <PageHeading class="doc-title">{a.title || t('kind_agenda')}</PageHeading>
          <div class="meta-fields">
            <Field path={['meta', 'title']} label={t('title')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={a.title} write={writeMeta('title')} maxLength={200} />}
            </Field>
            <Field path={['meta', 'network']} label={t('network')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={a.network} write={writeMeta('network')} />}
            </Field>
            <Field path={['meta', 'registrationDeadline']} label={t('registrationDeadline')}>
              {(id, d) => <DateInput id={id} describedBy={d} value={a.registrationDeadline} write={writeMeta('registrationDeadline')} />}
            </Field>
          </div>

          <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{t('participants')}</h2>
            <div class="table-scroll">
              <table class="plan-table">
                <caption class="visually-hidden">{t('participants')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organisation')}</th>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('email')}</th>
                    <th scope="col">{t('role')}</th>
                    <Show when={props.editable}>
                      <th scope="col">
                        <span class="visually-hidden">{t('remove')}</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={a.participants}>
                    {(p, i) => {
                      const write = (field: string) => (value: unknown) => setItemFields(doc, C.participants, p.id, { [field]: value }, LOCAL_ORIGIN);
                      const who = () => p.name || t('participants');
                      return (
                        <tr classList={{ contact: p.role === 'contact', flash: view.recentlyChanged().has(p.id) }} data-row={p.id} data-row-kind="participants">
                          <td data-label={t('organisation')}>
                            <Field path={['participants', p.id, 'organisation']} label={`${t('organisation')} (${who()})`} hideLabel>
                              {(id, d) => <TextInput id={id} describedBy={d} value={p.organisation} write={write('organisation')} />}
                            </Field>
                          </td>
                          <td data-label={t('name')}>
                            <Field path={['participants', p.id, 'name']} label={`${t('name')} ${i() + 1}`} hideLabel>
                              {(id, d) => <TextInput id={id} describedBy={d} value={p.name} write={write('name')} />}
                            </Field>
                            <Show when={p.role === 'contact'}>
                              <span class="contact-mark">★ {t('participantRole_contact')}</span>
                            </Show>
                          </td>
                          <td data-label={t('email')}>
                            <Field path={['participants', p.id, 'email']} label={`${t('email')} (${who()})`} hideLabel>
                              {(id, d) => <TextInput id={id} describedBy={d} value={p.email} write={write('email')} />}
                            </Field>
                          </td>
                          <td data-label={t('role')}>
                            <Field path={['participants', p.id, 'role']} label={`${t('role')} (${who()})`} hideLabel>
                              {(id, d) => <SelectInput id={id} describedBy={d} value={p.role} options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`participantRole_${r}`) }))} write={write('role')} />}
                            </Field>
                          </td>
                          <Show when={props.editable}>
                            <td>
                              <RowActions label={who()} first={i() === 0} last={i() === a.participants.length - 1} onMove={(dir) => moveItem(doc, C.participants, p.id, dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(doc, C.participants, p.id, LOCAL_ORIGIN)} />
                            </td>
                          </Show>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={props.editable}>
              <button type="button" class="secondary" onClick={() => addItem(doc, C.participants, { organisation: '', name: '', email: '', role: 'official' }, LOCAL_ORIGIN)}>
                + {t('addParticipant')}
              </button>
            </Show>
          </section>

          <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">{t('meetings')}</h2>
            <For each={a.meetings}>{(meeting) => <MeetingCard meeting={meeting} agenda={a} />}</For>
            <Show when={props.editable}>
              <button type="button" onClick={() => addItem(doc, C.meetings, { title: '', date: '', start: '09:00', end: '12:00', location: '', link: '' }, LOCAL_ORIGIN)}>
                + {t('addMeeting')}
              </button>
            </Show>
          </section>

          <section aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{t('milestones')}</h2>
            <ol class="milestones">
              <For each={a.milestones}>
                {(milestone) => {
                  const write = (field: string) => (value: unknown) => setItemFields(doc, C.milestones, milestone.id, { [field]: value }, LOCAL_ORIGIN);
                  const overdue = () => !milestone.done && milestone.date !== '' && milestone.date < today();
                  return (
                    <li classList={{ done: milestone.done, overdue: overdue() }}>
                      <span class="milestone-date">{milestone.date ? longDate(milestone.date) : '–'}</span>
                      <div class="meta-fields">
                        <Field path={['milestones', milestone.id, 'title']} label={t('milestone')} class="grow">
                          {(id, d) => <TextInput id={id} describedBy={d} value={milestone.title} write={write('title')} />}
                        </Field>
                        <Field path={['milestones', milestone.id, 'date']} label={t('date')}>
                          {(id, d) => <DateInput id={id} describedBy={d} value={milestone.date || null} write={(v) => write('date')(v ?? '')} />}
                        </Field>
                        <label class="check">
                          <input type="checkbox" checked={milestone.done} disabled={!props.editable} onChange={(e) => write('done')(e.currentTarget.checked)} />
                          {t('done')}
                        </label>
                        <Show when={overdue()}>
                          <strong class="overdue-tag">{t('overdue')}</strong>
                        </Show>
                        <Show when={props.editable}>
                          <RowActions label={milestone.title || t('milestone')} first last canMove={false} onMove={() => undefined} onRemove={() => deleteItem(doc, C.milestones, milestone.id, LOCAL_ORIGIN)} />
                        </Show>
                      </div>
                    </li>
                  );
                }}
              </For>
            </ol>
            <Show when={props.editable}>
              <button type="button" class="secondary" onClick={() => addItem(doc, C.milestones, { title: '', date: today(), done: false }, LOCAL_ORIGIN)}>
                + {t('addMilestone')}
              </button>
            </Show>
          </section>
        </div>
        <ValidationPanel issues={view.issues()} />
      </div>
    </EditorContext.Provider>
  );
}
