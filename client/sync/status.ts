/**
 * The connection status shown in the header: online, offline, syncing, retrying after the
 * server closed with a code it expects the client to come back from (1008, 1013), or an
 * error with the close code after which the client stopped reconnecting.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';

export type ConnectionStatus =
  | { state: 'online' }
  | { state: 'offline' }
  | { state: 'syncing' }
  | { state: 'retrying'; code: number }
  | { state: 'error'; code: number };

/** Codes whose reconnect keeps their explanation on screen until the document is synced again. */
const EXPLAINED_RETRIES: ReadonlySet<number> = new Set([1008, 1013]);

export function createConnectionStatus(provider: WebsocketProvider): Accessor<ConnectionStatus> {
  const [status, setStatus] = createSignal<ConnectionStatus>({ state: 'syncing' });
  const keepExplained = (next: ConnectionStatus) => (current: ConnectionStatus) => (current.state === 'error' || current.state === 'retrying' ? current : next);
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'connected') setStatus(keepExplained(provider.synced ? { state: 'online' } : { state: 'syncing' }));
    else if (s === 'disconnected') setStatus(keepExplained({ state: 'offline' }));
    else setStatus(keepExplained({ state: 'syncing' }));
  });
  provider.on('sync', (synced: boolean) => setStatus((current) => (current.state === 'error' ? current : synced ? { state: 'online' } : keepExplained({ state: 'syncing' })(current))));
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event && EXPLAINED_RETRIES.has(event.code)) setStatus({ state: 'retrying', code: event.code });
    // A socket that never opened (a document opened offline, from its local copy) gets no
    // 'disconnected' status from y-websocket: without this it would say "syncing" forever.
    else if (!provider.wsconnected) setStatus(keepExplained({ state: 'offline' }));
  });
  // Emitted after 'connection-close' when the provider stopped reconnecting (close-codes.ts).
  provider.on('closed', ({ code }: { code: number }) => setStatus({ state: 'error', code }));
  return status;
}

/**
 * `afterSync(then)` runs `then` once `provider` has synced with the server — at once when it
 * has — and returns a cancel. What only the server's state can decide waits for it (a kept
 * same-field conflict, field-binding.ts): the local copy a page opens with may be older.
 */
export function afterServerSync(provider: Pick<WebsocketProvider, 'synced' | 'on' | 'off'>): (then: () => void) => () => void {
  return (then) => {
    if (provider.synced) {
      then();
      return () => undefined;
    }
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      then();
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  };
}
