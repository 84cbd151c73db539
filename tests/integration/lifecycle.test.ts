/**
 * Document lifecycle (issue 20 item 4; DESIGN "Audit and exports"): rename, duplicate,
 * archive, delete and undelete over the API with every role, and what they mean for open
 * y-websocket clients: a rename arrives live, an archived document refuses writes, a
 * deleted one closes its sockets 4404 and is 404 everywhere, the trash keeps it 30 days on
 * the injected clock and then the sweep purges it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON } from '../../shared/model/action-plan.js';
import type { Clock } from '../../server/context.js';
import { sweepTrash, TRASH_MS } from '../../server/lifecycle/trash.js';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { ApiClient, email } from '../support/api.js';
import { planScene, type PlanScene } from '../support/plan-scene.js';
import { openRaw } from '../support/raw-socket.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount, sqlRows } from '../support/sql.js';
import { stillServed } from '../support/session-sockets.js';
import { closeCodeOf, connectPeer, synced, until, type Peer } from '../support/yclient.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let s: PlanScene;
let outsider: ApiClient;
const peers: Peer[] = [];

beforeAll(async () => {
  // Sessions outlive the 30 days the trash test moves the clock on.
  server = await startTestServer({ sessionAbsoluteMs: 365 * DAY, sessionIdleMs: 365 * DAY }, clock);
  s = await planScene(server.url);
  outsider = new ApiClient(server.url);
  await outsider.signup(email('outsider'));
});
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});
afterAll(async () => {
  await server?.stop();
});

async function newPlan(title = 'Plan'): Promise<string> {
  return (await s.coordinator.json<{ id: string }>('POST', `/api/workspaces/${s.workspace}/documents`, { kind: 'action-plan', title }, 201)).id;
}

async function peerOf(api: ApiClient, documentId: string): Promise<Peer> {
  const peer = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  peers.push(peer);
  await synced(peer);
  return peer;
}

const wsUrl = (documentId: string) => `${server.url.replace(/^http/, 'ws')}/ws/${documentId}`;
const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);
const exportOf = (api: ApiClient, documentId: string) => api.json<ReturnType<typeof actionPlanToJSON>>('GET', `/api/documents/${documentId}/export.json`, undefined, 200);

type Who = 'coordinator' | 'editor' | 'viewer' | 'outsider';
const client = (who: Who): ApiClient => (who === 'outsider' ? outsider : s[who]);

/** Each route, what it needs, and the status each role gets (non-coordinators are tried first: the route may change the document). */
const ROUTES: Array<{ name: string; call: (api: ApiClient, doc: string) => Promise<Response>; expected: Record<Who, number>; deleted?: boolean }> = [
  { name: 'PATCH rename', call: (api, doc) => api.request('PATCH', `/api/documents/${doc}`, { title: 'Nytt namn' }), expected: { outsider: 404, viewer: 403, editor: 200, coordinator: 200 } },
  { name: 'POST duplicate', call: (api, doc) => api.request('POST', `/api/documents/${doc}/duplicate`, { title: 'Kopia' }), expected: { outsider: 404, viewer: 403, editor: 201, coordinator: 201 } },
  { name: 'POST archive', call: (api, doc) => api.request('POST', `/api/documents/${doc}/archive`), expected: { outsider: 404, viewer: 403, editor: 403, coordinator: 200 } },
  { name: 'POST unarchive', call: (api, doc) => api.request('POST', `/api/documents/${doc}/unarchive`), expected: { outsider: 404, viewer: 403, editor: 403, coordinator: 200 } },
  { name: 'DELETE', call: (api, doc) => api.request('DELETE', `/api/documents/${doc}`), expected: { outsider: 404, viewer: 403, editor: 403, coordinator: 204 } },
  { name: 'GET trash', call: (api) => api.request('GET', `/api/workspaces/${s.workspace}/trash`), expected: { outsider: 404, viewer: 403, editor: 403, coordinator: 200 } },
  { name: 'POST undelete', call: (api, doc) => api.request('POST', `/api/documents/${doc}/undelete`), expected: { outsider: 404, viewer: 403, editor: 403, coordinator: 200 }, deleted: true },
];

