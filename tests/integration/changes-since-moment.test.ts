/**
 * `GET …/changes?since=<ISO time>` lists the changes "from the state at that moment to now"
 * (DESIGN "Versions, changes, the live draft"; contract audit: with no version or visit
 * before the time it listed the whole plan as added). The state then is rebuilt from the
 * update log while no compaction after it folded it away (server/versions/logged-state.ts);
 * after one, the newest stored full state before it (a version), else the empty document.
 * The server's clock is the test's: "the moment" is exact, never a race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateItem } from '../../shared/model/action-plan.js';
import type { Change } from '../../shared/compare/index.js';
import type { Clock } from '../../server/context.js';
import { SCHEMA_VERSION } from '../../shared/model/kinds.js';
import type { Peer } from '../support/yclient.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { smalandIds } from '../support/smaland-edits.js';
import { eventually, planSceneWithEditor, type PlanScene } from '../support/plan-scene.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const iso = (ms: number) => new Date(ms).toISOString();

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  // No compaction but the test's own: rooms stay open, the log is never full.
  server = await startTestServer({ compactAfterUpdates: 100_000, roomIdleMs: 3_600_000 }, clock);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

interface Since {
  changes: Change[];
  from: { kind: string; at: string | null };
}
const since = (s: PlanScene, at: number) => s.viewer.json<Since>('GET', `/api/documents/${s.documentId}/changes?since=${encodeURIComponent(iso(at))}`, undefined, 200);
const budgetOf = async (s: PlanScene) => {
  const json = await s.viewer.json<{ goals: Array<{ activities: Array<{ number: string; budget: number | null }> }> }>('GET', `/api/documents/${s.documentId}/export.json`, undefined, 200);
  return json.goals.flatMap((g) => g.activities).find((a) => a.number === '1.1')?.budget;
};

/** The Småland plan with an editor's socket on it, the clock a minute after the import. */
async function scene(): Promise<{ s: PlanScene; peer: Peer }> {
  const { s, peer } = await planSceneWithEditor(server.url);
  peers.push(peer);
  now += 60_000;
  return { s, peer };
}

/** Sets activity 1.1's budget as the editor and waits until the server holds it. */
async function setBudget(s: PlanScene, peer: Peer, budget: number): Promise<void> {
  updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget });
  await eventually(async () => (await budgetOf(s)) === budget, 10_000, `budget ${budget} stored`);
}

/** Folds the whole update log into the snapshot now, as a room's compaction does. */
async function compactNow(documentId: string): Promise<void> {
  const { kdb, rooms } = server.deps;
  const last = await kdb.selectFrom('document_updates').select((eb) => eb.fn.max('id').as('id')).where('document_id', '=', documentId).executeTakeFirst();
  const state = await rooms.encodeState(documentId);
  await rooms.store.compact(documentId, state, Number(last?.id ?? 0), now, SCHEMA_VERSION);
}

const budgetChanges = (list: Since) => list.changes.filter((c) => c.op === 'changed' && c.field === 'budget' && c.collection === 'activities');

describe('changes since a moment', () => {
  it('lists only what changed after it, though no version or visit was made before it', async () => {
    const { s, peer } = await scene();
    await setBudget(s, peer, 1_00);
    now += 60_000;
    const moment = now;
    now += 60_000;
    await setBudget(s, peer, 2_00);
    const list = await since(s, moment);
    expect(list.from).toEqual({ kind: 'moment', at: iso(moment) });
    expect(list.changes.every((c) => c.op !== 'added' && c.op !== 'removed')).toBe(true);
    expect(budgetChanges(list)).toEqual([expect.objectContaining({ before: 1_00, after: 2_00 })]);
  });

  it('is exact across a compaction made before the moment', async () => {
    const { s, peer } = await scene();
    await setBudget(s, peer, 3_00);
    await compactNow(s.documentId);
    now += 60_000;
    const moment = now;
    now += 60_000;
    await setBudget(s, peer, 4_00);
    const list = await since(s, moment);
    expect(list.from.kind).toBe('moment');
    expect(budgetChanges(list)).toEqual([expect.objectContaining({ before: 3_00, after: 4_00 })]);
  });

  it('a moment before the document existed lists it all as added', async () => {
    const before = now - 1;
    const { s } = await scene();
    const list = await since(s, before);
    expect(list.from).toEqual({ kind: 'empty', at: null });
    expect(list.changes.length).toBeGreaterThan(0);
    expect(list.changes.every((c) => c.op === 'added')).toBe(true);
  });

  it('after a compaction that folded the moment away: from the newest version before it, and says so', async () => {
    const { s, peer } = await scene();
    await setBudget(s, peer, 5_00);
    const version = await s.editor.json<{ id: string; createdAt: string }>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Före' }, 201);
    now += 60_000;
    await setBudget(s, peer, 6_00);
    const moment = now;
    now += 60_000;
    await setBudget(s, peer, 7_00);
    await compactNow(s.documentId);
    const list = await since(s, moment);
    expect(list.from).toEqual({ kind: 'version', at: version.createdAt });
    expect(budgetChanges(list)).toEqual([expect.objectContaining({ before: 5_00, after: 7_00 })]);
  });

  it('a moment in the future is 400 validation, as a visit at one is; now itself is fine', async () => {
    const { s } = await scene();
    const changes = (at: number) => `/api/documents/${s.documentId}/changes?since=${encodeURIComponent(iso(at))}`;
    for (const ahead of [1, 60_000, 365 * 24 * 3_600_000]) {
      const error = await s.viewer.json<{ error: { code: string; message: string } }>('GET', changes(now + ahead), undefined, 400);
      expect(error.error.code).toBe('validation');
      expect(error.error.message).toMatch(/since.*framtiden/);
      // The visit refuses the same moment the same way (DESIGN "Versions, changes, the live draft").
      await s.viewer.json('POST', `/api/documents/${s.documentId}/visits`, { at: iso(now + ahead) }, 400);
    }
    expect((await s.viewer.json<Since>('GET', changes(now), undefined, 200)).from.kind).toBe('moment');
  });
});
