/**
 * Versions, compare, changes since a visit and restore (issue 18; DESIGN "Versions,
 * changes, the live draft") against the real server, with the Småland sample edited live
 * through a real y-websocket client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, updateItem } from '../../shared/model/action-plan.js';
import type { Change } from '../../shared/compare/index.js';
import type { Clock } from '../../server/context.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { editSmaland, smalandIds } from '../support/smaland-edits.js';
import { eventually, PASSWORD, planScene, type PlanScene } from '../support/plan-scene.js';
import type { ApiClient } from '../support/api.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const MINUTE = 60_000;

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  server = await startTestServer({ versionSweepMs: 20 }, clock);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

interface Version {
  id: string;
  name: string;
  kind: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  decision: { body: string; date: string; reference: string } | null;
}

async function peerOf(api: ApiClient, documentId: string): Promise<Peer> {
  const peer = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  peers.push(peer);
  await synced(peer);
  return peer;
}

const budgetOf = async (api: ApiClient, doc: string, number: string) => {
  const json = await api.json<{ goals: Array<{ activities: Array<{ number: string; budget: number | null }> }> }>('GET', `/api/documents/${doc}/export.json`, undefined, 200);
  return json.goals.flatMap((g) => g.activities).find((a) => a.number === number)?.budget;
};
const versions = async (api: ApiClient, doc: string) => (await api.json<{ versions: Version[] }>('GET', `/api/documents/${doc}/versions`, undefined, 200)).versions;

describe('named and adopted versions', () => {
  let s: PlanScene;
  beforeAll(async () => {
    s = await planScene(server.url);
  });

  it('an editor makes one (201, the DESIGN shape); an adopted one carries its decision; listed newest first', async () => {
    const named = await s.editor.json<Version>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Remissversion' }, 201);
    expect(named).toEqual({ id: expect.any(String), name: 'Remissversion', kind: 'named', createdAt: new Date(now).toISOString(), createdBy: { id: expect.any(String), name: 'Erik Redaktör' }, decision: null, restoreOf: null });
    const decision = { body: 'Kommunfullmäktige', date: '2027-03-15', reference: 'KF 2027-03-15 § 42' };
    const adopted = await s.coordinator.json<Version>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Antagen', decision }, 201);
    expect(adopted).toMatchObject({ kind: 'named', decision });
    expect((await versions(s.viewer, s.documentId)).map((v) => v.id)).toEqual([adopted.id, named.id]);
  });

  it.each([
    [{}, 'name'],
    [{ name: '  ' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 'A', decision: { body: 'KF', date: '2027-02-30', reference: '§ 1' } }, 'decision.date'],
    [{ name: 'A', decision: { body: 'KF', date: '2027-03-15' } }, 'decision.reference'],
  ])('refuses %j with 400 validation naming %s', async (body, field) => {
    const response = await s.editor.request('POST', `/api/documents/${s.documentId}/versions`, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation', message: expect.stringContaining(field) } });
  });

  it('export.json of a version is the document as it was, whatever the live draft became', async () => {
    const peer = await peerOf(s.editor, s.documentId);
    const before = await s.editor.json<Version>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Före budget' }, 201);
    const { a11 } = smalandIds(peer.doc);
    updateItem(peer.doc, 'activities', a11, { budget: 1_00 });
    await eventually(async () => (await budgetOf(s.viewer, s.documentId, '1.1')) === 1_00, 10_000, 'the edit on the server');
    const old = await s.viewer.json<{ id: string; version: Version; totals: { activities: number }; goals: unknown[] }>('GET', `/api/documents/${s.documentId}/versions/${before.id}/export.json`, undefined, 200);
    expect(old).toMatchObject({ id: s.documentId, version: { id: before.id, name: 'Före budget' }, totals: { activities: 1_846_250_00 } });
    expect((await s.viewer.request('GET', `/api/documents/${s.documentId}/versions/nope/export.json`)).status).toBe(404);
    const download = await s.viewer.request('GET', `/api/documents/${s.documentId}/versions/${before.id}/export.json`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9-]+-Fore-budget\.json"; filename\*=UTF-8''.*%20F%C3%B6re%20budget\.json$/);
  });

  it('a deleted account shows as "Borttagen användare" on its versions', async () => {
    const list = await versions(s.coordinator, s.documentId);
    expect((await s.editor.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(204);
    const after = await versions(s.coordinator, s.documentId);
    const eriks = list.filter((v) => v.createdBy?.name === 'Erik Redaktör').map((v) => v.id);
    expect(eriks.length).toBeGreaterThan(0);
    for (const id of eriks) expect(after.find((v) => v.id === id)?.createdBy?.name).toBe('Borttagen användare');
  });
});

describe('compare', () => {
  it('gives the exact change list between two versions of the Småland plan, and adopted vs live', async () => {
    const s = await planScene(server.url);
    const url = `/api/documents/${s.documentId}`;
    expect(await s.viewer.json('GET', `${url}/compare?from=adopted`, undefined, 404)).toMatchObject({ error: { code: 'version.none-adopted' } });
    const decision = { body: 'Kommunstyrelsen', date: '2027-03-15', reference: 'KS 2027-03-15 § 42' };
    const adopted = await s.coordinator.json<Version>('POST', `${url}/versions`, { name: 'Antagen', decision }, 201);
    const peer = await peerOf(s.editor, s.documentId);
    const ids = smalandIds(peer.doc);
    editSmaland(peer.doc);
    await eventually(async () => (await budgetOf(s.viewer, s.documentId, '1.1')) === 450_000_00, 10_000, 'the edits on the server');
    const edited = await s.editor.json<Version>('POST', `${url}/versions`, { name: 'Efter' }, 201);

    const between = await s.viewer.json<{ changes: Change[]; totals: { before: { activities: number }; after: { activities: number } } }>('GET', `${url}/compare?from=${adopted.id}&to=${edited.id}`, undefined, 200);
    const goalBudgets = between.changes.filter((c) => c.collection === 'goals' && c.field === 'budget').map((c) => [c.id, c.before, c.after]);
    expect(goalBudgets).toEqual([[ids.goal1, 534_500_00, 546_500_00], [ids.goal2, 562_750_00, 268_000_00], [ids.goal3, 749_000_00, 769_000_00]]);
    expect(between.totals.before.activities).toBe(1_846_250_00);
    expect(between.totals.after.activities).toBe(1_583_500_00);
    expect(between.changes.map((c) => `${c.op} ${c.collection} ${c.field ?? ''}`)).toEqual([
      'changed goals budget', 'changed goals budget', 'changed goals budget', 'changed activities budget', 'changed activities responsible',
      'changed activities end', 'moved activities goalId', 'changed activities description', 'added activities ', 'removed activities ',
    ]);
    const live = await s.viewer.json<{ changes: Change[] }>('GET', `${url}/compare?from=adopted&to=live`, undefined, 200);
    expect(live.changes).toEqual(between.changes);
    expect(await s.viewer.json('GET', `${url}/compare?from=${adopted.id}&to=${adopted.id}`, undefined, 200)).toMatchObject({ changes: [] });
    expect(await s.viewer.json('GET', `${url}/compare?from=nope`, undefined, 404)).toMatchObject({ error: { code: 'version.not-found' } });
    expect(await s.viewer.json('GET', `${url}/compare`, undefined, 400)).toMatchObject({ error: { code: 'validation' } });
    expect(await s.viewer.json('GET', `${url}/compare?from=live&to=adopted`, undefined, 400)).toMatchObject({ error: { code: 'validation' } });
  });
});

describe('restore', () => {
  it('makes "Före återställning …" first, then the live draft equals the version, seen live by another client', async () => {
    const s = await planScene(server.url);
    const url = `/api/documents/${s.documentId}`;
    const editorPeer = await peerOf(s.editor, s.documentId);
    const watcher = await peerOf(s.viewer, s.documentId);
    const version = await s.editor.json<Version>('POST', `${url}/versions`, { name: 'Ursprunglig' }, 201);
    const original = actionPlanToJSON(editorPeer.doc);
    editSmaland(editorPeer.doc);
    editorPeer.doc.getMap('meta').set('title', 'Ändrad titel 😀');
    await until(() => actionPlanToJSON(watcher.doc).title === 'Ändrad titel 😀', 10_000, 'the edits at the watcher');
    const edited = actionPlanToJSON(watcher.doc);
    expect(edited).not.toEqual(original);

    const result = await s.editor.json<{ restored: Version; before: Version }>('POST', `${url}/versions/${version.id}/restore`, undefined, 200);
    expect(result.restored.id).toBe(version.id);
    expect(result.before).toMatchObject({ kind: 'named', name: expect.stringMatching(/^Före återställning \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), restoreOf: { id: version.id, name: 'Ursprunglig' } });
    await until(() => JSON.stringify(actionPlanToJSON(watcher.doc)) === JSON.stringify(original), 10_000, 'the restore at the watcher');
    expect(actionPlanToJSON(editorPeer.doc)).toEqual(original);
    // History is kept: the state before the restore is a version, and compares back exactly.
    const back = await s.viewer.json<{ changes: Change[] }>('GET', `${url}/compare?from=${result.before.id}&to=live`, undefined, 200);
    const forward = await s.viewer.json<{ changes: Change[] }>('GET', `${url}/compare?from=${version.id}&to=${result.before.id}`, undefined, 200);
    expect(back.changes.length).toBe(forward.changes.length);
    expect((await versions(s.viewer, s.documentId)).map((v) => v.name).slice(0, 2)).toEqual([result.before.name, 'Ursprunglig']);
    expect(await s.editor.json('GET', `${url}/compare?from=${version.id}&to=live`, undefined, 200)).toMatchObject({ changes: [] });
  });

  it('is refused to viewers (403) and for unknown versions (404 version.not-found)', async () => {
    const s = await planScene(server.url);
    const url = `/api/documents/${s.documentId}`;
    const version = await s.editor.json<Version>('POST', `${url}/versions`, { name: 'V' }, 201);
    expect((await s.viewer.request('POST', `${url}/versions/${version.id}/restore`)).status).toBe(403);
    expect(await s.editor.json('POST', `${url}/versions/nope/restore`, undefined, 404)).toMatchObject({ error: { code: 'version.not-found' } });
  });
});

describe('changes since the last visit', () => {
  it('lists what changed after "I have looked", and nothing before any visit', async () => {
    const s = await planScene(server.url);
    const url = `/api/documents/${s.documentId}`;
    expect(await s.viewer.json('GET', `${url}/changes?since=last-visit`, undefined, 200)).toEqual({ changes: [], from: { kind: 'none', at: null }, to: { at: new Date(now).toISOString() } });
    const visitedAt = new Date(now).toISOString();
    expect((await s.viewer.request('POST', `${url}/visits`)).status).toBe(204);
    const peer = await peerOf(s.editor, s.documentId);
    const { a11, goal1 } = smalandIds(peer.doc);
    // The edit a minute after the visit (an edit in the same millisecond is part of "that moment").
    now += MINUTE;
    updateItem(peer.doc, 'activities', a11, { budget: 500_000_00 });
    await eventually(async () => (await budgetOf(s.viewer, s.documentId, '1.1')) === 500_000_00, 10_000, 'the edit');
    const since = await s.viewer.json<{ changes: Change[]; from: unknown; totals: { before: { activities: number }; after: { activities: number } } }>('GET', `${url}/changes?since=last-visit`, undefined, 200);
    expect(since.from).toEqual({ kind: 'visit', at: visitedAt });
    expect(since.changes).toEqual([
      expect.objectContaining({ op: 'changed', collection: 'goals', id: goal1, field: 'budget', before: 534_500_00, after: 614_500_00 }),
      expect.objectContaining({ op: 'changed', collection: 'activities', id: a11, field: 'budget', before: 420_000_00, after: 500_000_00 }),
    ]);
    expect(since.totals.after.activities - since.totals.before.activities).toBe(80_000_00);
    // Someone else's visit is theirs: the editor never looked, so nothing is "new" for them.
    expect(await s.editor.json('GET', `${url}/changes?since=last-visit`, undefined, 200)).toMatchObject({ changes: [] });
    // By time: a moment before the plan existed, so everything is added.
    const early = await s.viewer.json<{ changes: Change[]; from: unknown }>('GET', `${url}/changes?since=${encodeURIComponent(new Date(Date.parse(visitedAt) - MINUTE).toISOString())}`, undefined, 200);
    expect(early.from).toEqual({ kind: 'empty', at: null });
    expect(early.changes.every((c) => c.op === 'added')).toBe(true);
    const atVisit = await s.viewer.json<{ changes: Change[]; from: unknown }>('GET', `${url}/changes?since=${encodeURIComponent(visitedAt)}`, undefined, 200);
    expect(atVisit.changes).toEqual(since.changes);
    expect(await s.viewer.json('GET', `${url}/changes?since=igår`, undefined, 400)).toMatchObject({ error: { code: 'validation' } });
  });
});

describe('automatic versions', () => {
  it('are made 10 minutes after the last edit, on the injected clock (the timing rules: tests/unit/auto-versions.test.ts)', async () => {
    const s = await planScene(server.url);
    const peer = await peerOf(s.editor, s.documentId);
    const { a11 } = smalandIds(peer.doc);
    const edit = async (budget: number) => {
      updateItem(peer.doc, 'activities', a11, { budget });
      await eventually(async () => (await budgetOf(s.viewer, s.documentId, '1.1')) === budget, 10_000, 'the edit');
    };
    const editedAt = now;
    await edit(1_00);
    now = editedAt + 9 * MINUTE;
    await edit(2_00); // within the quiet period: it starts again
    const lastEdit = now;
    now = lastEdit + 10 * MINUTE;
    await eventually(async () => (await versions(s.viewer, s.documentId)).some((v) => v.kind === 'auto'), 10_000, 'an automatic version');
    const autos = (await versions(s.viewer, s.documentId)).filter((v) => v.kind === 'auto');
    // Made once, at the end of the quiet period after the *last* edit, by nobody.
    expect(autos).toEqual([expect.objectContaining({ createdAt: new Date(lastEdit + 10 * MINUTE).toISOString(), createdBy: null, decision: null })]);
    const content = await s.viewer.json<{ goals: Array<{ activities: Array<{ number: string; budget: number }> }> }>('GET', `/api/documents/${s.documentId}/versions/${autos[0]?.id}/export.json`, undefined, 200);
    expect(content.goals[0]?.activities[0]?.budget).toBe(2_00);
  });
});
