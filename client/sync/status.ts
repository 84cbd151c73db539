/** The connection status shown in the header: online, offline, syncing, or an error with its close code. */
import { createSignal, type Accessor } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';

export type ConnectionStatus = { state: 'online' } | { state: 'offline' } | { state: 'syncing' } | { state: 'error'; code: number };

export function createConnectionStatus(provider: WebsocketProvider): Accessor<ConnectionStatus> {
  const [status, setStatus] = createSignal<ConnectionStatus>({ state: 'syncing' });
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'connected') setStatus(provider.synced ? { state: 'online' } : { state: 'syncing' });
    else if (s === 'disconnected') setStatus((current) => (current.state === 'error' ? current : { state: 'offline' }));
    else setStatus((current) => (current.state === 'error' ? current : { state: 'syncing' }));
  });
  provider.on('sync', (synced: boolean) => setStatus(synced ? { state: 'online' } : { state: 'syncing' }));
  // 44xx close codes are final (not signed in, not allowed, no such document): no more retries.
  provider.on('closed', ({ code }: { code: number }) => setStatus({ state: 'error', code }));
  return status;
}
