import { createSignal, For, Show } from 'solid-js';
import { ROLES, isRole, type Role } from '../../shared/roles.js';
import { api, type Workspace } from '../api.js';
import { t } from '../i18n/index.js';
import { ErrorText, messageOf } from './ErrorText.jsx';
import { InvitePanel } from './InvitePanel.jsx';

/**
 * Members and invitations; coordinators invite (by link: `InvitePanel`), change roles (and read
 * "Rollen är ändrad …" when the server took it, issue 15/16 item 4) and remove.
 */
export function MembersPanel(props: { workspace: Workspace; selfId: string; onChange: () => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const canManage = () => props.workspace.role === 'coordinator';
  const run = async (action: () => Promise<unknown>, confirmation: string | null = null) => {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(confirmation);
      props.onChange();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  const changeRole = (userId: string, name: string, role: Role) =>
    run(() => api.setRole(props.workspace.id, userId, role), t('roleChanged', { name, role: t(`role_${role}`) }));
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members')}</h2>
      <ul class="members">
        <For each={props.workspace.members}>
          {(member) => (
            <li>
              <span>
                {member.name} <span class="muted">{member.email}</span>
              </span>
              <Show when={canManage() && member.id !== props.selfId} fallback={<span class="role">{t(`role_${member.role}`)}</span>}>
                <label>
                  <span class="visually-hidden">{t('changeRole', { name: member.name })}</span>
                  <select value={member.role} onChange={(e) => {
                      const role = e.currentTarget.value;
                      if (isRole(role)) void changeRole(member.id, member.name, role);
                    }}>
                    <For each={ROLES}>{(role) => <option value={role}>{t(`role_${role}`)}</option>}</For>
                  </select>
                </label>
                <button type="button" class="secondary" onClick={() => void run(() => api.removeMember(props.workspace.id, member.id))}>
                  {t('remove')} <span class="visually-hidden">{member.name}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={canManage()}>
        <InvitePanel workspace={props.workspace} onChange={props.onChange} />
      </Show>
      <p role="status" data-notice="role-changed">
        {done() ?? ''}
      </p>
      <ErrorText message={error()} />
    </section>
  );
}
