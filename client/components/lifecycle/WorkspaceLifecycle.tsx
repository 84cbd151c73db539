import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { DocumentSummary, Workspace } from '../../api.js';
import { roleAtLeast } from '../../../shared/roles.js';
import { t } from '../../i18n/index.js';
import { lifecycleApi, type ArchivedDocument } from '../../lifecycle-api.js';
import { DownloadLink } from '../DownloadLink.jsx';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { RetryError } from '../RetryError.jsx';
import { dateTime } from '../present/ChangeList.jsx';
import { AuditPanel } from './AuditPanel.jsx';
import { DocumentActions, type LifecycleEvent } from './DocumentActions.jsx';

/** The workspace as the page has it, with the archived documents the server lists apart. */
export type WorkspaceWithArchive = Workspace & { archived?: ArchivedDocument[] };

/**
 * The workspace page's lifecycle parts (DESIGN "Audit and exports"): the archive (read-only
 * documents, listed apart), and for coordinators the trash with "Återställ", the audit log
 * and the whole-workspace export. `onChange` re-reads the workspace after any action.
 */
export function WorkspaceLifecycle(props: { workspace: WorkspaceWithArchive; onChange: (event: LifecycleEvent | { kind: 'restored' }) => void }) {
  const coordinator = () => roleAtLeast(props.workspace.role, 'coordinator');
  return (
    <>
      <Show when={(props.workspace.archived ?? []).length > 0}>
        <section aria-labelledby="archive-heading" data-section="archive">
          <h2 id="archive-heading">{t('lifecycle_archived')}</h2>
          <p class="muted">{t('lifecycle_archivedHint')}</p>
          <ul class="cards">
            <For each={props.workspace.archived}>
              {(doc) => (
                <li>
                  <A href={`/d/${doc.id}/present`}>{doc.title}</A> <span class="muted">{t(`kind_${doc.kind}`)} · {t('lifecycle_archivedAt', { date: dateTime(doc.archivedAt) })}</span>
                  <DocumentActions document={doc} role={props.workspace.role} archived onChange={props.onChange} />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={coordinator()}>
        <TrashPanel workspace={props.workspace} onRestored={() => props.onChange({ kind: 'restored' })} />
        <AuditPanel workspaceId={props.workspace.id} revision={props.workspace} />
        <p>
          <DownloadLink href={`/api/workspaces/${props.workspace.id}/export`} title={props.workspace.name} extension="json">
            {t('lifecycle_exportWorkspace')}
          </DownloadLink>
        </p>
      </Show>
    </>
  );
}

/** "Papperskorg": deleted documents with who deleted them and when they go for good; "Återställ" brings one back. */
function TrashPanel(props: { workspace: Workspace; onRestored: () => void }) {
  // Keyed on the workspace record, so a deletion elsewhere on the page (which re-reads it) shows here too.
  const [trash, { refetch }] = createResource(() => props.workspace, (ws) => lifecycleApi.trash(ws.id).then((r) => r.documents));
  // A failed load throws when read, and took the whole workspace page with it (issue 17 item
  // 3): it says why here, with "Försök igen"; not "empty" when the trash could not be read.
  const list = () => (trash.error ? undefined : trash());
  const [error, setError] = createSignal<string | null>(null);
  const [restored, setRestored] = createSignal<string | null>(null);
  const restore = async (doc: DocumentSummary) => {
    setError(null);
    try {
      await lifecycleApi.undelete(doc.id);
      setRestored(t('lifecycle_restored', { title: doc.title }));
      await refetch();
      props.onRestored();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <section aria-labelledby="trash-heading" data-section="trash">
      <h2 id="trash-heading">{t('lifecycle_trash')}</h2>
      <RetryError error={trash.error} onRetry={() => void refetch()} />
      <Show when={(list() ?? []).length > 0} fallback={<Show when={list()}><p class="muted">{t('lifecycle_trashEmpty')}</p></Show>}>
        <ul class="cards">
          <For each={list()}>
            {(doc) => (
              <li data-trashed={doc.id}>
                <strong>{doc.title}</strong>{' '}
                <span class="muted">
                  {t('lifecycle_deletedBy', { date: dateTime(doc.deletedAt), name: doc.deletedBy?.name ?? '–' })} · {t('lifecycle_purgeAt', { date: dateTime(doc.purgeAt) })}
                </span>{' '}
                <button type="button" class="secondary" onClick={() => void restore(doc)}>
                  {t('lifecycle_restore')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={restored()}>
        <p role="status">{restored()}</p>
      </Show>
      <ErrorText message={error()} />
    </section>
  );
}
