/**
 * The reconnect policy on a real y-websocket provider over a fake socket, with fake timers:
 * after 4401/4403/4404 no socket is opened again however long one waits; after 1013 one is;
 * after repeated 1008 refusals the provider stops. Also the status people read meanwhile.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import { connectDocument, type DocumentConnection } from './provider.js';

/** A WebSocket the test drives: the server side opens it and closes it with a code. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  binaryType = 'blob';
  readyState = 0;
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  closeFromServer(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function latest(): FakeSocket {
  const socket = FakeSocket.opened.at(-1);
  if (!socket) throw new Error('no socket opened');
  return socket;
}

let connection: DocumentConnection | undefined;
let dispose: (() => void) | undefined;
function connect(): DocumentConnection {
  return createRoot((d) => {
    dispose = d;
    connection = connectDocument('ws://test/ws', 'doc-1', new Y.Doc(), { WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket, now: () => Date.now() });
    return connection;
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
});
afterEach(() => {
  connection?.provider.destroy();
  dispose?.();
  vi.useRealTimers();
});

describe('after the server closes the socket', () => {
  it.each([4401, 4403, 4404])('%i: never opens another socket, and says why', (code) => {
    const { status, stopped } = connect();
    latest().accept();
    latest().closeFromServer(code);
    vi.advanceTimersByTime(10 * 60_000);
    expect(FakeSocket.opened).toHaveLength(1);
    expect(stopped()).toBe(true);
    expect(status()).toEqual({ state: 'error', code });
  });

  it('1013: reconnects with backoff and says the connection was overloaded meanwhile', () => {
    const { status } = connect();
    latest().accept();
    latest().closeFromServer(1013);
    expect(status()).toEqual({ state: 'retrying', code: 1013 });
    vi.advanceTimersByTime(5_000);
    expect(FakeSocket.opened).toHaveLength(2);
    expect(status()).toEqual({ state: 'retrying', code: 1013 });
  });

  it('1008 over and over: stops after the third refusal in a row', () => {
    const { status, stopped } = connect();
    for (let i = 0; i < 3; i++) {
      latest().accept();
      latest().closeFromServer(1008);
      vi.advanceTimersByTime(5_000);
    }
    vi.advanceTimersByTime(10 * 60_000);
    expect(FakeSocket.opened).toHaveLength(3);
    expect(stopped()).toBe(true);
    expect(status()).toEqual({ state: 'error', code: 1008 });
  });

  it('resume() connects again after a stop', () => {
    const { resume } = connect();
    latest().accept();
    latest().closeFromServer(4403);
    resume();
    vi.advanceTimersByTime(5_000);
    expect(FakeSocket.opened).toHaveLength(2);
  });
});
