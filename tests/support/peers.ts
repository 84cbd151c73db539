/** Real y-websocket peers a test file opens, each destroyed after the test that opened it. */
import { afterEach } from 'vitest';
import type { ApiClient } from './api.js';
import { connectPeer, synced, type Peer } from './yclient.js';

/** Opens a peer signed in as `api` on `documentId` and waits until it has synced; destroyed after the test. */
export type OpenPeer = (api: ApiClient, documentId: string) => Promise<Peer>;

/**
 * Registers the file's `afterEach` that destroys every peer the test opened, and returns the
 * function that opens them. `serverUrl` is read when a peer opens (the server starts in `beforeAll`).
 *
 * @example const peer = usePeers(() => server.url); … const anna = await peer(annaApi, documentId);
 */
export function usePeers(serverUrl: () => string): OpenPeer {
  const peers: Peer[] = [];
  afterEach(() => {
    for (const peer of peers.splice(0)) peer.destroy();
  });
  return async (api, documentId) => {
    const p = connectPeer(serverUrl(), documentId, { cookie: api.sessionCookie });
    peers.push(p);
    await synced(p);
    return p;
  };
}
