import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { t } from '../../i18n/index.js';
import { ADOPTED_POLL_MS, usePollWhileOpen } from '../../lib/poll-while-open.js';
import { createSettledRevision } from '../../sync/present-document.js';
import { versionsApi, type Version } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { RetryError } from '../RetryError.jsx';
import { CompareVersions } from './CompareVersions.jsx';
import { adoptedByText, versionKindLabel } from './decision-text.js';
import { SaveVersionForm } from './SaveVersionForm.jsx';
import { versionWhen } from './version-when.js';
import './versions.css';


function VersionItem(props: { documentId: string; version: Version; when: string; canWrite: boolean; onRestore: (v: Version) => void }) {
  const v = () => props.version;
  // "Öppna"/"Återställ" name the version with when it was saved: same-named ones differ (U14 item 5).
  const named = () => `${v().name} – ${props.when}`;
  return (
    <li data-version={v().id} data-adopted={v().decision ? 'true' : undefined}>
      <span>
        <strong>{v().name}</strong> <Show when={versionKindLabel(v())}>{(kind) => <span class="role">{kind()}</span>}</Show>
        <Show when={v().decision}>{(d) => <span class="version-decision"> {adoptedByText(d())}</span>}</Show>
        <span class="muted"> · {props.when}</span>
      </span>
      <span class="version-actions">
        <A href={`/d/${props.documentId}/versions/${v().id}`} aria-label={`${t('versions_open')}: ${named()}`}>
          {t('versions_open')}
        </A>
        <Show when={props.canWrite}>
          <button type="button" class="secondary" aria-label={`${t('versions_restore')}: ${named()}`} onClick={() => props.onRestore(v())}>
            {t('versions_restore')}
          </button>
        </Show>
      </span>
    </li>
  );
}

/**
 * The list, fetched again after each burst of changes to the live document (a restore is
 * one) and every ADOPTED_POLL_MS while the page is shown (saving or adopting a version
 * changes no content, so no revision says it: issue 17), and what others restored since it
 * was first shown: a "Före återställning" version with `restoreOf` that this page did not make.
 * A poll that fails keeps the list and says nothing (the next one, or an edit, tries again);
 * an answer equal to the list shown leaves it untouched, so focus in it stays put.
 */
function useVersionList(documentId: () => string, revision: Accessor<number>, mine: ReadonlySet<string>) {
  const [list, setList] = createSignal<Version[] | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [restoredBy, setRestoredBy] = createSignal<string | null>(null);
  let known: Set<string> | null = null;
  let shown = '';
  let request = 0;
  const load = async (quiet = false) => {
    const current = ++request;
    try {
      const versions = (await versionsApi.versions(documentId())).versions;
      if (current !== request) return;
      const news = known ? versions.filter((v) => !known?.has(v.id) && !mine.has(v.id) && v.restoreOf) : [];
      const restore = news[0];
      if (restore?.restoreOf) setRestoredBy(t('versions_restoredBy', { name: restore.restoreOf.name, by: restore.createdBy?.name ?? '' }));
      known = new Set(versions.map((v) => v.id));
      const text = JSON.stringify(versions);
      if (text !== shown) setList(versions);
      shown = text;
      setLoadError(null);
    } catch (e) {
      if (current === request && !(quiet && list() !== null)) setLoadError(messageOf(e, t('errorGeneric')));
    }
  };
  createEffect(on([documentId, revision], () => void load()));
  usePollWhileOpen(() => void load(true), ADOPTED_POLL_MS);
  return { list, loadError, load: () => load(), restoredBy, clearRestoredBy: () => setRestoredBy(null) };
}

/**
 * Versions (DESIGN "Versions, changes, the live draft"): the list (named, adopted, automatic),
 * each openable read-only, compare, and for editors "Spara version" and restore after a
 * confirmation. With the live `doc`, the list and a comparison with the draft follow it;
 * versions others save or adopt appear while the page is shown, and a restore made by
 * someone else is announced politely ("Dokumentet återställdes …").
 */
export function VersionsPanel(props: { documentId: string; canWrite: boolean; currency: string; doc?: Y.Doc; quickCompare?: boolean }) {
  const revision = props.doc ? createSettledRevision(props.doc) : () => 0;
  const mine = new Set<string>();
  const versions = useVersionList(() => props.documentId, revision, mine);
  const whenOf = createMemo(() => versionWhen(versions.list() ?? []));
  const [notice, setNotice] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const restore = async (version: Version) => {
    if (!window.confirm(t('versions_restoreConfirm', { name: version.name }))) return;
    setError(null);
    try {
      const result = await versionsApi.restore(props.documentId, version.id);
      mine.add(result.before.id);
      setNotice(t('versions_restored', { name: version.name }));
      await versions.load();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <section class="versions-panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions_heading')}</h2>
      <Show when={versions.restoredBy()}>
        {(text) => (
          <div class="restore-notice no-print" role="status">
            <span>{text()}</span>{' '}
            <button type="button" class="secondary" onClick={() => versions.clearRestoredBy()}>
              {t('versions_dismiss')}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.canWrite}>
        <SaveVersionForm documentId={props.documentId} onSaved={() => void versions.load()} />
      </Show>
      <RetryError error={versions.loadError()} onRetry={() => void versions.load()} />
      <Show when={versions.list()}>
        {(list) => (
          <>
            <ul class="members versions">
              <For each={list()} fallback={<li>{t('versions_none')}</li>}>
                {(v) => <VersionItem documentId={props.documentId} version={v} when={whenOf().get(v.id) ?? ''} canWrite={props.canWrite} onRestore={(x) => void restore(x)} />}
              </For>
            </ul>
            <Show when={list().length > 0}>
              <CompareVersions documentId={props.documentId} versions={list()} currency={props.currency} revision={props.doc ? revision : undefined} quick={props.quickCompare} />
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
