/**
 * Issue 15, costly updates under the caps: an update of many structs (600 000 map keys
 * held every room for 6.75 s) is applied in pieces, one per event-loop turn, so others'
 * edits go through meanwhile — and nothing of it is lost or reordered for its sender.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let ws: string;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startTestServer();
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'));
  ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Stora' }, 201)).id;
});

afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});

afterAll(async () => {
  await server.stop();
});

async function peer(documentId: string): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: anna.sessionCookie });
  peers.push(p);
  await synced(p);
  return p;
}

describe('an update of many structs under the cap', () => {
  it('is applied in pieces: an edit made meanwhile arrives before the last piece, and nothing is lost', async () => {
    const documentId = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Stor' }, 201)).id;
    const [watcher, bystander, big] = [await peer(documentId), await peer(documentId), await peer(documentId)];
    // 6 000 activities of 12 fields: 78 000 structs, within the content limits (shared/content-limits.ts:
    // 20 000 items per document, 200 entries per map) that refuse 80 000 keys of one map.
    const keys = 6_000;
    // Twelve keys an activity's schema names (any other is refused: server/sync/schema-keys.ts), each of its type (field-types.ts).
    const fields = ['goalId', 'order', 'number', 'title', 'description', 'budget', 'responsible', 'start', 'end', 'recipients', 'status', 'progress'];
    const valueOf = (field: string, i: number): unknown =>
      field === 'title' || field === 'description' ? new Y.Text() : field === 'budget' || field === 'progress' ? i % 100 : field === 'start' || field === 'end' ? null : field === 'status' ? 'planned' : String(i);
    const before = watcher.doc.getMap('activities').size;
    big.doc.transact(() => {
      const activities = big.doc.getMap('activities');
      for (let i = 0; i < keys; i++) {
        const activity = new Y.Map<unknown>();
        activities.set(`a${i}`, activity);
        for (const field of fields) activity.set(field, valueOf(field, i));
      }
    });
    // Once the first piece has reached the watcher, the bystander edits.
    const budgetSize = () => watcher.doc.getMap('activities').size;
    await until(() => budgetSize() > before, 20_000, 'the first piece');
    addGoal(bystander.doc, { number: '7', title: 'Under tiden' });
    await until(() => actionPlanToJSON(watcher.doc).goals.some((goal) => goal.title === 'Under tiden'), 20_000, 'the bystander’s edit');
    expect(budgetSize()).toBeLessThan(before + keys);
    await until(() => budgetSize() >= before + keys, 20_000, 'every piece');
    // The sender's next edit comes after its big one, for everyone.
    addGoal(big.doc, { number: '8', title: 'Efteråt' });
    await until(() => actionPlanToJSON(watcher.doc).goals.some((goal) => goal.title === 'Efteråt'), 10_000, 'the sender’s next edit');
    const fresh = await peer(documentId);
    expect(fresh.doc.getMap('activities').size).toBe(before + keys);
  });
});
