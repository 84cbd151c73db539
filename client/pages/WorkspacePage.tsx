import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { DOCUMENT_KINDS, isDocumentKind } from '../../shared/model/kinds.js';
import { roleAtLeast } from '../../shared/roles.js';
import { api } from '../api.js';
import { ErrorText, messageOf } from '../components/ErrorText.jsx';
import { ImportForm } from '../components/ImportForm.jsx';
import { MembersPanel } from '../components/MembersPanel.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { t } from '../i18n/index.js';

export function WorkspacePage() {
  const params = useParams<{ ws: string }>();
  const navigate = useNavigate();
  const [workspace, { refetch }] = createResource(() => params.ws, (id) => api.workspace(id));
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
    <RequireUser>
      {(user) => (
        <Show when={workspace()} fallback={<p role={workspace.error ? 'alert' : undefined}>{workspace.error ? messageOf(workspace.error, t('errorGeneric')) : t('loading')}</p>}>
          {(ws) => (
            <div class="workspace">
              <h1>{ws().name}</h1>
              <p>
                {t('yourRole')}: <span class="role">{t(`role_${ws().role}`)}</span>
              </p>
              <section aria-labelledby="documents-heading">
                <h2 id="documents-heading">{t('documents')}</h2>
                <Show when={ws().documents.length > 0} fallback={<p>{t('noDocuments')}</p>}>
                  <ul class="cards">
                    <For each={ws().documents}>
                      {(doc) => (
                        <li>
                          <A href={`/d/${doc.id}`}>{doc.title}</A> <span class="muted">{t(`kind_${doc.kind}`)}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={roleAtLeast(ws().role, 'editor')}>
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
              <Show when={roleAtLeast(ws().role, 'editor')}>
                <ImportForm workspaceId={ws().id} onImported={() => void refetch()} />
              </Show>
              <MembersPanel workspace={ws()} selfId={user.id} onChange={() => void refetch()} />
            </div>
          )}
        </Show>
      )}
    </RequireUser>
  );
}
