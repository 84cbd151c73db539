import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { INTL_LOCALE } from '../../shared/locale.js';
import { roleAtLeast } from '../../shared/roles.js';
import { locale, t } from '../i18n/index.js';
import { useRetryWhenOnline } from '../lib/retry-when-online.js';
import type { SeenWorkspace } from '../sync/seen-workspaces.js';
import { PageHeading } from './Page.jsx';

function seenTime(iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale()], { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}

/**
 * A workspace the server could not be reached for (issue 17 item 12): its documents as last
 * seen in this browser (`seen`), marked with when; those whose copy is kept here (`kept`, ids;
 * undefined while being looked up) are links, the others say they are not available offline.
 * What needs the server is disabled, with the reason. `onRetry` loads the workspace again: on
 * the browser's `online` event and every OFFLINE_RETRY_MS, so the list refreshes by itself.
 */
export function OfflineWorkspace(props: { seen: SeenWorkspace; kept: ReadonlySet<string> | undefined; onRetry: () => void }) {
  useRetryWhenOnline(() => props.onRetry());
  const href = (id: string) => (roleAtLeast(props.seen.role, 'editor') ? `/d/${id}` : `/d/${id}/present`);
  return (
    <div class="workspace" data-offline-workspace={props.seen.id}>
      <PageHeading>{props.seen.name}</PageHeading>
      <p role="status" class="offline-note">
        {t('offline_seenAt', { time: seenTime(props.seen.seenAt) })}
      </p>
      <p>
        {t('yourRole')}: <span class="role">{t(`role_${props.seen.role}`)}</span>
      </p>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('documents')}</h2>
        <Show when={props.seen.documents.length > 0} fallback={<p>{t('noDocuments')}</p>}>
          <ul class="cards">
            <For each={props.seen.documents}>
              {(doc) => (
                <li data-document={doc.id} data-kept={props.kept === undefined ? undefined : String(props.kept.has(doc.id))}>
                  <Show when={props.kept?.has(doc.id)} fallback={<span class="unavailable">{doc.title}</span>}>
                    <A href={href(doc.id)}>{doc.title}</A>
                  </Show>{' '}
                  <span class="muted">{t(`kind_${doc.kind}`)}</span>
                  <Show when={props.kept && !props.kept.has(doc.id)}>
                    {' '}
                    <span class="muted">({t('offline_notKept')})</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <p id="offline-actions-reason">{t('offline_actionsNeedServer')}</p>
      <p class="actions">
        <Show when={roleAtLeast(props.seen.role, 'editor')}>
          <button type="button" disabled aria-describedby="offline-actions-reason">
            {t('newDocument')}
          </button>{' '}
          <button type="button" disabled aria-describedby="offline-actions-reason">
            {t('importPlan')}
          </button>{' '}
        </Show>
        <button type="button" onClick={() => props.onRetry()}>
          {t('retry')}
        </button>{' '}
        <A href="/">{t('toWorkspaces')}</A>
      </p>
    </div>
  );
}
