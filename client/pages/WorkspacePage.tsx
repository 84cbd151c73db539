import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, Show, Switch, type Resource } from 'solid-js';
import { DOCUMENT_KINDS, isDocumentKind } from '../../shared/model/kinds.js';
import { roleAtLeast } from '../../shared/roles.js';
import { api, type User, type Workspace } from '../api.js';
import { countryName } from '../components/CountryChoice.jsx';
import { ErrorText, messageOf } from '../components/ErrorText.jsx';
import { ImportForm } from '../components/ImportForm.jsx';
import { DocumentActions, type LifecycleEvent } from '../components/lifecycle/DocumentActions.jsx';
import { WorkspaceLifecycle, type WorkspaceWithArchive } from '../components/lifecycle/WorkspaceLifecycle.jsx';
import { LoadError, loadFailure } from '../components/LoadError.jsx';
import { MembersPanel } from '../components/MembersPanel.jsx';
import { OfflineWorkspace } from '../components/OfflineWorkspace.jsx';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { t } from '../i18n/index.js';
import { keptDocumentIds } from '../sync/local-copies.js';
import { rememberWorkspace, seenWorkspace } from '../sync/seen-workspaces.js';

/** A workspace: its documents, lifecycle, import and members (route /w/:ws). */
export function WorkspacePage() {
  const params = useParams<{ ws: string }>();
  const [workspace, { refetch }] = createResource(() => params.ws, (id) => api.workspace(id));
  usePageTitle(() => (workspace.state === 'ready' ? workspace()?.name ?? '' : ''));
  // Any lifecycle action (rename, copy, archive, delete, restore) changes the lists: read them again.
  // A rename or copy also says it is done (user test: nothing showed that it had worked).
  const [done, setDone] = createSignal<LifecycleEvent | null>(null);
  const onLifecycle = (event: LifecycleEvent | { kind: 'restored' }) => {
    setDone(event.kind === 'renamed' || event.kind === 'duplicated' ? event : null);
    void refetch();
  };

  return (
    <RequireUser>
      {(user) => {
        rememberLoaded(user, workspace);
        return (
        <Switch fallback={<p role="status">{t('loading')}</p>}>
          <Match when={workspace.error as unknown}>
            <Unreachable user={user} workspaceId={params.ws} workspace={workspace} onRetry={() => void refetch()} />
          </Match>
          <Match when={workspace()}>
          {(ws) => (
            <div class="workspace">
              <PageHeading>{ws().name}</PageHeading>
              <RoleAndCountry workspace={ws()} />
              <DocumentsSection workspace={ws()} onChange={onLifecycle} />
              <p role="status" data-lifecycle-status>
                <Show when={done()} keyed>
                  {(event) =>
                    event.kind === 'duplicated' ? (
                      <>
                        {t('lifecycle_copiedStatus', { title: event.copy.title })} <A href={`/d/${event.copy.id}`}>{t('lifecycle_openCopy')}</A>
                      </>
                    ) : (
                      t('lifecycle_renamedStatus')
                    )
                  }
                </Show>
              </p>
              <WorkspaceLifecycle workspace={ws() as WorkspaceWithArchive} onChange={onLifecycle} />
              <Show when={roleAtLeast(ws().role, 'editor')}>
                <ImportForm workspaceId={ws().id} onImported={() => void refetch()} />
              </Show>
              <MembersPanel workspace={ws()} selfId={user.id} onChange={() => void refetch()} />
            </div>
          )}
          </Match>
        </Switch>
        );
      }}
    </RequireUser>
  );
}

/** The reader's role and the workspace's country (its objectives and plans' currency), under its name. */
function RoleAndCountry(props: { workspace: Workspace }) {
  return (
    <p>
      {t('yourRole')}: <span class="role">{t(`role_${props.workspace.role}`)}</span>
      <Show when={countryName(props.workspace.country)}>
        {(name) => (
          <>
            {' · '}
            <span data-workspace-country={props.workspace.country}>
              {t('workspaceCountry')}: {name()}
            </span>
          </>
        )}
      </Show>
    </p>
  );
}

/**
 * The workspace could not be loaded. Offline (no answer), when this browser saw its list
 * before, that list with the documents kept here (issue 17 item 12); else why, with a way on.
 * Every list loaded is kept for that: per person, until their session ends (seen-workspaces.ts).
 */
function Unreachable(props: { user: User; workspaceId: string; workspace: Resource<Workspace>; onRetry: () => void }) {
  const seen = () => (loadFailure(props.workspace.error) === 'network' ? seenWorkspace(props.user.id, props.workspaceId) : null);
  const [kept] = createResource(() => (seen() ? props.user.id : false), (id) => keptDocumentIds(id));
  return (
    <Show when={seen()} fallback={<LoadError error={props.workspace.error} what="workspace" onRetry={props.onRetry} />}>
      {(last) => <OfflineWorkspace seen={last()} kept={kept.state === 'ready' ? kept() : undefined} onRetry={props.onRetry} />}
    </Show>
  );
}

/** Keeps each list `workspace` loads as `user`'s last seen one, for the offline page above. */
function rememberLoaded(user: User, workspace: Resource<Workspace>): void {
  createEffect(() => {
    if (workspace.state === 'ready') rememberWorkspace(user.id, workspace());
  });
}

/** The workspace's documents, each with its lifecycle menu, and (for editors) "new document". */
function DocumentsSection(props: { workspace: Workspace; onChange: (event: LifecycleEvent) => void }) {
  const params = useParams<{ ws: string }>();
  const navigate = useNavigate();
  const [error, setError] = createSignal<string | null>(null);
  const createDocument = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const kind = String(form.get('kind'));
    if (!isDocumentKind(kind)) return;
    try {
      const created = await api.createDocument(params.ws, kind, String(form.get('title') ?? ''));
      navigate(`/d/${created.id}`);
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };

  return (
  <section aria-labelledby="documents-heading">
    <h2 id="documents-heading">{t('documents')}</h2>
    <Show when={props.workspace.documents.length > 0} fallback={<p>{t('noDocuments')}</p>}>
      <ul class="cards">
        <For each={props.workspace.documents}>
          {(doc) => (
            <li>
              {/* Viewers land on the presentation view (issue 18), which links to the full view. */}
              <A href={roleAtLeast(props.workspace.role, 'editor') ? `/d/${doc.id}` : `/d/${doc.id}/present`}>{doc.title}</A> <span class="muted">{t(`kind_${doc.kind}`)}</span>
              <DocumentActions document={doc} role={props.workspace.role} archived={false} onChange={props.onChange} />
            </li>
          )}
        </For>
      </ul>
    </Show>
    <Show when={roleAtLeast(props.workspace.role, 'editor')}>
      <h3>{t('newDocument')}</h3>
      <form class="inline" onSubmit={(e) => void createDocument(e)}>
        <label>
          {t('kind')}
          <select name="kind">
            <For each={DOCUMENT_KINDS}>{(kind) => <option value={kind}>{t(`kind_${kind}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('title')}
          <input name="title" required maxlength="200" />
        </label>
        <button type="submit">{t('create')}</button>
      </form>
      <ErrorText message={error()} />
    </Show>
  </section>
  );
}
