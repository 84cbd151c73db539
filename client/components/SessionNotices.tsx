import { Match, Show, Switch } from 'solid-js';
import type { DocumentInfo, ReadOnlyReason } from '../api.js';
import { t } from '../i18n/index.js';
import { MESSAGES, type MessageKey } from '../i18n/messages.js';
import { CloseCode, type Ending } from '../sync/close-codes.js';
import type { DocumentSession } from '../sync/document-session.js';
import type { LiveDocument } from '../sync/open-document.js';

const signInHref = (documentId: string) => `/login?next=${encodeURIComponent(`/d/${documentId}`)}`;

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES.sv, key);
}

/** A read-only reason in the reader's language when the code is known, else the server's own words. */
function readOnlyText(reason: ReadOnlyReason): string {
  const key = `readOnly_${reason.code}`;
  return isMessageKey(key) ? t(key) : reason.message;
}

/**
 * What the open document says about the session above the editor: signed out (with a way
 * to sign in again), a lowered role, a role that may write again (closable), a change the server refused (with a way to take the
 * server's version), why the document is read-only, or that the reader is a viewer.
 */
export function SessionNotices(props: { info: DocumentInfo; live: LiveDocument; session: DocumentSession; editable: boolean }) {
  const refusedForGood = () => {
    const status = props.live.status();
    return status.state === 'error' && status.code === CloseCode.PolicyViolation;
  };
  return (
    <>
      <Show when={props.session.notice() === 'signed-out'}>
        {/* Kept in view (sticky under the header) and focused: the document behind it just became inert, so focus had nowhere to be. */}
        <div class="notice" role="alert" data-notice="signed-out">
          {t('signedOutNotice')}{' '}
          <a href={signInHref(props.info.id)} ref={(link) => queueMicrotask(() => link.focus({ preventScroll: true }))}>
            {t('signInAgain')}
          </a>
        </div>
      </Show>
      <Show when={props.session.notice() === 'role-restored'}>
        <p class="notice" role="status" data-notice="role-restored">
          {t('roleRestored')}{' '}
          <button type="button" class="secondary" onClick={() => props.session.dismiss()}>
            {t('close')}
          </button>
        </p>
      </Show>
      <Show when={props.session.notice() === 'role-lowered'}>
        <p class="notice" role="status" data-notice="role-lowered">
          {t('roleLowered')}
        </p>
      </Show>
      <Show when={refusedForGood()}>
        {/* Why, what is at stake and the way on; the page stays as it is (issue 17: the work stays visible). */}
        <div class="notice" role="alert" data-notice="refused">
          <p>{t('refusedNotice')}</p>
          <p>{t('refusedWayOn')}</p>
          <button type="button" class="secondary" onClick={() => void props.session.useServerVersion(props.live)}>
            {t('useServerVersion')}
          </button>
        </div>
      </Show>
      <Show when={props.info.readOnly} keyed>
        {(reason) => (
          <p class="notice" role="status" data-notice="read-only">
            <strong>{t('readOnlyDocument')}.</strong> {readOnlyText(reason)}
          </p>
        )}
      </Show>
      <Show when={!props.editable && !props.info.readOnly && props.session.notice() !== 'role-lowered'}>
        <p class="notice" role="note">
          {t('readOnly')}
        </p>
      </Show>
    </>
  );
}

const ENDING_TEXT: Record<Ending, MessageKey> = {
  'signed-out': 'signedOutNotice',
  'no-access': 'noLongerMember',
  'not-found': 'documentGone',
  forbidden: 'accessRefused',
};

/** The page once the server ended the document's session for good: why, and a way on. */
export function SessionEnded(props: { ending: Ending; documentId: string }) {
  return (
    <div class="notice" role="alert" data-ending={props.ending}>
      <p>{t(ENDING_TEXT[props.ending])}</p>
      <Switch>
        <Match when={props.ending === 'signed-out'}>
          <a href={signInHref(props.documentId)}>{t('signInAgain')}</a>
        </Match>
        <Match when={props.ending !== 'signed-out'}>
          <a href="/">{t('toWorkspaces')}</a>
        </Match>
      </Switch>
    </div>
  );
}
