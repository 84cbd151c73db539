import { createEffect, createSignal, For, on, Show, type Accessor } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { ConnectionStatus } from '../sync/status.js';
import { statusMessage } from '../sync/close-codes.js';
import type { Peer } from '../sync/presence.js';
import { t } from '../i18n/index.js';
import { presenceNews } from '../lib/presence-news.js';

/** Connection status, who is here, and undo/redo — shown in the app header while a document is open. */
export function DocumentHeader(props: { status: Accessor<ConnectionStatus>; peers: Accessor<Peer[]>; onUndo?: () => void; onRedo?: () => void }) {
  const statusText = () => {
    const { key, params } = statusMessage(props.status());
    return t(key, params);
  };
  const mount = document.getElementById('header-slot') ?? undefined;
  const news = createPresenceNews(props.peers);
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
        <span class="visually-hidden" role="status" data-presence-news>
          {news()}
        </span>
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

/** "Erik Redaktör har öppnat dokumentet": others arriving and leaving, for a polite live region. */
function createPresenceNews(peers: Accessor<Peer[]>): Accessor<string> {
  const [text, setText] = createSignal('');
  const others = () => [...new Set(peers().filter((p) => !p.self).map((p) => p.name))].sort();
  createEffect(
    on(
      others,
      (now, before) => {
        const { joined, left } = presenceNews(before ?? [], now);
        const lines = [...joined.map((name) => t('peerJoined', { name })), ...left.map((name) => t('peerLeft', { name }))];
        if (lines.length > 0) setText(lines.join('. '));
      },
      { defer: true },
    ),
  );
  return text;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
}
