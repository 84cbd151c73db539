import { useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, Match, onCleanup, Show, Switch } from 'solid-js';
import { ROOTS } from '../../shared/model/kinds.js';
import { api, sessionEndedByServer, type DocumentInfo, type User } from '../api.js';
import { CloseCode } from '../sync/close-codes.js';
import { DocumentHeader } from '../components/DocumentHeader.jsx';
import { DownloadGroup, DownloadLink } from '../components/DownloadLink.jsx';
import { DocumentMenu } from '../components/lifecycle/DocumentMenu.jsx';
import { KeyboardHelp } from '../components/KeyboardHelp.jsx';
import { LoadError } from '../components/LoadError.jsx';
import { PlanEditor } from '../components/plan/PlanEditor.jsx';
import { StrategyEditor } from '../components/strategy/StrategyEditor.jsx';
import { AgendaEditor } from '../components/agenda/AgendaEditor.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { DocumentFacilitation } from '../components/facilitation/FacilitationLayer.jsx';
import { ShareLinksPanel } from '../components/versions/ShareLinksPanel.jsx';
import { VersionsPanel } from '../components/versions/VersionsPanel.jsx';
import { HistoryLog } from '../components/history/HistoryLog.jsx';
import { roleAtLeast } from '../../shared/roles.js';
import { SessionEnded, SessionNotices } from '../components/SessionNotices.jsx';
import { t } from '../i18n/index.js';
import { sessionEnd } from '../session.js';
import { canEdit } from '../sync/close-codes.js';
import { createDocumentSession, type DocumentSession, type Phase } from '../sync/document-session.js';
import { openDocument } from '../sync/open-document.js';
import { documentCurrency } from '../sync/present-document.js';
import { createPresence } from '../sync/presence.js';
import { createFirstContent } from '../sync/first-content.js';
import { focusAfterUndo } from '../components/row-focus.js';
import { moveToRow } from '../lib/row-navigation.js';
import { rowStep } from '../lib/shortcuts.js';
import { isPassedToDocument, undoStepOf } from '../lib/undo-keys.js';

/**
 * `/d/:doc`. Keyed on the route's document: an in-app link from one document to another
 * (`/d/a` → `/d/b`, Back too) disposes the first document's view — its session, provider
 * and socket — and opens the second from scratch, as a page load would (issue 17).
 */
export function DocumentPage() {
  const params = useParams<{ doc: string }>();
  return (
    <RequireUser keepOnExpiry>
      {(user) => (
        <Show when={params.doc} keyed>
          {(id) => <DocumentLoader id={id} user={user} />}
        </Show>
      )}
    </RequireUser>
  );
}

/** One document's info, then its session view; made anew for each document id. */
function DocumentLoader(props: { id: string; user: User }) {
  const [info, { refetch }] = createResource(() => props.id, (id) => api.document(id));
  return (
    // The error is read before the value: reading a failed resource throws (issue 17 item 3).
    <Switch fallback={<p role="status">{t('loading')}</p>}>
      <Match when={info.error as unknown}>
        <LoadError error={info.error} what="document" onRetry={() => void refetch()} />
      </Match>
      <Match when={info()}>{(doc) => <DocumentSessionView info={doc()} user={props.user} />}</Match>
    </Switch>
  );
}

const openPhase = (phase: Phase) => (phase.kind === 'open' ? phase : undefined);
const endedPhase = (phase: Phase) => (phase.kind === 'ended' ? phase : undefined);

/** The document through its session: open (remounted when reopened), re-checking access after a 4403, or ended. */
function DocumentSessionView(props: { info: DocumentInfo; user: User }) {
  const session = createDocumentSession(props.info, (id) => api.document(id));
  return (
    <Switch>
      <Match when={openPhase(session.phase())} keyed>
        {(open) => <LiveDocumentView info={open.info} user={props.user} session={session} />}
      </Match>
      <Match when={endedPhase(session.phase())} keyed>
        {(ended) => <SessionEnded ending={ended.ending} documentId={props.info.id} />}
      </Match>
      <Match when={session.phase().kind === 'checking'}>
        <p role="status">{t('checkingAccess')}</p>
      </Match>
    </Switch>
  );
}

/** The provider stopped for good with `code`: a 4401 ends the whole app's session, then the document's session decides. */
function whenClosed(code: number, session: DocumentSession, live: Parameters<DocumentSession['closed']>[1]): void {
  if (code === CloseCode.Unauthorized) sessionEndedByServer();
  void session.closed(code, live);
}

