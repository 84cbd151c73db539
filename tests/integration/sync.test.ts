import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { actionPlanRoots, actionPlanToJSON, addGoal, allActivities, updateItem } from '../../shared/model/action-plan.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount, sqlRows, sqlRun } from '../support/sql.js';
import { browserHeaders, closeCodeOf, connectPeer, synced, until, type Peer } from '../support/yclient.js';

let server: TestServer;
let coordinator: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let ws: string;
let planId: string;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startTestServer({ maxMessageBytes: 64 * 1024 });
  coordinator = new ApiClient(server.url);
  await coordinator.signup(email('coordinator'));
  ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Live' }, 201)).id;
  viewer = new ApiClient(server.url);
  const viewerEmail = email('viewer');
  await viewer.signup(viewerEmail);
  await joinWorkspace(coordinator, viewer, ws, 'viewer', viewerEmail);
  outsider = new ApiClient(server.url);
  await outsider.signup(email('outsider'));
  const imported = await coordinator.request('POST', `/api/workspaces/${ws}/import`, readSample('handlingsplan-smaland.tsv'), {
    'content-type': 'text/tab-separated-values',
  });
  planId = ((await imported.json()) as { id: string }).id;
});

afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});

afterAll(async () => {
  await server.stop();
});

function peer(api: ApiClient, documentId = planId): Peer {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  peers.push(p);
  return p;
}

const wsUrl = (documentId: string, query = '') => `${server.url.replace('http', 'ws')}/ws/${documentId}${query}`;
const goalTitles = (doc: Y.Doc) => actionPlanToJSON(doc).goals.map((g) => g.title);

