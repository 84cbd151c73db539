/**
 * Schema version 2 through the real server (DESIGN "Facilitation": the `session` map and
 * `priority` come by migration): a document stored by version 1 opens, is migrated once
 * (one stored migration update, none on later loads), keeps every field, and a y-websocket
 * client holding an offline version-1 copy with edits merges on reconnect, edits intact,
 * without its update being refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';
import { PRIORITY_COLLECTIONS, SCHEMA_VERSION, type DocumentKind } from '../../shared/model/kinds.js';
import { sessionToJSON } from '../../shared/model/session.js';
import { type ApiClient, teamWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlRow, sqlRows, sqlRun } from '../support/sql.js';
import { V1_CONTENT, version1Update } from '../support/v1-document.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';
import { wholeItem } from '../support/required-items.js';

let server: TestServer;
let coordinator: ApiClient;
let editor: ApiClient;
let ws: string;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ({ coordinator, ws, members: [editor] } = await teamWorkspace(server.url, 'Migrering', [['Erik Redaktör', 'editor']]));
});

afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});

afterAll(async () => {
  await server.stop();
});

const rows = (documentId: string) => sqlRows<{ userId: string | null }>(server.deps.kdb, 'SELECT user_id AS "userId" FROM document_updates WHERE document_id = ? ORDER BY id', documentId);

const snapshotVersion = async (documentId: string) =>
  (await sqlRow<{ v: number }>(server.deps.kdb, 'SELECT schema_version AS v FROM document_snapshots WHERE document_id = ?', documentId))?.v ?? null;

/** Stores `bytes` as one update of `documentId` with no author, as a version-1 server did. */
const storeUpdate = (documentId: string, bytes: Uint8Array) =>
  sqlRun(server.deps.kdb, 'INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES (?, ?, NULL, 0)', documentId, Buffer.from(bytes));

/** A document record whose stored content is exactly `bytes` (what a version-1 server stored). */
async function storedV1(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  const title = V1_CONTENT[kind].title;
  const { id } = await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind, title }, 201);
  await server.deps.rooms.closeAll();
  await sqlRun(server.deps.kdb, 'DELETE FROM document_snapshots WHERE document_id = ?', id);
  await sqlRun(server.deps.kdb, 'DELETE FROM document_updates WHERE document_id = ?', id);
  await storeUpdate(id, bytes);
  return id;
}

async function peer(api: ApiClient, documentId: string, offline?: Uint8Array): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  // What a browser does with its stored copy: load it into the doc before the socket syncs.
  if (offline) Y.applyUpdate(p.doc, offline);
  peers.push(p);
  await synced(p);
  return p;
}

/** The export without the fields version 2 added and the version itself. */
function withoutV2(json: DocumentJSON | null): unknown {
  return JSON.parse(JSON.stringify(json), (key, value: unknown) => (['priority', 'source', 'planActivity', 'schemaVersion'].includes(key) ? undefined : value));
}

describe.each<DocumentKind>(['action-plan', 'strategy', 'agenda'])('a %s stored by schema version 1', (kind) => {
  it('opens migrated, keeps every field, and is migrated once (one stored update, none on later loads)', async () => {
    const bytes = version1Update(kind, V1_CONTENT[kind]);
    const v1 = new Y.Doc();
    Y.applyUpdate(v1, bytes);
    const documentId = await storedV1(kind, bytes);
    const reader = await peer(coordinator, documentId);
    expect(reader.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(sessionToJSON(reader.doc)).toEqual({ spotlight: null, spotlightBy: null, timer: null, rounds: {} });
    for (const root of PRIORITY_COLLECTIONS[kind]) {
      for (const item of reader.doc.getMap<Y.Map<unknown>>(root).values()) expect(item.has('priority')).toBe(true);
    }
    expect(withoutV2(toJSON(reader.doc))).toEqual(withoutV2(toJSON(v1)));
    // The stored v1 content, then the server's one migration update (no author).
    expect(await rows(documentId)).toEqual([{ userId: null }, { userId: null }]);
    reader.destroy();
    await server.deps.rooms.closeAll();
    expect(await snapshotVersion(documentId)).toBe(SCHEMA_VERSION);
    // A later update on top of the snapshot takes the full load path (apply, migrate): nothing more is stored.
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(await server.deps.rooms.read(documentId)));
    const before = Y.encodeStateVector(later);
    later.getMap('meta').set('title', `${V1_CONTENT[kind].title} (ändrad)`);
    await storeUpdate(documentId, Y.encodeStateAsUpdate(later, before));
    // Then once more from the compacted snapshot (the fast path): still nothing stored.
    for (const stored of [1, 0]) {
      const again = await peer(coordinator, documentId);
      expect(again.doc.getMap('meta').get('title')).toBe(`${V1_CONTENT[kind].title} (ändrad)`);
      again.destroy();
      expect(await rows(documentId)).toHaveLength(stored);
      await server.deps.rooms.closeAll();
    }
  });
});

describe('an offline version-1 copy with edits', () => {
  it('merges after reconnect with its edits intact; its new item reads priority null', async () => {
    const bytes = version1Update('action-plan', V1_CONTENT['action-plan']);
    const documentId = await storedV1('action-plan', bytes);
    // A browser that synced the v1 document, then edited offline while the server was upgraded.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, bytes);
    const goals = offline.getMap<Y.Map<unknown>>('goals');
    const [, firstGoal] = [...goals.entries()][0] ?? [];
    const title = firstGoal?.get('title');
    if (title instanceof Y.Text) title.insert(0, 'Offline: ');
    // Every field of version 1, no `priority` (a version-1 client's add wrote them all; required-fields.ts).
    goals.set('added-offline', wholeItem('action-plan', 'goals', { number: '9', title: new Y.Text('Tillagd offline'), order: 'zz' }));
    const witness = await peer(coordinator, documentId);
    const returning = await peer(editor, documentId, Y.encodeStateAsUpdate(offline));
    let closed: number | null = null;
    returning.provider.ws?.addEventListener('close', (event) => (closed = event.code));
    await until(() => JSON.stringify(toJSON(witness.doc)).includes('Tillagd offline'), 10_000, 'the offline edits reach the witness');
    expect(closed).toBeNull();
    const json = await coordinator.json<{ goals: Array<{ id: string; title: string; priority: number | null }> }>('GET', `/api/documents/${documentId}/export.json`, undefined, 200);
    expect(json.goals.map((g) => [g.title, g.priority])).toEqual([
      ['Offline: Mål ett', null],
      ['Mål två', null],
      ['Tillagd offline', null],
    ]);
    expect(returning.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(toJSON(returning.doc)).toEqual(toJSON(witness.doc));
    // Offline again, now holding the migrated document: its next sync step 2 names every
    // deletion it knows, the migration's of the old `schemaVersion` value too. Not refused.
    // (A refused update closes the socket before it is applied: the edit would never arrive.)
    expect(closed).toBeNull();
    returning.provider.disconnect();
    returning.doc.getMap<Y.Map<unknown>>('goals').get('added-offline')?.set('number', '10');
    returning.provider.connect();
    await until(() => witness.doc.getMap<Y.Map<unknown>>('goals').get('added-offline')?.get('number') === '10', 10_000, 'the second offline edit arrives');
  });
});
