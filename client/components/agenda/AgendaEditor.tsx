import { For, Show } from 'solid-js';
import { AGENDA_COLLECTIONS, agendaToJSON } from '../../../shared/model/agenda.js';
import { addItem } from '../../../shared/model/collections.js';
import { createDocumentView } from '../../sync/document-view.js';
import { metaWriter } from '../../sync/meta-fields.js';
import { LOCAL_ORIGIN, type LiveDocument } from '../../sync/open-document.js';
import type { Peer } from '../../sync/presence.js';
import { locale, t } from '../../i18n/index.js';
import { today } from '../../lib/today.js';
import { EditorContext } from '../editor/context.js';
import { afterServerSync } from '../../sync/status.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, TextInput } from '../editor/inputs.jsx';
import { IssuesJump, ValidationPanel } from '../ValidationPanel.jsx';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { MeetingCard } from './MeetingCard.jsx';
import { ToPlanContext } from './to-plan-target.js';
import { MilestonesSection } from './MilestonesSection.jsx';
import { ParticipantsSection } from './ParticipantsSection.jsx';

const C = AGENDA_COLLECTIONS;

/** The agenda of a network's meeting series: participants, gatherings, milestones. */
export function AgendaEditor(props: { live: LiveDocument; editable: boolean; peers: () => Peer[]; documentId: string; workspaceId: string }) {
  const { doc, provider } = props.live;
  const view = createDocumentView(doc, agendaToJSON, {
    roots: ['participants', 'meetings', 'items', 'decisions', 'actions', 'milestones'],
    today,
    locale,
    isRemote: (origin) => origin === provider && provider.synced,
  });
  const a = view.data;
  usePageTitle(() => a.title || t('kind_agenda'));
  const writeMeta = metaWriter(doc);
  return (
    <EditorContext.Provider
      value={{ doc, awareness: provider.awareness, undo: props.live.undo, editable: props.editable, currency: () => 'SEK', peers: props.peers, issuesByField: view.issuesByField, recentlyChanged: view.recentlyChanged, afterSync: afterServerSync(provider) }}
    >
      <div class="editor-layout">
        <div class="editor-main">
          <PageHeading class="doc-title">{a.title || t('kind_agenda')}</PageHeading>
          <IssuesJump count={view.issues().length} />
          <div class="meta-fields">
            <Field path={['meta', 'title']} label={t('title')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={a.title} write={writeMeta('title')} maxLength={200} required />}
            </Field>
            <Field path={['meta', 'network']} label={t('network')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={a.network} write={writeMeta('network')} />}
            </Field>
            <Field path={['meta', 'registrationDeadline']} label={t('registrationDeadline')}>
              {(id, d) => <DateInput id={id} describedBy={d} value={a.registrationDeadline} write={writeMeta('registrationDeadline')} />}
            </Field>
          </div>

          <ParticipantsSection agenda={a} editable={props.editable} />

          <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">{t('meetings')}</h2>
            <ToPlanContext.Provider value={{ documentId: props.documentId, workspaceId: props.workspaceId, canEdit: props.editable }}>
              <For each={a.meetings}>{(meeting) => <MeetingCard meeting={meeting} agenda={a} />}</For>
            </ToPlanContext.Provider>
            <Show when={props.editable}>
              <button type="button" onClick={() => addItem(doc, C.meetings, { title: '', date: '', start: '09:00', end: '12:00', location: '', link: '' }, LOCAL_ORIGIN)}>
                + {t('addMeeting')}
              </button>
            </Show>
          </section>

          <MilestonesSection agenda={a} editable={props.editable} />
        </div>
        <ValidationPanel issues={view.issues()} />
      </div>
    </EditorContext.Provider>
  );
}
