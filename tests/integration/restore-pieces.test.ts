/**
 * Issue 17: a restore that rewrites a big plan is applied in pieces, one event-loop turn
 * apart, each stored and sent like an edit — not as one update that held every room of the
 * process for seconds (a 20 000-item plan: 8.4 s at load 19, docs/versions.md). Counted,
 * not timed: the room's transactions of the restore, and the event-loop turns between them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, removeItem } from '../../shared/model/action-plan.js';
import { PIECE_WEIGHT } from '../../server/sync/client-updates.js';
import { isServerOrigin } from '../../server/sync/client.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';
const GOALS = 25;
const PER_GOAL = 24;

/** 25 goals of 24 activities: an update of several thousand structs when all come back. */
function bigPlan(): string {
  const lines = ['Stor plan', '', HEADER];
  for (let goal = 1; goal <= GOALS; goal++) {
    lines.push(`Mål ${goal} Mål nummer ${goal}. En beskrivning av målet.\t\t\t\t\t`);
    for (let a = 1; a <= PER_GOAL; a++) lines.push(`${goal}.${a} Aktivitet ${goal}.${a} för energi och klimat\tGör saker och rapportera\t${a} 000\tEnergikontoret\t2027-02-01 - 2027-09-30\tFörvaltningarna`);
  }
  return lines.join('\n') + '\n';
}

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

describe('restoring a version of a big plan', () => {
  it('applies its update in pieces of bounded weight, an event-loop turn apart, and ends with the version', async () => {
    const editor = new ApiClient(server.url);
    await editor.signup(email('erik'));
    const ws = (await editor.json<{ id: string }>('POST', '/api/workspaces', { name: 'Stor' }, 201)).id;
    const imported = await editor.request('POST', `/api/workspaces/${ws}/import`, bigPlan(), { 'content-type': 'text/tab-separated-values' });
    expect(imported.status).toBe(201);
    const documentId = ((await imported.json()) as { id: string }).id;
    const url = `/api/documents/${documentId}`;
    const typist = connectPeer(server.url, documentId, { cookie: editor.sessionCookie });
    peers.push(typist);
    await synced(typist);
    const versionId = (await editor.json<{ id: string }>('POST', `${url}/versions`, { name: 'Hela planen' }, 201)).id;
    const version = actionPlanToJSON(typist.doc);
    expect(version.goals.flatMap((g) => g.activities)).toHaveLength(GOALS * PER_GOAL);
    typist.doc.transact(() => {
      for (const goal of version.goals) for (const activity of goal.activities) removeItem(typist.doc, 'activities', activity.id);
    });
    const room = await server.deps.rooms.open(documentId);
    await until(() => room.doc.getMap('activities').size === 0, 20_000, 'every activity removed in the room');

    // Each of the restore's transactions, with the event-loop turn it ran in (a ticker re-armed every turn).
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const restoreTurns: number[] = [];
    const structsPerPiece: number[] = [];
    const note = (update: Uint8Array, origin: unknown) => {
      if (!isServerOrigin(origin)) return;
      restoreTurns.push(turn);
      structsPerPiece.push(Y.decodeUpdate(update).structs.length);
    };
    room.doc.on('update', note);
    await editor.json('POST', `${url}/versions/${versionId}/restore`, undefined, 200);
    room.doc.off('update', note);
    ticking = false;

    expect(actionPlanToJSON(room.doc)).toEqual(version);
    await until(() => JSON.stringify(actionPlanToJSON(typist.doc)) === JSON.stringify(version), 20_000, 'the restore at the editor');
    expect(restoreTurns.length).toBeGreaterThan(1);
    expect(new Set(restoreTurns).size).toBe(restoreTurns.length);
    for (const structs of structsPerPiece) expect(structs).toBeLessThanOrEqual(PIECE_WEIGHT);
  }, 120_000);
});