describe('live rooms', () => {
  it('two providers co-edit and converge', async () => {
    const a = peer(coordinator);
    const b = peer(coordinator);
    await Promise.all([synced(a), synced(b)]);
    expect(actionPlanToJSON(a.doc).goals).toHaveLength(3);
    addGoal(a.doc, { number: '4', title: 'Från A' });
    addGoal(b.doc, { number: '5', title: 'Från B' });
    await until(() => goalTitles(a.doc).length === 5 && goalTitles(b.doc).length === 5, 10_000, 'both goals on both peers');
    expect(actionPlanToJSON(a.doc)).toEqual(actionPlanToJSON(b.doc));
  });

  it('applies nothing a viewer sends, while the viewer still receives updates and awareness', async () => {
    const editor = peer(coordinator);
    const watcher = peer(viewer);
    await Promise.all([synced(editor), synced(watcher)]);
    addGoal(watcher.doc, { number: '99', title: 'Viewer was here' });
    editor.provider.awareness.setLocalStateField('editing', 'goals:1:title');
    addGoal(editor.doc, { number: '6', title: 'Editor was here' });
    await until(() => goalTitles(watcher.doc).includes('Editor was here'), 10_000, 'viewer receives the edit');
    await until(() => [...watcher.provider.awareness.getStates().values()].some((s) => s.editing === 'goals:1:title'), 10_000, 'viewer receives awareness');
    const fresh = peer(coordinator);
    await synced(fresh);
    expect(goalTitles(fresh.doc)).toContain('Editor was here');
    expect(goalTitles(fresh.doc)).not.toContain('Viewer was here');
    expect(goalTitles(editor.doc)).not.toContain('Viewer was here');
  });

  it('refuses sockets without a session (4401), to non-members and to unknown documents alike (4404)', async () => {
    expect(await closeCodeOf(wsUrl(planId))).toBe(4401);
    expect(await closeCodeOf(wsUrl(planId), { cookie: 'samplan_session=forged' })).toBe(4401);
    expect(await closeCodeOf(wsUrl(planId), { cookie: outsider.sessionCookie })).toBe(4404);
    expect(await closeCodeOf(wsUrl('00000000-0000-0000-0000-000000000000'), { cookie: coordinator.sessionCookie })).toBe(4404);
  });

  it('accepts a ticket once, only for its document', async () => {
    const { ticket } = await coordinator.json<{ ticket: string }>('POST', `/api/documents/${planId}/ticket`, undefined, 200);
    const p = connectPeer(server.url, planId, { ticket });
    peers.push(p);
    await synced(p);
    expect(await closeCodeOf(wsUrl(planId, `?ticket=${ticket}`))).toBe(4401);
    const other = await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'A' }, 201);
    const { ticket: second } = await coordinator.json<{ ticket: string }>('POST', `/api/documents/${planId}/ticket`);
    expect(await closeCodeOf(wsUrl(other.id, `?ticket=${second}`))).toBe(4401);
  });

  it('closes only the socket that sends garbage, a corrupt update or an oversized frame', async () => {
    const a = peer(coordinator);
    const b = peer(coordinator);
    await Promise.all([synced(a), synced(b)]);
    const cookie = { cookie: coordinator.sessionCookie };
    const garbage = await closeCodeOf(wsUrl(planId), cookie, (s) => s.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])));
    expect(garbage).toBe(1007);
    const unknownType = await closeCodeOf(wsUrl(planId), cookie, (s) => s.send(Buffer.from([7, 1, 2])));
    expect(unknownType).toBe(1007);
    // A sync "update" message whose payload is a truncated Yjs update.
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'x'.repeat(100));
    const update = Y.encodeStateAsUpdate(doc);
    const truncated = Buffer.concat([Buffer.from([0, 2]), Buffer.from([update.length]), Buffer.from(update.slice(0, update.length / 2))]);
    expect(await closeCodeOf(wsUrl(planId), cookie, (s) => s.send(truncated))).toBe(1007);
    expect(await closeCodeOf(wsUrl(planId), cookie, (s) => s.send('text frame'))).toBe(1007);
    expect(await closeCodeOf(wsUrl(planId), cookie, (s) => s.send(Buffer.alloc(65 * 1024)))).toBe(1009);

    addGoal(a.doc, { number: '7', title: 'Still alive' });
    await until(() => goalTitles(b.doc).includes('Still alive'), 10_000, 'other sockets carry on');
  });

  it('merges an edit made while offline when the client reconnects', async () => {
    const a = peer(coordinator);
    const b = peer(coordinator);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    const id = [...actionPlanRoots(a.doc).activities.keys()][0] ?? '';
    updateItem(a.doc, 'activities', id, { budget: 123_456 });
    addGoal(b.doc, { number: '8', title: 'Online edit' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    a.provider.connect();
    await until(() => goalTitles(a.doc).includes('Online edit'), 10_000, 'reconnected peer receives');
    const budgetOf = (doc: Y.Doc) => allActivities(actionPlanToJSON(doc)).find((a) => a.id === id)?.budget;
    await until(() => budgetOf(b.doc) === 123_456, 10_000, 'offline edit arrives');
  });

  it('holds a client to its own awareness id', async () => {
    const a = peer(coordinator);
    const b = peer(coordinator);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    await until(() => b.provider.awareness.getStates().has(a.doc.clientID), 10_000, 'b sees a');
    // A raw client that claims its own id, then tries to overwrite A's presence.
    const raw = new WebSocket(wsUrl(planId), { headers: browserHeaders(wsUrl(planId), coordinator.sessionCookie) });
    await new Promise((resolve) => raw.on('open', resolve));
    const { encodeAwarenessEntries, awarenessMessage } = await import('../../server/sync/protocol.js');
    raw.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 4242, clock: 1, state: '{"tag":"Raw"}' }])));
    raw.send(awarenessMessage(encodeAwarenessEntries([{ clientId: a.doc.clientID, clock: 999, state: '{"tag":"Forged"}' }])));
    // The server takes one socket's messages in order and relays them to b in order: once b
    // sees the raw client's next state, the forged one was handled (a pause here could end
    // before a slow server got to it, and pass with the forgery relayed).
    raw.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 4242, clock: 2, state: '{"tag":"After"}' }])));
    await until(() => b.provider.awareness.getStates().get(4242)?.tag === 'After', 10_000, 'raw presence after the forgery');
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.tag).toBeUndefined();
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name).toBeTruthy();
    raw.close();
  });

  it('rate-limits awareness: a flood from one client reaches the others as its burst, no more', async () => {
    // Time stands still for this server, so its awareness budget (a burst of 20, then 10 a
    // second; server/sync/socket-client.ts) never refills: exactly the burst is relayed,
    // however long a loaded machine takes to pass the 200 messages on.
    const frozen = Date.now();
    const local = await startTestServer({}, { now: () => frozen, today: () => new Date(frozen).toISOString().slice(0, 10) });
    let observer: Peer | undefined;
    let raw: WebSocket | undefined;
    try {
      const api = new ApiClient(local.url);
      await api.signup(email('flood'));
      const space = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Flod' }, 201)).id;
      const plan = (await api.json<{ id: string }>('POST', `/api/workspaces/${space}/documents`, { kind: 'action-plan', title: 'P' }, 201)).id;
      observer = connectPeer(local.url, plan, { cookie: api.sessionCookie });
      await synced(observer);
      const url = `${local.url.replace('http', 'ws')}/ws/${plan}`;
      raw = new WebSocket(url, { headers: browserHeaders(url, api.sessionCookie) });
      await new Promise((resolve) => raw?.on('open', resolve));
      const { encodeAwarenessEntries, awarenessMessage, SyncStep, syncMessage } = await import('../../server/sync/protocol.js');
      let seen = 0;
      observer.provider.awareness.on('change', ({ updated, added }: { updated: number[]; added: number[] }) => {
        if ([...updated, ...added].includes(777)) seen++;
      });
      for (let clock = 1; clock <= 200; clock++) {
        raw.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 777, clock, state: JSON.stringify({ flood: clock }) }])));
      }
      // Then an edit on the same socket: the server handles one socket's messages in order and
      // sends the observer what it relays in order, so once the edit arrives every awareness
      // message before it was handled and whatever of them was relayed has arrived.
      const edit = new Y.Doc();
      Y.applyUpdate(edit, Y.encodeStateAsUpdate(observer.doc));
      const known = Y.encodeStateVector(edit);
      edit.getMap('meta').set('subtitle', 'efter floden');
      raw.send(syncMessage(SyncStep.Update, Y.encodeStateAsUpdate(edit, known)));
      const watcher = observer;
      await until(() => watcher.doc.getMap('meta').get('subtitle') === 'efter floden', 20_000, 'the edit after the flood');
      expect(seen).toBe(20);
    } finally {
      // Closed before the server stops: a server stopping with a client still open waits for it.
      raw?.close();
      observer?.destroy();
      await local.stop();
    }
  });

  it('closes a member’s sockets when they are removed from the workspace', async () => {
    const removedEmail = email('removed');
    const removed = new ApiClient(server.url);
    const user = await removed.signup(removedEmail);
    await joinWorkspace(coordinator, removed, ws, 'editor', removedEmail);
    const socket = new WebSocket(wsUrl(planId), { headers: browserHeaders(wsUrl(planId), removed.sessionCookie) });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.on('message', resolve));
    await coordinator.request('DELETE', `/api/workspaces/${ws}/members/${user.id}`);
    expect(await closed).toBe(4403);
  });
});

