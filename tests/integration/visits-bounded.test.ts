/**
 * `POST …/visits` has a bounded cost (issue 17, untrusted clients; DESIGN "Limits every
 * boundary enforces"): a visit stores the document's whole state, so a viewer sending visits
 * in a loop (a beacon needs no page) encoded the whole document each time. Now the state is
 * encoded and stored only when the document changed since the caller's last visit (else only
 * the time moves), and that encode is heavy work: past HEAVY_REQUESTS_PER_MINUTE per person
 * 429 with Retry-After. "Changes since your last visit" stays right either way.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { updateItem } from '../../shared/model/action-plan.js';
import type { Change } from '../../shared/compare/index.js';
import type { Clock } from '../../server/context.js';
import type { HeavyLimits } from '../../server/config.js';
import type { Peer } from '../support/yclient.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { smalandIds } from '../support/smaland-edits.js';
import { eventually, planScene, planSceneWithEditor, type PlanScene } from '../support/plan-scene.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const HEAVY: HeavyLimits = { perMinute: 3, atOnce: 2, queue: 4, versionsPerMinute: 100, shareLinksPerMinute: 100, versionsPerDocument: 100 };

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  server = await startTestServer({ heavy: HEAVY }, clock);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

const visit = (s: PlanScene) => s.viewer.request('POST', `/api/documents/${s.documentId}/visits`);
const changesSinceVisit = (s: PlanScene) => s.viewer.json<{ changes: Change[] }>('GET', `/api/documents/${s.documentId}/changes?since=last-visit`, undefined, 200);

/** Counts the whole-state encodes of the server's rooms (what a stored visit costs). */
function countEncodes() {
  const spy = vi.spyOn(server.deps.rooms, 'encodeState');
  return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

/** Activity 1.1's budget as the server stores it (export.json: not heavy work, so it does not count). */
async function storedBudget(s: PlanScene): Promise<number | null | undefined> {
  const json = await s.viewer.json<{ goals: Array<{ activities: Array<{ number: string; budget: number | null }> }> }>('GET', `/api/documents/${s.documentId}/export.json`, undefined, 200);
  return json.goals.flatMap((g) => g.activities).find((a) => a.number === '1.1')?.budget;
}

describe('POST visits', () => {
  it('repeated without a change stores nothing new and counts toward no limit', async () => {
    const s = await planScene(server.url);
    const encodes = countEncodes();
    try {
      now += 1_000; // after the plan's creation: a visit in the same millisecond is stored again
      expect((await visit(s)).status).toBe(204);
      for (let i = 0; i < 40; i++) {
        now += 1_000;
        expect((await visit(s)).status).toBe(204);
      }
      expect(encodes.count()).toBe(1);
      expect((await changesSinceVisit(s)).changes).toEqual([]);
    } finally {
      encodes.restore();
    }
  });

  it('after each change it stores the state again, counted per person and minute: past it 429 with Retry-After', async () => {
    const { s, peer } = await planSceneWithEditor(server.url);
    peers.push(peer);
    const statuses: number[] = [];
    for (let i = 1; i <= HEAVY.perMinute + 2; i++) {
      now += 1_000;
      updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: i * 100 });
      await eventually(async () => (await storedBudget(s)) === i * 100, 10_000, 'the edit stored');
      now += 1_000;
      const response = await visit(s);
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([204, 204, 204, 429, 429]);
  });

  it('is recorded while the person already has heavy work running (the beacon sent as the page\'s list reloads)', async () => {
    const s = await planScene(server.url);
    const other = (await s.coordinator.json<{ id: string }>('POST', `/api/workspaces/${s.workspace}/documents`, { kind: 'action-plan', title: 'Annan' }, 201)).id;
    const rooms = server.deps.rooms;
    const encode = rooms.encodeState.bind(rooms);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The first document's live reads wait at the gate: the viewer's two compares hold both of their places.
    const spy = vi.spyOn(rooms, 'encodeState').mockImplementation(async (id) => (id === s.documentId ? (await gate, encode(id)) : encode(id)));
    try {
      const held = [1, 2].map(() => s.viewer.request('GET', `/api/documents/${s.documentId}/changes?since=2020-01-01T00:00:00Z`));
      await eventually(async () => spy.mock.calls.filter(([id]) => id === s.documentId).length === 2, 10_000, 'both compares at the gate');
      now += 1_000;
      expect((await s.viewer.request('POST', `/api/documents/${other}/visits`)).status).toBe(204);
      open();
      expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      open();
      spy.mockRestore();
    }
  });

  it('a visit whose time only moved still answers "changes since" right after the next edit', async () => {
    const { s, peer } = await planSceneWithEditor(server.url);
    peers.push(peer);
    expect((await visit(s)).status).toBe(204);
    now += 1_000;
    expect((await visit(s)).status).toBe(204);
    now += 1_000;
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: 7_00 });
    await eventually(async () => (await storedBudget(s)) === 7_00, 10_000, 'the edit stored');
    expect((await changesSinceVisit(s)).changes.some((c) => c.op === 'changed' && c.field === 'budget' && c.after === 7_00)).toBe(true);
  });
});
