/**
 * "Markera som läst" marks the list the member read, not whatever the draft became since
 * (issue 18 follow-up, finding 2; DESIGN "Versions, changes, the live draft"): `changes`
 * says when it read the live state (`to.at`), and `POST …/visits {at}` records the visit
 * at that time, refusing (409 `visit.stale`) when the document changed after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateItem } from '../../shared/model/action-plan.js';
import type { Change } from '../../shared/compare/index.js';
import type { Clock } from '../../server/context.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { smalandIds } from '../support/smaland-edits.js';
import { eventually, planScene } from '../support/plan-scene.js';
import type { ApiClient } from '../support/api.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const iso = (ms: number) => new Date(ms).toISOString();

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  server = await startTestServer({}, clock);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

interface Since {
  changes: Change[];
  from: { kind: string; at: string | null };
  to: { at: string };
}
const since = (api: ApiClient, doc: string) => api.json<Since>('GET', `/api/documents/${doc}/changes?since=last-visit`, undefined, 200);
const budget = async (api: ApiClient, doc: string) => {
  const json = await api.json<{ goals: Array<{ activities: Array<{ number: string; budget: number | null }> }> }>('GET', `/api/documents/${doc}/export.json`, undefined, 200);
  return json.goals.flatMap((g) => g.activities).find((a) => a.number === '1.1')?.budget;
};

describe('POST visits {at}', () => {
  it('refuses a list older than the last edit (409) so the edit is not swallowed, and records one read after it', async () => {
    const s = await planScene(server.url);
    const url = `/api/documents/${s.documentId}`;
    expect((await s.viewer.request('POST', `${url}/visits`)).status).toBe(204);
    const seen = await since(s.viewer, s.documentId);
    expect(seen).toMatchObject({ changes: [], from: { kind: 'visit', at: iso(now) }, to: { at: iso(now) } });

    now += 60_000;
    const peer = connectPeer(server.url, s.documentId, { cookie: s.editor.sessionCookie });
    peers.push(peer);
    await synced(peer);
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: 1_00 });
    await eventually(async () => (await budget(s.viewer, s.documentId)) === 1_00, 10_000, 'the edit');
    now += 60_000;
    // The list read before the edit: marking it read would hide the edit.
    expect(await s.viewer.json('POST', `${url}/visits`, { at: seen.to.at }, 409)).toMatchObject({ error: { code: 'visit.stale' } });
    const fresh = await since(s.viewer, s.documentId);
    expect(fresh.changes.some((c) => c.op === 'changed' && c.field === 'budget' && c.after === 1_00)).toBe(true);
    expect(fresh.to.at).toBe(iso(now));
    expect((await s.viewer.request('POST', `${url}/visits`, { at: fresh.to.at })).status).toBe(204);
    expect(await since(s.viewer, s.documentId)).toMatchObject({ changes: [], from: { kind: 'visit', at: fresh.to.at } });
  });

  it.each([
    ['a time in the future', () => ({ at: iso(now + 1) }), 400, 'validation'],
    ['not a time', () => ({ at: 'igår' }), 400, 'validation'],
    ['an unknown field', () => ({ at: iso(now), seen: true }), 400, 'validation'],
    ['not JSON', () => '{', 400, 'validation'],
  ])('answers %s with %i %s', async (_what, body, status, code) => {
    const s = await planScene(server.url);
    const value = body();
    const response = await s.viewer.request('POST', `/api/documents/${s.documentId}/visits`, value);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('takes an empty body (a beacon) or {} as "now"', async () => {
    const s = await planScene(server.url);
    const url = `/api/documents/${s.documentId}`;
    expect((await s.viewer.request('POST', `${url}/visits`, {})).status).toBe(204);
    expect((await s.viewer.request('POST', `${url}/visits`)).status).toBe(204);
    expect((await since(s.viewer, s.documentId)).from).toEqual({ kind: 'visit', at: iso(now) });
  });
});
