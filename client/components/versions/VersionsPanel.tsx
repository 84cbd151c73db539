import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { versionsApi, type Version } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { dateTime } from '../present/ChangeList.jsx';
import { CompareVersions } from './CompareVersions.jsx';
import { SaveVersionForm } from './SaveVersionForm.jsx';

function kindLabel(v: Version): string {
  return t(v.decision ? 'versions_kind_adopted' : v.kind === 'auto' ? 'versions_kind_auto' : 'versions_kind_named');
}

function VersionItem(props: { version: Version; canWrite: boolean; onRestore: (v: Version) => void }) {
  const v = () => props.version;
  return (
    <li data-version={v().id} data-adopted={v().decision ? 'true' : undefined}>
      <span>
        <strong>{v().name}</strong> <span class="role">{kindLabel(v())}</span>
        <Show when={v().decision}>{(d) => <span class="version-decision"> {t('versions_adoptedBy', { body: d().body, date: d().date, reference: d().reference })}</span>}</Show>
        <span class="muted"> · {v().createdBy ? t('versions_by', { name: v().createdBy?.name ?? '', time: dateTime(v().createdAt) }) : dateTime(v().createdAt)}</span>
      </span>
      <Show when={props.canWrite}>
        <button type="button" class="secondary" aria-label={`${t('versions_restore')}: ${v().name}`} onClick={() => props.onRestore(v())}>
          {t('versions_restore')}
        </button>
      </Show>
    </li>
  );
}

/**
 * Versions (DESIGN "Versions, changes, the live draft"): the list (named, adopted, automatic),
 * compare, and for editors "Spara version" and restore after a confirmation. Restoring is a
 * live change: the open document follows by itself.
 */
export function VersionsPanel(props: { documentId: string; canWrite: boolean; currency: string }) {
  const [versions, { refetch }] = createResource(() => props.documentId, (id) => versionsApi.versions(id).then((r) => r.versions));
  const [notice, setNotice] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const restore = async (version: Version) => {
    if (!window.confirm(t('versions_restoreConfirm', { name: version.name }))) return;
    setError(null);
    try {
      await versionsApi.restore(props.documentId, version.id);
      setNotice(t('versions_restored', { name: version.name }));
      await refetch();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <section class="versions-panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions_heading')}</h2>
      <Show when={props.canWrite}>
        <SaveVersionForm documentId={props.documentId} onSaved={() => void refetch()} />
      </Show>
      <Show when={versions.error as unknown}>
        <p class="error">{messageOf(versions.error, t('errorGeneric'))}</p>
      </Show>
      <Show when={!versions.error && versions()}>
        {(list) => (
          <>
            <ul class="members versions">
              <For each={list()} fallback={<li>{t('versions_none')}</li>}>
                {(v) => <VersionItem version={v} canWrite={props.canWrite} onRestore={(x) => void restore(x)} />}
              </For>
            </ul>
            <Show when={list().length > 0}>
              <CompareVersions documentId={props.documentId} versions={list()} currency={props.currency} />
            </Show>
          </>
        )}
      </Show>
      <Show when={notice()}>
        <p role="status">{notice()}</p>
      </Show>
      <ErrorText message={error()} />
    </section>
  );
}
