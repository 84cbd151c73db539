import { createSignal } from 'solid-js';
import { PERSONAL_DATA_EXPORT_URL } from '../api.js';
import { DeleteAccount } from '../components/account/DeleteAccount.jsx';
import { NameForm } from '../components/account/NameForm.jsx';
import { PasswordForm } from '../components/account/PasswordForm.jsx';
import { SessionList } from '../components/account/SessionList.jsx';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { RequireUser } from '../components/RequireUser.jsx';
import { t } from '../i18n/index.js';

/**
 * `/konto`: the person's own account (issue 16 "GDPR and account pages"; DESIGN "Accounts,
 * sessions"): name, password change, sessions with "Logga ut överallt", the export of their
 * data and deleting the account. Each part is a form or button with its own label.
 */
export function AccountPage() {
  // A password change ends the other sessions: the list is read again after it.
  const [sessionsVersion, setSessionsVersion] = createSignal(0);
  usePageTitle(() => t('account'));
  return (
    <RequireUser>
      {(user) => (
        <section class="account">
          <PageHeading>{t('account')}</PageHeading>
          <p>{user.email}</p>
          <h2 id="account-name-heading">{t('accountName')}</h2>
          <NameForm user={user} />
          <h2 id="password-heading">{t('changePassword')}</h2>
          <PasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
          <h2 id="sessions-heading">{t('sessions')}</h2>
          <SessionList version={sessionsVersion()} />
          <h2 id="export-heading">{t('exportHeading')}</h2>
          <p id="export-help">{t('exportHelp')}</p>
          {/* rel="external": the router must not catch the click; the server names the file. */}
          <a href={PERSONAL_DATA_EXPORT_URL} download="" rel="external" aria-describedby="export-help" data-download="personal-data">
            {t('exportData')}
          </a>
          <h2 id="delete-heading">{t('deleteHeading')}</h2>
          <DeleteAccount />
        </section>
      )}
    </RequireUser>
  );
}
