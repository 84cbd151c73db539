/**
 * The set-up the sync-attack tests share: a fresh server, a workspace with its coordinator
 * (Anna) and one editor (Erik), and real y-websocket peers that are destroyed after each test.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config.js';
import { teamWorkspace, type ApiClient } from './api.js';
import { usePeers, type OpenPeer } from './peers.js';
import { startTestServer, type TestServer } from './server.js';

export interface TeamRoom {
  readonly server: TestServer;
  /** The workspace's coordinator. */
  readonly anna: ApiClient;
  /** An editor in the workspace. */
  readonly erik: ApiClient;
  /** The workspace's id. */
  readonly ws: string;
  /** A peer signed in as `api`, synced with `documentId`; destroyed after the test. */
  peer: OpenPeer;
  /** A new empty action plan in the workspace, made by Anna; its id. */
  newPlan(): Promise<string>;
}

/**
 * Registers the file's `beforeAll` (server started with `overrides`, workspace `name` made),
 * `afterEach` (peers destroyed) and `afterAll` (server stopped), and returns the room.
 * Its fields are read inside tests (they throw before `beforeAll` has run).
 *
 * @example const room = useTeamRoom('Lånade klient-id'); … const victim = await room.peer(room.anna, await room.newPlan());
 */
export function useTeamRoom(name: string, overrides: Partial<Config> = {}): TeamRoom {
  let state: { server: TestServer; anna: ApiClient; erik: ApiClient; ws: string } | undefined;
  const started = () => {
    if (!state) throw new Error('useTeamRoom: read before beforeAll ran');
    return state;
  };
  beforeAll(async () => {
    const server = await startTestServer(overrides);
    const { coordinator, ws, members: [erik] } = await teamWorkspace(server.url, name, [['Erik Redaktör', 'editor']]);
    state = { server, anna: coordinator, erik, ws };
  });
  afterAll(() => state?.server.stop());
  return {
    get server() {
      return started().server;
    },
    get anna() {
      return started().anna;
    },
    get erik() {
      return started().erik;
    },
    get ws() {
      return started().ws;
    },
    peer: usePeers(() => started().server.url),
    async newPlan() {
      const { anna, ws } = started();
      return (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
    },
  };
}
