import { For, Show, type Accessor } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { ConnectionStatus } from '../sync/status.js';
import { statusMessage } from '../sync/close-codes.js';
import type { Peer } from '../sync/presence.js';
import { t } from '../i18n/index.js';

/** Connection status, who is here, and undo/redo — shown in the app header while a document is open. */
export function DocumentHeader(props: { status: Accessor<ConnectionStatus>; peers: Accessor<Peer[]>; onUndo?: () => void; onRedo?: () => void }) {
  const statusText = () => {
    const { key, params } = statusMessage(props.status());
    return t(key, params);
  };
  const mount = document.getElementById('header-slot') ?? undefined;
  return (
    <Portal mount={mount}>
      <div class="doc-header">
        <span class={`status ${props.status().state}`} role="status" aria-label={`${t('connection')}: ${statusText()}`} data-status={props.status().state}>
          <span aria-hidden="true" class="dot" />
          {statusText()}
        </span>
        <ul class="presence" aria-label={t('presence')}>
          <For each={props.peers()}>
            {(peer) => (
              <li class="avatar" style={{ 'background-color': peer.color }} title={peer.name}>
                <span aria-hidden="true">{initials(peer.name)}</span>
                <span class="visually-hidden">
                  {peer.name}
                  {peer.self ? ` (${t('you')})` : ''}
                </span>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.onUndo}>
          <button type="button" class="secondary" onClick={() => props.onUndo?.()}>
            {t('undo')}
          </button>
          <button type="button" class="secondary" onClick={() => props.onRedo?.()}>
            {t('redo')}
          </button>
        </Show>
      </div>
    </Portal>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
}
