import { createResource, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { lifecycleApi } from '../../lifecycle-api.js';
import { auditActionText, auditTargetText } from './audit-text.js';
import { dateTime } from '../present/ChangeList.jsx';

/**
 * The workspace audit log for coordinators (DESIGN "Audit and exports"): who did what and
 * when, newest first — memberships, invitations, share links, versions, exports and the
 * document lifecycle. Re-read whenever `revision` changes (the page re-read the workspace).
 */
export function AuditPanel(props: { workspaceId: string; revision: unknown }) {
  const [entries] = createResource(
    () => [props.workspaceId, props.revision] as const,
    ([id]) => lifecycleApi.audit(id).then((r) => r.entries),
  );
  return (
    <details class="audit" data-section="audit">
      <summary>
        <h2>{t('audit_heading')}</h2>
      </summary>
      <Show when={(entries() ?? []).length > 0} fallback={<p class="muted">{t('audit_empty')}</p>}>
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
            <For each={entries()}>
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
      </Show>
    </details>
  );
}
