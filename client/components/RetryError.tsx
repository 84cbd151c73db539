import { Show } from 'solid-js';
import { t } from '../i18n/index.js';
import { messageOf } from './ErrorText.jsx';

/**
 * What a panel could not load, said, with a way on (issue 17 user-test leftover): "Försök
 * igen" (nb "Prøv igjen", en "Try again") runs the load again. One component for every panel
 * that loads from the API — versions, changes since the last visit, the history log and
 * popover, share links — so none of them ends in an error alone. Renders nothing while
 * `error` is null or undefined; `error` may be a message or what a load threw (an
 * `ApiError`'s message is the server's Swedish-first text).
 */
export function RetryError(props: { error: unknown; onRetry: () => void }) {
  const message = () => (typeof props.error === 'string' ? props.error : messageOf(props.error, t('errorGeneric')));
  return (
    <Show when={props.error !== null && props.error !== undefined}>
      <div class="retry-error" role="alert">
        <p class="error">{message()}</p>
        <button type="button" class="secondary" onClick={() => props.onRetry()}>
          {t('retry')}
        </button>
      </div>
    </Show>
  );
}
