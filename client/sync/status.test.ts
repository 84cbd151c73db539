/**
 * The connection status people read (issue 17 item 12): a document opened without a network
 * says "offline", not "syncing" forever; explained retries and errors keep their reason.
 */
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { ObservableV2 } from 'lib0/observable';
import type { WebsocketProvider } from 'y-websocket';
import { createConnectionStatus } from './status.js';

interface Close {
  code: number;
  reason: string;
}

/** The events y-websocket emits, driven by the test. */
class FakeProvider extends ObservableV2<{
  status: (event: { status: string }) => void;
  sync: (synced: boolean) => void;
  'connection-close': (event: Close | null) => void;
  closed: (event: Close) => void;
}> {
  wsconnected = false;
  synced = false;
}

function start() {
  const provider = new FakeProvider();
  const status = createRoot(() => createConnectionStatus(provider as unknown as WebsocketProvider));
  return { provider, status };
}

const closed = (code: number): Close => ({ code, reason: '' });

describe('createConnectionStatus', () => {
  it.each([1006, 1000, 1011])('a socket that never opened and closed with %i: offline', (code) => {
    const { provider, status } = start();
    expect(status()).toEqual({ state: 'syncing' });
    provider.emit('status', [{ status: 'connecting' }]);
    provider.emit('connection-close', [closed(code)]);
    expect(status()).toEqual({ state: 'offline' });
  });

  it('a socket that never opened, with no close event at all (error only): offline', () => {
    const { provider, status } = start();
    provider.emit('connection-close', [null]);
    expect(status()).toEqual({ state: 'offline' });
  });

  it.each([1008, 1013])('%i keeps its explanation while retrying', (code) => {
    const { provider, status } = start();
    provider.emit('connection-close', [closed(code)]);
    expect(status()).toEqual({ state: 'retrying', code });
  });

  it('online, then the connection drops: offline; back and synced: online', () => {
    const { provider, status } = start();
    provider.wsconnected = true;
    provider.emit('status', [{ status: 'connected' }]);
    provider.emit('sync', [true]);
    expect(status()).toEqual({ state: 'online' });
    // y-websocket emits the close while still connected, then 'disconnected'.
    provider.emit('connection-close', [closed(1006)]);
    expect(status()).toEqual({ state: 'online' });
    provider.wsconnected = false;
    provider.emit('status', [{ status: 'disconnected' }]);
    expect(status()).toEqual({ state: 'offline' });
    provider.emit('sync', [true]);
    expect(status()).toEqual({ state: 'online' });
  });

  it('an error (the provider stopped) is not replaced by offline', () => {
    const { provider, status } = start();
    provider.emit('closed', [closed(4401)]);
    provider.emit('connection-close', [closed(4401)]);
    expect(status()).toEqual({ state: 'error', code: 4401 });
  });
});
