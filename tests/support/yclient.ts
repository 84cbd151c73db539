/** Real y-websocket providers in Node, through the server (no BroadcastChannel shortcut). */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Connects with a session cookie (as a browser would) or a ticket; `doc` to reconnect a client's own copy elsewhere. */
export function connectPeer(baseUrl: string, documentId: string, auth: { cookie?: string; ticket?: string }, doc = new Y.Doc()): Peer {
  const cookie = auth.cookie;
  // `ws` lets Node send the cookie and Origin headers the browser would send (a cookie
  // upgrade needs the app's own Origin: DESIGN "Accounts, sessions, the browser boundary").
  const origin = new URL(baseUrl).origin;
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie, origin } } : {});
    }
  }
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/ws', documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: auth.ticket ? { ticket: auth.ticket } : {},
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function synced(peer: Peer, timeoutMs = 10_000): Promise<void> {
  if (peer.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    peer.provider.once('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Resolves when `check()` holds, polling; rejects after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Headers a browser page of the app itself sends on a websocket upgrade: the cookie and
 * the app's own Origin (for a `ws://` or `http://` URL of the server).
 */
export function browserHeaders(url: string, cookie: string): { cookie: string; origin: string } {
  return { cookie, origin: new URL(url.replace(/^ws/, 'http')).origin };
}

/**
 * Opens a raw socket and resolves with the close code the server sends. With a cookie and
 * no Origin given, the app's own Origin is sent, as a browser would.
 */
export function closeCodeOf(url: string, headers: Record<string, string> = {}, send?: (ws: WebSocket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const withOrigin = headers.cookie && !('origin' in headers) ? { ...headers, origin: browserHeaders(url, headers.cookie).origin } : headers;
    const ws = new WebSocket(url, { headers: withOrigin });
    ws.on('open', () => send?.(ws));
    ws.on('close', (code) => resolve(code));
    ws.on('error', (error) => reject(error));
  });
}
