/**
 * Issue 17 F1 through the real server with real y-websocket providers: a document at its
 * item cap refuses (1008) every update that adds items, in one update or spread over many,
 * from one client or two working together, and admits deleting and adding within the cap.
 * Whether a refusal cost a copy of the document is counted, not timed: the exact check
 * (content-trial.ts `exactChecks`) runs in this process, and a full document's refusals
 * must take none. The cap is lowered to 30 so the cases run in milliseconds; the counting
 * does not depend on the cap (tests/unit/content-item-count.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exactChecks } from '../../server/sync/content-trial.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { type ApiClient, teamWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until, type Peer } from '../support/yclient.js';
import { sqlCount } from '../support/sql.js';
import { wholeItem } from '../support/required-items.js';

const MAX_ITEMS = 30;
let server: TestServer;
let coordinator: ApiClient;
let editors: ApiClient[];
let ws: string;

beforeAll(async () => {
  server = await startTestServer({ sync: { ...DEFAULT_SYNC_LIMITS, maxItemsPerDocument: MAX_ITEMS }, signupsPerMinute: 1000 });
  ({ coordinator, ws, members: editors } = await teamWorkspace(server.url, 'Fullt', [
    ['Erik Redaktör', 'editor'],
    ['Eva Redaktör', 'editor'],
  ]));
});
afterAll(async () => {
  await server.stop();
});

const peer = usePeers(() => server.url);

const editor = (i: number): ApiClient => editors[i % editors.length] ?? coordinator;
const goals = (doc: Y.Doc) => doc.getMap<unknown>('goals');
/** Updates the server stored for the document, on SQLite or PostgreSQL (tests/support/sql.ts). */
const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

/** The first close code of a peer's socket (the provider would reconnect and resend: callers destroy it). */
const closeOf = (p: Peer): Promise<number> =>
  new Promise((resolve) => p.provider.ws?.addEventListener('close', (event) => resolve(event.code)));

/** A plan holding `items` goals, and a witness (the coordinator, who only reads) on it. */
async function planWith(items: number): Promise<{ documentId: string; witness: Peer }> {
  const documentId = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Full plan' }, 201)).id;
  const filler = await peer(editor(0), documentId);
  filler.doc.transact(() => {
    for (let i = 0; i < items; i++) goals(filler.doc).set(`g${i}`, wholeItem('action-plan', 'goals'));
  });
  const witness = await peer(coordinator, documentId);
  await until(() => goals(witness.doc).size === items, 15_000, 'the goals reach the witness');
  return { documentId, witness };
}

/** A later edit arrives after anything stored before it: what was refused never comes. */
async function settled(documentId: string, witness: Peer, mark: string): Promise<void> {
  const bystander = await peer(coordinator, documentId);
  bystander.doc.getMap('meta').set('subtitle', mark);
  await until(() => witness.doc.getMap('meta').get('subtitle') === mark, 10_000, 'the bystander edit arrives');
}

describe('a document at its item cap', () => {
  it('refuses items added in one update and spread over many, by two clients, without a copy of the document', { timeout: 60_000 }, async () => {
    const { documentId, witness } = await planWith(MAX_ITEMS);
    const stored = await storedUpdates(documentId);
    const checks = exactChecks();
    const attacker = await peer(editor(0), documentId);
    const closed = closeOf(attacker);
    attacker.doc.transact(() => {
      for (let i = 0; i < 5; i++) goals(attacker.doc).set(`many${i}`, wholeItem('action-plan', 'goals'));
    });
    expect(await closed).toBe(1008);
    attacker.destroy();
    for (let i = 0; i < 12; i++) {
      const next = await peer(editor(i), documentId);
      const refused = closeOf(next);
      goals(next.doc).set(`one${i}`, wholeItem('action-plan', 'goals'));
      expect(await refused, `update ${i}`).toBe(1008);
      next.destroy();
    }
    await settled(documentId, witness, 'efter flod');
    expect(goals(witness.doc).size).toBe(MAX_ITEMS);
    expect(await storedUpdates(documentId)).toBe(stored + 1);
    expect(exactChecks() - checks).toBe(0);
  });

  it('admits one of two concurrent additions that together pass the cap, and refuses the other', { timeout: 60_000 }, async () => {
    const { documentId, witness } = await planWith(MAX_ITEMS - 1);
    const [a, b] = [await peer(editor(0), documentId), await peer(editor(1), documentId)];
    const closes = Promise.race([closeOf(a).then((code) => ({ code, p: a })), closeOf(b).then((code) => ({ code, p: b }))]);
    // Same tick: neither has seen the other's item when it sends its own.
    goals(a.doc).set('from-a', wholeItem('action-plan', 'goals'));
    goals(b.doc).set('from-b', wholeItem('action-plan', 'goals'));
    const first = await closes;
    expect(first.code).toBe(1008);
    first.p.destroy();
    await settled(documentId, witness, 'efter paret');
    expect(goals(witness.doc).size).toBe(MAX_ITEMS);
    expect([goals(witness.doc).has('from-a'), goals(witness.doc).has('from-b')].filter(Boolean)).toHaveLength(1);
  });

  it('admits deleting and adding within the cap, in one update and across two clients, without a copy', { timeout: 60_000 }, async () => {
    const { documentId, witness } = await planWith(MAX_ITEMS);
    const checks = exactChecks();
    const [a, b] = [await peer(editor(0), documentId), await peer(editor(1), documentId)];
    a.doc.transact(() => {
      goals(a.doc).delete('g0');
      goals(a.doc).set('swapped', wholeItem('action-plan', 'goals'));
    });
    await until(() => goals(witness.doc).has('swapped') && !goals(witness.doc).has('g0'), 10_000, 'the swap arrives');
    goals(b.doc).delete('g1');
    await until(() => goals(a.doc).size === MAX_ITEMS - 1, 10_000, 'the deletion reaches the other editor');
    goals(a.doc).set('g1', wholeItem('action-plan', 'goals'));
    await until(() => goals(witness.doc).has('g1'), 10_000, 'the deleted key set again arrives');
    expect(goals(witness.doc).size).toBe(MAX_ITEMS);
    // Full again: one more from the other editor is refused.
    await until(() => goals(b.doc).has('g1'), 10_000, 'the re-added item reaches the other editor');
    const refused = closeOf(b);
    goals(b.doc).set('one-too-many', wholeItem('action-plan', 'goals'));
    expect(await refused).toBe(1008);
    b.destroy();
    await settled(documentId, witness, 'efter bytet');
    expect(goals(witness.doc).size).toBe(MAX_ITEMS);
    expect(exactChecks() - checks).toBe(0);
  });
});
