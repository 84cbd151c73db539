import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { api, type DocumentInfo, type User } from '../api.js';
import { FacilitationLayer } from '../components/facilitation/FacilitationLayer.jsx';
import { LoadError } from '../components/LoadError.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { ChangesPanel } from '../components/present/ChangesPanel.jsx';
import { PresentView } from '../components/present/PresentView.jsx';
import { AdoptedVsLive } from '../components/versions/CompareVersions.jsx';
import { VersionsPanel } from '../components/versions/VersionsPanel.jsx';
import { t } from '../i18n/index.js';
import { ADOPTED_POLL_MS, usePollWhileOpen } from '../lib/poll-while-open.js';
import { createSettledRevision, presentMemberDocument, type PresentedDocument } from '../sync/present-document.js';
import { memberSource, versionsApi, type Version } from '../versions-api.js';

/** "Antagen version mot utkastet" at the top, for every member: the list is fetched again as the draft changes and every ADOPTED_POLL_MS. */
function AdoptedAtTop(props: { documentId: string; live: PresentedDocument }) {
  const revision = createSettledRevision(props.live.doc);
  const [versions, setVersions] = createSignal<Version[]>([]);
  const fetchVersions = () => {
    versionsApi.versions(props.documentId).then(
      (r) => setVersions(r.versions),
      // The versions panel below says why the list could not be read.
      () => undefined,
    );
  };
  createEffect(on(revision, fetchVersions));
  // Adopting a version changes no content, so no revision says it: asked for now and then (u11).
  usePollWhileOpen(fetchVersions, ADOPTED_POLL_MS);
  return <AdoptedVsLive source={memberSource(props.documentId)} versions={versions()} currency={props.live.currency()} revision={revision} />;
}

/** A member's presentation view, with "Ändrat sedan ditt senaste besök" and the versions to compare. */
function MemberPresentation(props: { info: DocumentInfo; user: User }) {
  const live = presentMemberDocument(props.info.id, props.info.kind, props.user);
  onCleanup(() => void live.destroy());
  return (
    <PresentView
      live={live}
      kind={props.info.kind}
      title={props.info.title}
      // An archived document opened from the archive list says so here too (user test).
      notice={
        <Show when={props.info.readOnly?.code === 'document.archived'}>
          <p class="notice" role="status" data-notice="archived">
            {t('present_archived')}
          </p>
        </Show>
      }
      // Issue 19: on the projector too — the spotlit item and the timer, the open rounds, the
      // last results (no facilitator's bar here); after the title, not above it (user test).
      session={<FacilitationLayer doc={live.doc} documentId={props.info.id} workspaceId={props.info.workspaceId} kind={props.info.kind} userId={props.user.id} facilitator={false} canEdit={false} awareness={live.provider.awareness} heading />}
      links={
        <A href={`/d/${props.info.id}`} data-full-view>
          {t('present_openFull')}
        </A>
      }
      panels={
        <>
          <AdoptedAtTop documentId={props.info.id} live={live} />
          <ChangesPanel source={memberSource(props.info.id)} currency={live.currency()} doc={live.doc} />
          <details class="versions-details">
            <summary>{t('versions_heading')}</summary>
            <VersionsPanel documentId={props.info.id} canWrite={false} currency={live.currency()} doc={live.doc} quickCompare={false} />
          </details>
        </>
      }
    />
  );
}

/**
 * `/d/:doc/present` (DESIGN "Versions, changes, the live draft"): the document as a clean,
 * live read view for any member; viewers land here from the workspace.
 */
export function PresentPage() {
  const params = useParams<{ doc: string }>();
  const [info, { refetch }] = createResource(() => params.doc, (id) => api.document(id));
  return (
    <RequireUser>
      {(user) => (
        <Switch fallback={<p role="status">{t('loading')}</p>}>
          <Match when={info.error as unknown}>
            <LoadError error={info.error} what="document" onRetry={() => void refetch()} />
          </Match>
          <Match when={info()} keyed>
            {(doc) => <MemberPresentation info={doc} user={user} />}
          </Match>
        </Switch>
      )}
    </RequireUser>
  );
}
