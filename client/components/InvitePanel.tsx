import { createSignal, For, Show } from 'solid-js';
import { ROLES, isRole, type Role } from '../../shared/roles.js';
import { api, type Invitation, type PendingInvitation, type Workspace } from '../api.js';
import { longDate, t } from '../i18n/index.js';
import { ErrorText, messageOf } from './ErrorText.jsx';

/** Least to most: a new form starts at the least role, so nobody is made coordinator by default. */
const ROLES_LEAST_FIRST = [...ROLES].reverse();

/**
 * Coordinators invite by link (DESIGN "Invitations are links"): the form keeps the role
 * last chosen for the next invitation, the new link is shown to copy (and mailed when the
 * server has SMTP), and pending links can be revoked.
 */
export function InvitePanel(props: { workspace: Workspace; onChange: () => void }) {
  const [role, setRole] = createSignal<Role>('viewer');
  const [address, setAddress] = createSignal('');
  const [created, setCreated] = createSignal<{ invitation: Invitation; mailed: boolean } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
      props.onChange();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  const revoke = (id: string) =>
    void run(async () => {
      await api.revokeInvitation(props.workspace.id, id);
      // A revoked link is dead: stop offering it to copy.
      if (created()?.invitation.id === id) setCreated(null);
    });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void run(async () => {
      setCreated(await api.invite(props.workspace.id, address(), role()));
      setAddress('');
    });
  };
  return (
    <>
      <PendingInvitations invitations={props.workspace.invitations} busy={busy()} onRevoke={revoke} />
      <form class="inline" onSubmit={submit}>
        <label>
          {t('email')}
          <input name="email" type="email" required value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>
        <label>
          {t('role')}
          <select name="role" value={role()} onChange={(e) => isRole(e.currentTarget.value) && setRole(e.currentTarget.value)}>
            <For each={ROLES_LEAST_FIRST}>{(r) => <option value={r}>{t(`role_${r}`)}</option>}</For>
          </select>
        </label>
        <button type="submit" disabled={busy()}>
          {t('invite')}
        </button>
      </form>
      <ErrorText message={error()} />
      {/* Keyed: each new invitation gets a fresh link box (its "copied" note included). */}
      <Show when={created()} keyed>
        {(made) => <InviteLink invitation={made.invitation} mailed={made.mailed} />}
      </Show>
    </>
  );
}

/** Links not yet used, with "Återkalla": revoking kills the link at once. */
function PendingInvitations(props: { invitations: PendingInvitation[]; busy: boolean; onRevoke: (id: string) => void }) {
  return (
    <Show when={props.invitations.length > 0}>
      <h3>{t('invitations')}</h3>
      <ul class="invitations">
        <For each={props.invitations}>
          {(invitation) => (
            <li>
              {invitation.email} <span class="role">{t(`role_${invitation.role}`)}</span>{' '}
              <span class="muted">{t('validUntil', { date: longDate(invitation.expiresAt.slice(0, 10)) })}</span>
              <button type="button" class="secondary" disabled={props.busy} onClick={() => props.onRevoke(invitation.id)}>
                {t('revoke')} <span class="visually-hidden">{invitation.email}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The new link with "Kopiera länk"; the clipboard API needs https, so plain http selects and copies. */
function InviteLink(props: { invitation: Invitation; mailed: boolean }) {
  const [copied, setCopied] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.invitation.url);
    } catch {
      input?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <div class="invite-link" data-testid="invite-link">
      <p>{t(props.mailed ? 'inviteMailed' : 'inviteNotMailed', { email: props.invitation.email })}</p>
      <label>
        <span class="visually-hidden">{t('inviteLinkLabel')}</span>
        <input ref={input} readOnly value={props.invitation.url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => void copy()}>
        {t('copyLink')}
      </button>
      <Show when={copied()}>
        <p role="status">{t('linkCopied')}</p>
      </Show>
    </div>
  );
}
