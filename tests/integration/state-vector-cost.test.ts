/**
 * A sync step 1 costs its sender by the size of its state vector (red team x14 (2)): guests
 * sending sync step 1 of 99 999 made-up entries at the allowed 10 a second kept the server
 * busy 45 ms an answer, 5 sockets stalling everyone (p99 8 s). Now each 10 000 entries cost
 * one more of the socket's 10 requests a second, and entries of clients the document does
 * not hold are dropped before Yjs reads the rest, so answering a full one costs a few ms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { teamWorkspace, type ApiClient } from '../support/api.js';
import { openRaw, stateVectorOf, type RawSocket } from '../support/raw-socket.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { until } from '../support/yclient.js';

let server: TestServer;
let viewer: ApiClient;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  const team = await teamWorkspace(server.url, 'Tillståndsvektorer', [['Vera Läsare', 'viewer']]);
  viewer = team.members[0] as ApiClient;
  documentId = (await team.coordinator.json<{ id: string }>('POST', `/api/workspaces/${team.ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
});
afterAll(() => server.stop());

/** Sync step 2 answers `raw` has received. */
function answers(raw: RawSocket): Uint8Array[] {
  return raw.received.filter((message) => {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === SyncStep.Step2;
  });
}

describe('sync step 1 by the size of its state vector', () => {
  it('full-size state vectors: about one answered a second, each the document', async () => {
    const raw = await openRaw(server.url, documentId, viewer.sessionCookie);
    await until(() => raw.received.length > 0, 10_000, 'the server greets');
    const before = answers(raw).length;
    const started = performance.now();
    const message = syncMessage(SyncStep.Step1, stateVectorOf(99_999));
    for (let i = 0; i < 40; i++) raw.ws.send(message);
    await until(() => answers(raw).length - before >= 2, 20_000, 'the first answers');
    // A burst of 20 requests holds two full-size ones; then one a second (10 requests).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const seconds = (performance.now() - started) / 1000;
    const answered = answers(raw).slice(before);
    expect(answered.length).toBeLessThanOrEqual(2 + Math.ceil(seconds) + 1);
    // The made-up entries are not in the document: each answer is the whole document.
    const copy = new Y.Doc();
    const update = decoding.readVarUint8Array(decoding.createDecoder((answered[0] as Uint8Array).subarray(2)));
    Y.applyUpdate(copy, update);
    expect(copy.getMap('meta').get('kind')).toBe('action-plan');
    raw.ws.close();
  });

  it('small state vectors are answered as before: a burst of 20', async () => {
    const raw = await openRaw(server.url, documentId, viewer.sessionCookie);
    await until(() => raw.received.length > 0, 10_000, 'the server greets');
    const before = answers(raw).length;
    const message = syncMessage(SyncStep.Step1, stateVectorOf(50));
    for (let i = 0; i < 19; i++) raw.ws.send(message);
    await until(() => answers(raw).length - before === 19, 20_000, 'all 19 answered');
    raw.ws.close();
  });
});
