/**
 * A document's client ids are bounded (red team x14, critical): an update of one-unit GC
 * structs under many new client ids (~7 bytes each) grew a document's state vector past
 * MAX_STATE_VECTOR_ENTRIES, so every reconnecting client's sync step 1 was refused 1008
 * for good; 120 000 ids in one update stalled other rooms 3 s. Now new client ids are
 * counted in the scan: past the limit of one update, one person in a room, or the
 * document, the update is refused 1008, nothing stored; the document keeps opening.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { teamWorkspace, type ApiClient } from '../support/api.js';
import { gcUnderClients, openRaw } from '../support/raw-socket.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount } from '../support/sql.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let erik: ApiClient;
let ws: string;
const peers: Peer[] = [];
const limits = { ...DEFAULT_SYNC_LIMITS, maxClientIdsPerPerson: 300, maxClientIdsPerDocument: 500 };

beforeAll(async () => {
  server = await startTestServer({ sync: limits });
  ({ coordinator: anna, ws, members: [erik] } = await teamWorkspace(server.url, 'Många klient-id', [['Erik Redaktör', 'editor']]));
});
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});
afterAll(() => server.stop());

async function peer(api: ApiClient, documentId: string): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  peers.push(p);
  await synced(p);
  return p;
}

const newPlan = async () => (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
const updatesOf = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);
const clientsOf = (doc: Y.Doc) => doc.store.clients.size;

/** Sends `update` on a raw socket of `api`; resolves with the close code, or 'open' once the server has stored it. */
async function send(api: ApiClient, documentId: string, update: Uint8Array): Promise<number | 'open'> {
  const raw = await openRaw(server.url, documentId, api.sessionCookie);
  const before = await updatesOf(documentId);
  raw.ws.send(syncMessage(SyncStep.Update, update));
  const stored = (async () => {
    while ((await updatesOf(documentId)) === before) await new Promise((r) => setTimeout(r, 20));
    return 'open' as const;
  })();
  const outcome = await Promise.race([raw.closed, stored]);
  raw.ws.close();
  return outcome;
}

describe('new client ids in a document', () => {
  it.each([
    { what: 'one update past the limit of one update', updates: [[DEFAULT_SYNC_LIMITS.maxNewClientIdsPerUpdate + 1, 3_000_000]], refused: [true] },
    { what: 'the X14 shape: 20 000 ids in 140 KB', updates: [[20_000, 3_000_000]], refused: [true] },
    { what: "one person's updates past their limit in the room", updates: [[250, 3_000_000], [60, 3_100_000]], refused: [false, true] },
  ])('$what: refused 1008, nothing stored; the document still opens', async ({ updates, refused }) => {
    const documentId = await newPlan();
    const reader = await peer(anna, documentId);
    const clients = clientsOf(reader.doc);
    for (const [i, [count, first]] of updates.entries()) {
      const stored = await updatesOf(documentId);
      const outcome = await send(erik, documentId, gcUnderClients(count ?? 0, first));
      expect(outcome).toBe(refused[i] ? 1008 : 'open');
      if (refused[i]) expect(await updatesOf(documentId)).toBe(stored);
    }
    const late = await peer(erik, documentId);
    const accepted = updates.filter((_, i) => !refused[i]).reduce((sum, [count]) => sum + (count ?? 0), 0);
    expect(clientsOf(late.doc)).toBe(clients + accepted);
  });

  it("the document's limit holds across people; a new session below it still writes", async () => {
    const documentId = await newPlan();
    expect(await send(erik, documentId, gcUnderClients(250, 4_000_000))).toBe('open');
    expect(await send(anna, documentId, gcUnderClients(240, 4_100_000))).toBe('open');
    expect(await send(anna, documentId, gcUnderClients(20, 4_200_000))).toBe(1008);
    const writer = await peer(anna, documentId);
    writer.doc.getMap('meta').set('subtitle', 'Skrivet efter gränsen');
    const reader = await peer(erik, documentId);
    expect(reader.doc.getMap('meta').get('subtitle')).toBe('Skrivet efter gränsen');
  });
});

describe('a person’s new client ids across the room’s unloads', () => {
  it('count on: the room unloading between rounds gives no new allowance (red team X15 (2))', async () => {
    const idle = await startTestServer({ sync: limits, roomIdleMs: 50 });
    try {
      const team = await teamWorkspace(idle.url, 'Rum som somnar', [['Erik Redaktör', 'editor']]);
      const [editor] = team.members as [ApiClient];
      const documentId = (await team.coordinator.json<{ id: string }>('POST', `/api/workspaces/${team.ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
      const stored = () => sqlCount(idle.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);
      /** Sends `update` on a raw socket; the close code, or 'open' once the server stored it. */
      const sendTo = async (update: Uint8Array): Promise<number | 'open'> => {
        const raw = await openRaw(idle.url, documentId, editor.sessionCookie);
        const before = await stored();
        raw.ws.send(syncMessage(SyncStep.Update, update));
        const kept = (async () => {
          while ((await stored()) === before) await new Promise((r) => setTimeout(r, 20));
          return 'open' as const;
        })();
        const outcome = await Promise.race([raw.closed, kept]);
        raw.ws.close();
        return outcome;
      };
      expect(await sendTo(gcUnderClients(250, 5_000_000))).toBe('open');
      // Every socket gone, the room unloads after 50 ms idle.
      await expect.poll(() => idle.deps.rooms.loadedCount, { timeout: 10_000 }).toBe(0);
      expect(await sendTo(gcUnderClients(60, 5_100_000))).toBe(1008);
    } finally {
      await idle.stop();
    }
  });
});