function LiveDocumentView(props: { info: DocumentInfo; user: User; session: DocumentSession }) {
  const live = openDocument(props.info.id, props.user, ROOTS[props.info.kind].maps);
  onCleanup(() => void live.destroy());
  // Amounts in versions and the history log in the plan's own currency (NOK in a Norwegian workspace).
  const currency = documentCurrency(live.doc);
  // The provider stopped reconnecting (close-codes.ts): the session decides what comes next.
  live.provider.on('closed', ({ code }: { code: number }) => whenClosed(code, props.session, live));
  let syncedBefore = false;
  const state = createMemo(() => live.status().state);
  createEffect(() => {
    if (state() !== 'online') return;
    if (syncedBefore) void props.session.resynced(live);
    syncedBefore = true;
    props.session.synced();
  });
  // Any API call answering 401 ended the session (session.ts): the same as a 4401 here.
  createEffect(() => {
    if (sessionEnd() === 'expired') void props.session.signedOut(live);
  });
  const peers = createPresence(live.provider.awareness);
  const contentReady = createFirstContent(live);
  // Read-only for viewers, and for everyone when the server says so (DESIGN "Protected document fields").
  const editable = canEdit(props.info);
  // Signed out (4401): nothing more can be typed, at once — `inert` below takes focus and input
  // away from every field, CodeMirror's too, without remounting the editors (issue 15/16 item 1).
  const signedOut = () => !props.session.writable() && editable;
  useDocumentKeys(live.undo, () => props.session.writable());
  return (
    <>
      <DocumentHeader
        status={live.status}
        peers={peers}
        onUndo={props.session.writable() ? () => live.undo.undo() : undefined}
        onRedo={props.session.writable() ? () => live.undo.redo() : undefined}
      />
      <DocumentLinks info={props.info} />
      <DocumentMenu info={props.info} />
      <SessionNotices info={props.info} live={live} session={props.session} editable={editable} />
      <div class="document-body" inert={signedOut() || undefined} data-signed-out={signedOut() ? 'true' : undefined}>
        {/* Issue 19: the session's spotlight, timer, hands and rounds; the facilitator's bar for coordinators. */}
        <DocumentFacilitation info={props.info} userId={props.user.id} live={live} editable={editable} />
        <Switch fallback={<p>{t('documentUnsupported')}</p>}>
          <Match when={!contentReady()}>
            <p role="status" class="document-loading">{t('loadingDocument')}</p>
          </Match>
          <Match when={props.info.kind === 'action-plan'}>
            <PlanEditor live={live} editable={editable} peers={peers} />
          </Match>
          <Match when={props.info.kind === 'strategy'}>
            <StrategyEditor live={live} workspaceId={props.info.workspaceId} userId={props.user.id} editable={editable} peers={peers} />
          </Match>
          <Match when={props.info.kind === 'agenda'}>
            <AgendaEditor live={live} editable={editable} peers={peers} documentId={props.info.id} workspaceId={props.info.workspaceId} />
          </Match>
        </Switch>
        {/* Issue 18: versions for every member (a read-only list for viewers), share links for coordinators. */}
        <VersionsPanel documentId={props.info.id} canWrite={editable} currency={currency()} doc={live.doc} />
        <HistoryLog documentId={props.info.id} currency={currency()} />
        <Show when={roleAtLeast(props.info.role, 'coordinator')}>
          <ShareLinksPanel documentId={props.info.id} />
        </Show>
      </div>
    </>
  );
}

/**
 * Keys on a document page: Alt+↑/↓ to the same field one row up or down (a select keeps
 * Alt+↓ for opening its list), and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z or Ctrl/Cmd+Y outside text editors — or in
 * a field with nothing unsaved (lib/undo-keys.ts) — to undo and redo one's own changes while
 * the session may write.
 */
function useDocumentKeys(undo: { undo(): unknown; redo(): unknown }, writable: () => boolean): void {
  const onKey = (event: KeyboardEvent) => {
    const step = rowStep(event);
    const target = event.target instanceof Element ? event.target : null;
    if (step !== null && target && target.tagName !== 'SELECT' && moveToRow(target, step)) return event.preventDefault();
    const undoStep = undoStepOf(event);
    if (!writable() || undoStep === null) return;
    if (target?.closest('.cm-editor, input, textarea') && !isPassedToDocument(event)) return;
    event.preventDefault();
    if (undoStep === 'redo') undo.redo();
    else undo.undo();
    focusAfterUndo(target);
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
}

/** The office files of issue 20 item 3 (server/routes/exports.ts): Excel and Word for every kind, CSV for plans, a calendar for agendas. */
function FileDownloads(props: { info: DocumentInfo }) {
  const link = (extension: 'xlsx' | 'csv' | 'docx' | 'ics', label: string) => (
    <>
      {' · '}
      <DownloadLink href={`/api/documents/${props.info.id}/export.${extension}`} title={props.info.title} extension={extension}>
        {label}
      </DownloadLink>
    </>
  );
  return (
    <>
      {link('xlsx', t('export_xlsx'))}
      <Show when={props.info.kind === 'action-plan'}>{link('csv', t('export_csv'))}</Show>
      {link('docx', t('export_docx'))}
      <Show when={props.info.kind === 'agenda'}>{link('ics', t('export_ics'))}</Show>
    </>
  );
}

/** Back to the workspace, the downloads (issue 17 item 1), the presentation view, the keyboard help. */
function DocumentLinks(props: { info: DocumentInfo }) {
  return (
    <p class="breadcrumb">
      <a href={`/w/${props.info.workspaceId}`}>← {t('back')}</a> ·{' '}
      <DownloadGroup>
        <DownloadLink href={`/api/documents/${props.info.id}/export.json`} title={props.info.title} extension="json">
          {t('exportJson')}
        </DownloadLink>
        <Show when={props.info.kind === 'action-plan'}>
          {' · '}
          <DownloadLink href={`/api/documents/${props.info.id}/export.tsv`} title={props.info.title} extension="tsv">
            {t('exportTsv')}
          </DownloadLink>
        </Show>
        <FileDownloads info={props.info} />
      </DownloadGroup>
      {' · '}
      <a href={`/d/${props.info.id}/present`} data-present-link>
        {t('present_open')}
      </a>
      {' · '}
      <KeyboardHelp />
    </p>
  );
}
