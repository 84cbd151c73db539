import { Show } from 'solid-js';
import { t } from '../i18n/index.js';
import type { MessageKey } from '../i18n/messages.js';
import { sessionEnd, type SessionEnd } from '../session.js';

/** What the sign-in page says after a session ended; the person's own "Logga ut" needs no words. */
const TEXT: Record<SessionEnd, MessageKey | null> = {
  'logged-out': null,
  everywhere: 'signedOutEverywhere',
  deleted: 'accountDeleted',
  expired: 'load_signedOut',
};

/** Why the person is on the sign-in page, when their last session ended (issue 15/16 item 5). */
export function SessionEndNotice() {
  const key = () => {
    const why = sessionEnd();
    return why ? TEXT[why] : null;
  };
  return (
    <Show when={key()} keyed>
      {(text) => (
        <p class="notice" role="status" data-session-end={sessionEnd() ?? ''}>
          {t(text)}
        </p>
      )}
    </Show>
  );
}
