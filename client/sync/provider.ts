/**
 * The y-websocket connection of one document, with the close-code policy of close-codes.ts:
 * no reconnecting after 4401/4403/4404 (the server decided; retrying would only hammer it),
 * reconnecting with backoff after 1013, and after 1008 only until refusals repeat.
 */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Accessor } from 'solid-js';
import { createReconnectPolicy } from './close-codes.js';
import { createConnectionStatus, type ConnectionStatus } from './status.js';

export interface DocumentConnection {
  provider: WebsocketProvider;
  status: Accessor<ConnectionStatus>;
  /** True once the provider stopped reconnecting by itself: only `resume()` connects again. */
  stopped(): boolean;
  /** Connects again after a stop (a person's explicit "try again", or the network coming back when not stopped). */
  resume(): void;
}

/**
 * Opens `documentId`'s websocket (`{url}/{documentId}`). `WebSocketPolyfill` and `now`
 * (ms) are for tests; the browser's WebSocket and clock are the defaults.
 */
export function connectDocument(
  url: string,
  documentId: string,
  doc: Y.Doc,
  options: { WebSocketPolyfill?: typeof WebSocket; now?: () => number } = {},
): DocumentConnection {
  const policy = createReconnectPolicy();
  const now = options.now ?? Date.now;
  let stopped = false;
  const provider = new WebsocketProvider(url, documentId, doc, {
    disableBc: true,
    WebSocketPolyfill: options.WebSocketPolyfill,
    shouldReconnect: (event) => policy(event.code, now()),
  });
  provider.on('closed', () => {
    stopped = true;
  });
  return {
    provider,
    status: createConnectionStatus(provider),
    stopped: () => stopped,
    resume: () => {
      stopped = false;
      provider.connect();
    },
  };
}