describe('storage', () => {
  it('never writes over stored content it could not load: the socket closes with 1011', async () => {
    const doc = await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Trasig' }, 201);
    const kdb = server.deps.kdb;
    await sqlRun(kdb, 'INSERT INTO document_snapshots (document_id, data, last_update_id, updated_at) VALUES (?, ?, 0, 0)', doc.id, Buffer.from([1, 2, 3, 4, 250, 251]));
    const rows = () => sqlRows(kdb, 'SELECT data FROM document_updates WHERE document_id = ? UNION ALL SELECT data FROM document_snapshots WHERE document_id = ?', doc.id, doc.id);
    const before = await rows();
    expect(await closeCodeOf(wsUrl(doc.id), { cookie: coordinator.sessionCookie })).toBe(1011);
    expect(await rows()).toEqual(before);
    // Other documents are unaffected.
    const p = peer(coordinator);
    await synced(p);
  });

  it('compacts the update log into a snapshot and reloads the same document after a restart', async () => {
    const local = await startTestServer({ compactAfterUpdates: 20, roomIdleMs: 50 });
    const api = new ApiClient(local.url);
    await api.signup(email('compact'));
    const space = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'C' }, 201)).id;
    const plan = (await api.json<{ id: string }>('POST', `/api/workspaces/${space}/documents`, { kind: 'action-plan', title: 'P' }, 201)).id;
    const p = connectPeer(local.url, plan, { cookie: api.sessionCookie });
    await synced(p);
    for (let i = 0; i < 45; i++) addGoal(p.doc, { number: String(i), title: `Mål ${i}` });
    const expected = actionPlanToJSON(p.doc);
    const count = () => sqlCount(local.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', plan);
    const snapshots = () => sqlCount(local.deps.kdb, 'SELECT COUNT(*) AS n FROM document_snapshots WHERE document_id = ?', plan);
    await until(async () => (await count()) < 20 && (await snapshots()) === 1, 10_000, 'compaction');
    p.destroy();
    await until(() => local.deps.rooms.loadedCount === 0, 10_000, 'idle room unloaded');
    expect(await count()).toBe(0);
    expect(await sqlCount(local.deps.kdb, 'SELECT CAST(SUM(updates) AS BIGINT) AS n FROM document_edits WHERE document_id = ?', plan)).toBeGreaterThanOrEqual(45);
    await local.close();

    const restarted = await startTestServer({ dataDir: local.dataDir });
    try {
      // The session cookie from before the restart still works.
      const exported = await fetch(`${restarted.url}/api/documents/${plan}/export.json`, { headers: { cookie: api.sessionCookie } });
      expect(exported.status).toBe(200);
      const json = (await exported.json()) as { goals: unknown[] };
      expect(json.goals).toEqual(expected.goals);
    } finally {
      await restarted.stop();
      rmSync(local.dataDir, { recursive: true, force: true });
    }
  });
});