describe('roles', () => {
  it.each(ROUTES)('$name: coordinator/editor/viewer/non-member get $expected', async ({ call, expected, deleted }) => {
    const doc = await newPlan();
    if (deleted) await s.coordinator.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    const seen: Record<string, number> = {};
    for (const who of ['outsider', 'viewer', 'editor', 'coordinator'] as const) {
      const response = await call(client(who), doc);
      seen[who] = response.status;
      if (response.status >= 400) expect((await response.json()) as unknown).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(seen).toEqual(expected);
  });

  it('every route is 401 without a session', async () => {
    const doc = await newPlan();
    for (const { call } of ROUTES) expect((await call(new ApiClient(server.url), doc)).status).toBe(401);
  });

  it.each([[{}], [{ title: '' }], [{ title: '   ' }], [{ title: 'x'.repeat(201) }], [{ title: 5 }]])('rename refuses %j with 400 validation', async (body) => {
    const doc = await newPlan();
    const response = await s.editor.request('PATCH', `/api/documents/${doc}`, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation' } });
  });

  it.each([[{ title: 'Kopia', amounts: 'no' }], [{ amounts: false }]])('duplicate refuses %j with 400 validation', async (body) => {
    const response = await s.editor.request('POST', `/api/documents/${s.documentId}/duplicate`, body);
    expect(response.status).toBe(400);
  });
});

describe('rename', () => {
  it('sets the listing and meta.title, which open clients see live', async () => {
    const doc = await newPlan('Gammalt namn');
    const peer = await peerOf(s.viewer, doc);
    const answer = await s.editor.json<{ title: string }>('PATCH', `/api/documents/${doc}`, { title: '  Handlingsplan 2029  ' }, 200);
    expect(answer.title).toBe('Handlingsplan 2029');
    await until(() => peer.doc.getMap('meta').get('title') === 'Handlingsplan 2029', 10_000, 'title arrives live');
    expect((await s.viewer.json<{ title: string }>('GET', `/api/documents/${doc}`, undefined, 200)).title).toBe('Handlingsplan 2029');
    const listing = await s.viewer.json<{ documents: Array<{ id: string; title: string }> }>('GET', `/api/workspaces/${s.workspace}`, undefined, 200);
    expect(listing.documents.find((d) => d.id === doc)?.title).toBe('Handlingsplan 2029');
  });
});

describe('duplicate', () => {
  const money = (json: ReturnType<typeof actionPlanToJSON>) => [
    ...json.goals.flatMap((g) => g.activities.map((a) => a.budget)),
    ...json.costs.map((c) => c.amount),
    json.budget.frame,
    json.budget.frameWithIncome,
    json.budget.spentBefore,
  ];

  it('with amounts: false copies everything but money, which is null; without versions', async () => {
    await s.editor.json('POST', `/api/documents/${s.documentId}/versions`, { name: 'Före kopian' }, 201);
    const source = await exportOf(s.viewer, s.documentId);
    expect(money(source).some((m) => m !== null)).toBe(true);
    const copy = await s.editor.json<{ id: string; kind: string; title: string }>('POST', `/api/documents/${s.documentId}/duplicate`, { title: 'Mall 2029', amounts: false }, 201);
    expect(copy).toEqual({ id: expect.any(String), kind: 'action-plan', title: 'Mall 2029' });
    const json = await exportOf(s.viewer, copy.id);
    expect(json.title).toBe('Mall 2029');
    expect(money(json).every((m) => m === null)).toBe(true);
    const strip = (j: typeof json) => j.goals.map((g) => [g.number, g.title, g.activities.map((a) => [a.number, a.title, a.responsible, a.start, a.end])]);
    expect(strip(json)).toEqual(strip(source));
    expect(json.costs.map((c) => c.label)).toEqual(source.costs.map((c) => c.label));
    expect((await s.viewer.json<{ versions: unknown[] }>('GET', `/api/documents/${copy.id}/versions`, undefined, 200)).versions).toEqual([]);
    const listing = await s.viewer.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${s.workspace}`, undefined, 200);
    expect(listing.documents.map((d) => d.id)).toContain(copy.id);
  });

  it('keeps the amounts by default, and the copy is independent: edits to one leave the other as it was', async () => {
    const source = await exportOf(s.viewer, s.documentId);
    const copy = await s.editor.json<{ id: string }>('POST', `/api/documents/${s.documentId}/duplicate`, { title: 'Kopia med belopp' }, 201);
    expect(money(await exportOf(s.viewer, copy.id))).toEqual(money(source));
    const peer = await peerOf(s.editor, copy.id);
    peer.doc.getMap('budget').set('frame', 1);
    peer.doc.getMap('meta').set('subtitle', 'Bara i kopian');
    await until(async () => (await storedUpdates(copy.id)) >= 2, 10_000, 'copy edit stored');
    const original = await peerOf(s.viewer, s.documentId);
    expect(original.doc.getMap('budget').get('frame')).toBe(source.budget.frame);
    expect(original.doc.getMap('meta').get('subtitle')).toBe(source.subtitle);
    expect((await exportOf(s.viewer, s.documentId)).budget.frame).toBe(source.budget.frame);
    expect((await exportOf(s.viewer, copy.id)).budget.frame).toBe(1);
  });

  it('resets the facilitation session, rounds and vote priorities', async () => {
    const doc = await newPlan('Med omröstning');
    await server.deps.rooms.change(doc, (live) => {
      const goals = live.getMap<Y.Map<unknown>>('goals');
      const goal = new Y.Map<unknown>();
      goals.set('g1', goal);
      goal.set('priority', 1);
      const session = live.getMap<unknown>('session');
      session.set('spotlight', { collection: 'goals', id: 'g1' });
      const rounds = new Y.Map<unknown>();
      session.set('rounds', rounds);
      rounds.set('r1', { title: 'Prio', status: 'closed' });
    });
    const copy = await s.editor.json<{ id: string }>('POST', `/api/documents/${doc}/duplicate`, { title: 'Utan omröstning' }, 201);
    const peer = await peerOf(s.viewer, copy.id);
    expect(peer.doc.getMap<Y.Map<unknown>>('goals').get('g1')?.get('priority')).toBeNull();
    expect(peer.doc.getMap('session').get('spotlight')).toBeNull();
    expect([...(peer.doc.getMap('session').get('rounds') as Y.Map<unknown>).keys()]).toEqual([]);
    const original = await peerOf(s.viewer, doc);
    expect(original.doc.getMap<Y.Map<unknown>>('goals').get('g1')?.get('priority')).toBe(1);
  });

  it('does not carry the old amounts in the copy’s stored bytes', async () => {
    const copy = await s.editor.json<{ id: string }>('POST', `/api/documents/${s.documentId}/duplicate`, { title: 'Utan belopp', amounts: false }, 201);
    const rows = await sqlRows<{ data: Uint8Array }>(server.deps.kdb, 'SELECT data FROM document_updates WHERE document_id = ?', copy.id);
    const numbers: unknown[] = [];
    for (const { data } of rows) {
      for (const struct of Y.decodeUpdate(new Uint8Array(data)).structs) {
        const content = (struct as { content?: { arr?: unknown[] } }).content;
        if (content?.arr) numbers.push(...content.arr.filter((v) => typeof v === 'number' && v > 100));
      }
    }
    expect(numbers).toEqual([]);
  });
});

describe('archive', () => {
  it('lists it apart, says why it is read-only, closes editors’ sockets (4403) and refuses websocket writes; unarchive undoes it', async () => {
    const doc = await newPlan('Arkivplan');
    const editorSocket = await openRaw(server.url, doc, s.editor.sessionCookie);
    expect(await stillServed(editorSocket)).toBe(true);
    await s.coordinator.json('POST', `/api/documents/${doc}/archive`, undefined, 200);
    expect(await editorSocket.closed).toBe(4403);

    const listing = await s.editor.json<{ documents: Array<{ id: string }>; archived: Array<{ id: string; archivedAt: string }> }>('GET', `/api/workspaces/${s.workspace}`, undefined, 200);
    expect(listing.documents.map((d) => d.id)).not.toContain(doc);
    expect(listing.archived).toContainEqual({ id: doc, kind: 'action-plan', title: 'Arkivplan', archivedAt: new Date(now).toISOString() });
    const info = await s.editor.json<{ readOnly: { code: string; message: string } | null }>('GET', `/api/documents/${doc}`, undefined, 200);
    expect(info.readOnly).toEqual({ code: 'document.archived', message: expect.stringContaining('arkiverat') });

    const writer = await openRaw(server.url, doc, s.editor.sessionCookie);
    const before = await storedUpdates(doc);
    writer.ws.send(syncMessage(SyncStep.Update, await titleUpdate(doc, 'Skriven i arkivet')));
    // Answered in order after the update: by then the server has handled (here: dropped) it.
    expect(await stillServed(writer)).toBe(true);
    expect(await storedUpdates(doc)).toBe(before);
    expect((await s.editor.request('PATCH', `/api/documents/${doc}`, { title: 'Nej' })).status).toBe(409);

    await s.coordinator.json('POST', `/api/documents/${doc}/unarchive`, undefined, 200);
    expect(await writer.closed).toBe(4403);
    expect((await s.editor.json<{ readOnly: unknown }>('GET', `/api/documents/${doc}`, undefined, 200)).readOnly).toBeNull();
    const again = await openRaw(server.url, doc, s.editor.sessionCookie);
    again.ws.send(syncMessage(SyncStep.Update, await titleUpdate(doc, 'Skriven efteråt')));
    await until(async () => (await storedUpdates(doc)) > before, 10_000, 'write stored after unarchive');
    again.ws.close();
  });

  it('is read-only also when the room was not loaded when it was archived (a fresh load)', async () => {
    const doc = await newPlan('Kall');
    await s.coordinator.json('POST', `/api/documents/${doc}/archive`, undefined, 200);
    await server.deps.rooms.closeAll();
    const info = await s.viewer.json<{ readOnly: { code: string } | null }>('GET', `/api/documents/${doc}`, undefined, 200);
    expect(info.readOnly?.code).toBe('document.archived');
  });
});

/** An update setting `meta.title` on top of the stored document, as a client would send. */
async function titleUpdate(documentId: string, title: string): Promise<Uint8Array> {
  const rows = await sqlRows<{ data: Uint8Array }>(server.deps.kdb, 'SELECT data FROM document_updates WHERE document_id = ? ORDER BY id', documentId);
  const doc = new Y.Doc();
  for (const { data } of rows) Y.applyUpdate(doc, new Uint8Array(data));
  const vector = Y.encodeStateVector(doc);
  doc.getMap('meta').set('title', title);
  return Y.encodeStateAsUpdate(doc, vector);
}

/** Every document route a member could reach: after a deletion each is 404 (the document does not exist for anyone). */
const DOCUMENT_GETS = ['', '/export.json', '/export.tsv', '/validation', '/versions', '/history', '/share-links', '/changes?since=last-visit', '/compare?from=live'];
const DOCUMENT_POSTS = ['/ticket', '/versions', '/visits', '/duplicate', '/archive', '/unarchive', '/share-links'];

describe('delete, trash, undelete, purge', () => {
  it('is 404 for everyone over HTTP and the websocket; open clients are closed with 4404', async () => {
    const doc = await newPlan('Ska bort');
    const peer = await peerOf(s.editor, doc);
    const closed = new Promise<number>((resolve) => peer.provider.ws?.addEventListener('close', (event) => resolve((event as unknown as { code: number }).code)));
    await s.coordinator.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    expect(await closed).toBe(4404);
    for (const who of ['coordinator', 'editor', 'viewer', 'outsider'] as const) {
      for (const path of DOCUMENT_GETS) expect([path, (await client(who).request('GET', `/api/documents/${doc}${path}`)).status]).toEqual([path, 404]);
      for (const path of DOCUMENT_POSTS) expect([path, (await client(who).request('POST', `/api/documents/${doc}${path}`, {})).status]).toEqual([path, 404]);
      expect(await closeCodeOf(wsUrl(doc), { cookie: client(who).sessionCookie })).toBe(4404);
    }
    expect((await s.coordinator.request('DELETE', `/api/documents/${doc}`)).status).toBe(404);
    const listing = await s.coordinator.json<{ documents: Array<{ id: string }>; archived: Array<{ id: string }> }>('GET', `/api/workspaces/${s.workspace}`, undefined, 200);
    expect([...listing.documents, ...listing.archived].map((d) => d.id)).not.toContain(doc);
  });

  it('a share link of a deleted document opens nothing', async () => {
    const doc = await newPlan('Delad');
    const { url } = await s.coordinator.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Nämnden' }, 201);
    const token = new URL(url).pathname.replace('/s/', '');
    await s.coordinator.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    expect((await new ApiClient(server.url).request('GET', `/api/shared/${token}`)).status).toBe(404);
  });

  it('lists it in the trash with who and when, restores it within 30 days, and after 30 days it is gone for good', async () => {
    const kept = await newPlan('Återställs');
    const lost = await newPlan('Rensas');
    await s.coordinator.json('DELETE', `/api/documents/${kept}`, undefined, 204);
    await s.coordinator.json('DELETE', `/api/documents/${lost}`, undefined, 204);
    const { documents: trash } = await s.coordinator.json<{ documents: Array<Record<string, unknown>> }>('GET', `/api/workspaces/${s.workspace}/trash`, undefined, 200);
    expect(trash).toContainEqual({
      id: kept,
      kind: 'action-plan',
      title: 'Återställs',
      deletedAt: new Date(now).toISOString(),
      deletedBy: { id: expect.any(String), name: expect.any(String) },
      purgeAt: new Date(now + TRASH_MS).toISOString(),
    });

    now += 29 * DAY;
    expect(await sweepTrash(server.deps, now)).toBe(0);
    expect(await s.coordinator.json('POST', `/api/documents/${kept}/undelete`, undefined, 200)).toMatchObject({ id: kept, title: 'Återställs' });
    expect((await s.viewer.request('GET', `/api/documents/${kept}`)).status).toBe(200);
    expect(await stillServed(await openRaw(server.url, kept, s.editor.sessionCookie))).toBe(true);

    now += 1 * DAY;
    // Past its 30 days: no longer offered, not restorable, even before the sweep has run.
    expect((await s.coordinator.request('POST', `/api/documents/${lost}/undelete`)).status).toBe(404);
    const later = await s.coordinator.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${s.workspace}/trash`, undefined, 200);
    expect(later.documents.map((d) => d.id)).not.toContain(lost);
    // Rooms of documents deleted earlier in this file are still loaded (their 30 s idle time
    // has not passed on the real clock, while 30 days have on the injected one): stored first.
    await server.deps.rooms.closeAll();
    expect(await sweepTrash(server.deps, now)).toBeGreaterThanOrEqual(1);
    expect(await sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM documents WHERE id = ?', lost)).toBe(0);
    expect(await storedUpdates(lost)).toBe(0);
    expect(await sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM documents WHERE id = ?', kept)).toBe(1);
  });

  it('undelete of a document that is not deleted is 404', async () => {
    const doc = await newPlan();
    expect((await s.coordinator.request('POST', `/api/documents/${doc}/undelete`)).status).toBe(404);
  });
});
