import { createResource, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { lifecycleApi } from '../../lifecycle-api.js';
import { auditActionText, auditTargetText } from './audit-text.js';
import { dateTime } from '../present/ChangeList.jsx';
import { RetryError } from '../RetryError.jsx';

/**
 * The workspace audit log for coordinators (DESIGN "Audit and exports"): who did what and
 * when, newest first — memberships, invitations, share links, versions, exports and the
 * document lifecycle. Re-read whenever `revision` changes (the page re-read the workspace).
 */
export function AuditPanel(props: { workspaceId: string; revision: unknown }) {
  const [entries, { refetch }] = createResource(
    () => [props.workspaceId, props.revision] as const,
    ([id]) => lifecycleApi.audit(id).then((r) => r.entries),
  );
  // A failed load throws when read (the whole workspace page went with it, issue 17 item 3):
  // it says why here, with "Försök igen"; not "no entries" when the log could not be read.
  const list = () => (entries.error ? undefined : entries());
  return (
    <details class="audit" data-section="audit">
      <summary>
        <h2>{t('audit_heading')}</h2>
      </summary>
      <RetryError error={entries.error} onRetry={() => void refetch()} />
      <Show when={(list() ?? []).length > 0} fallback={<Show when={list()}><p class="muted">{t('audit_empty')}</p></Show>}>
        {/* On a phone the log scrolls sideways in its own region, not the page (user test U13). */}
        <div class="table-scroll" role="region" aria-label={t('audit_heading')} tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit_when')}</th>
                <th scope="col">{t('audit_who')}</th>
                <th scope="col">{t('audit_what')}</th>
                <th scope="col">{t('audit_target')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={list()}>
                {(entry) => (
                  <tr data-action={entry.action}>
                    <td>{dateTime(entry.at)}</td>
                    <td>{entry.actor?.name ?? t('audit_server')}</td>
                    <td>{auditActionText(entry)}</td>
                    <td>{auditTargetText(entry)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </details>
  );
}
