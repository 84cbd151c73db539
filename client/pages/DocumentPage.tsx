import { useParams } from '@solidjs/router';
import { createResource, Match, onCleanup, Show, Switch } from 'solid-js';
import { roleAtLeast } from '../../shared/roles.js';
import { ROOTS } from '../../shared/model/kinds.js';
import { api, type DocumentInfo, type User } from '../api.js';
import { DocumentHeader } from '../components/DocumentHeader.jsx';
import { messageOf } from '../components/ErrorText.jsx';
import { PlanEditor } from '../components/plan/PlanEditor.jsx';
import { StrategyEditor } from '../components/strategy/StrategyEditor.jsx';
import { AgendaEditor } from '../components/agenda/AgendaEditor.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { t } from '../i18n/index.js';
import { openDocument } from '../sync/open-document.js';
import { createPresence } from '../sync/presence.js';

export function DocumentPage() {
  const params = useParams<{ doc: string }>();
  const [info] = createResource(() => params.doc, (id) => api.document(id));
  return (
    <RequireUser>
      {(user) => (
        <Show when={info()} fallback={<p role={info.error ? 'alert' : undefined}>{info.error ? messageOf(info.error, t('errorGeneric')) : t('loading')}</p>}>
          {(doc) => <LiveDocumentView info={doc()} user={user} />}
        </Show>
      )}
    </RequireUser>
  );
}

function LiveDocumentView(props: { info: DocumentInfo; user: User }) {
  const live = openDocument(props.info.id, props.user, ROOTS[props.info.kind].maps);
  onCleanup(() => live.destroy());
  const peers = createPresence(live.provider.awareness);
  const editable = roleAtLeast(props.info.role, 'editor');
  // Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z outside text editors undo one's own changes.
  const onKey = (event: KeyboardEvent) => {
    if (!editable || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    if ((event.target as HTMLElement | null)?.closest('.cm-editor, input, textarea')) return;
    event.preventDefault();
    if (event.shiftKey) live.undo.redo();
    else live.undo.undo();
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <>
      <DocumentHeader status={live.status} peers={peers} onUndo={editable ? () => live.undo.undo() : undefined} onRedo={editable ? () => live.undo.redo() : undefined} />
      <p class="breadcrumb">
        <a href={`/w/${props.info.workspaceId}`}>← {t('back')}</a> · <a href={`/api/documents/${props.info.id}/export.json`}>{t('exportJson')}</a>
        <Show when={props.info.kind === 'action-plan'}>
          {' · '}
          <a href={`/api/documents/${props.info.id}/export.tsv`}>{t('exportTsv')}</a>
        </Show>
      </p>
      <Show when={!editable}>
        <p class="notice" role="note">
          {t('readOnly')}
        </p>
      </Show>
      <Switch fallback={<p>{t('documentUnsupported')}</p>}>
        <Match when={props.info.kind === 'action-plan'}>
          <PlanEditor live={live} editable={editable} peers={peers} />
        </Match>
        <Match when={props.info.kind === 'strategy'}>
          <StrategyEditor live={live} workspaceId={props.info.workspaceId} editable={editable} peers={peers} />
        </Match>
        <Match when={props.info.kind === 'agenda'}>
          <AgendaEditor live={live} editable={editable} peers={peers} />
        </Match>
      </Switch>
    </>
  );
}
