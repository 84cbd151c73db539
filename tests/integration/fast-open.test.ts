/**
 * Fast open: a compacted document is served to joiners as its stored snapshot before the
 * server has applied it. Joiners still converge with everyone, edits still land, and a
 * snapshot that cannot be applied closes the room (1011) without anything written over it.
 */
import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { SCHEMA_VERSION } from '../../shared/model/kinds.js';
import { newDocument } from '../support/api.js';
import { startTestServer, tempDataDir, type TestServer } from '../support/server.js';
import { sqlRows, sqlRun } from '../support/sql.js';
import { browserHeaders, connectPeer, synced, until } from '../support/yclient.js';

const dataDir = tempDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The first message a raw socket receives: [message type, sync step]. */
function firstMessage(url: string, cookie: string): Promise<{ kind: [number, number]; code: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: browserHeaders(url, cookie) });
    const code = new Promise<number>((done) => ws.on('close', (c) => done(c)));
    ws.once('message', (data: Buffer) => resolve({ kind: [data[0] ?? -1, data[1] ?? -1], code }));
    ws.on('error', reject);
    code.then((c) => reject(new Error(`closed with ${c} before any message`)));
  });
}

const STEP1: [number, number] = [0, 0];
const STEP2: [number, number] = [0, 1];

/** Makes the stored document `data` as a snapshot alone, written at `schemaVersion`. */
async function storeSnapshotOnly(server: TestServer, id: string, data: Uint8Array, schemaVersion: number | null): Promise<void> {
  const kdb = server.deps.kdb;
  await sqlRun(kdb, 'DELETE FROM document_updates WHERE document_id = ?', id);
  await sqlRun(kdb, 'INSERT INTO document_snapshots (document_id, data, last_update_id, updated_at, schema_version) VALUES (?, ?, 0, 0, ?)', id, Buffer.from(data), schemaVersion);
}

const wsUrl = (server: TestServer, id: string) => `${server.url.replace(/^http/, 'ws')}/ws/${id}`;

async function restart(server: TestServer): Promise<TestServer> {
  await server.stop();
  return startTestServer({ dataDir });
}

describe('fast open', () => {
  it('serves a compacted document before applying it, and stays one live document', async () => {
    let server = await startTestServer({ dataDir });
    const { api, id: plan } = await newDocument(server.url, 'fast', 'action-plan', 'Snabb');
    const writer = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    await synced(writer);
    for (let i = 0; i < 20; i++) addGoal(writer.doc, { number: String(i), title: `Mål ${i}` });
    const expected = actionPlanToJSON(writer.doc);
    const live = await server.deps.rooms.read(plan);
    await until(() => actionPlanToJSON(live).goals.length === 20, 10_000, 'the server has every goal');
    writer.destroy();
    // Shutting down compacts every room: the plan is now its snapshot alone.
    server = await restart(server);
    try {
      const first = await firstMessage(wsUrl(server, plan), api.sessionCookie);
      expect(first.kind).toEqual(STEP2);

      const a = connectPeer(server.url, plan, { cookie: api.sessionCookie });
      const b = connectPeer(server.url, plan, { cookie: api.sessionCookie });
      await Promise.all([synced(a), synced(b)]);
      expect(actionPlanToJSON(a.doc)).toEqual(expected);
      // Edits after a fast open are stored and relayed like any other.
      addGoal(a.doc, { number: '99', title: 'Nytt mål' });
      await until(() => actionPlanToJSON(b.doc).goals.length === 21, 10_000, 'b sees the new goal');
      const exported = await server.deps.rooms.read(plan);
      expect(actionPlanToJSON(exported).goals.map((g) => g.title)).toContain('Nytt mål');
      a.destroy();
      b.destroy();
    } finally {
      await server.stop();
    }
  });

  it('opens a snapshot of unknown schema version the full way', async () => {
    const server = await startTestServer({ dataDir });
    try {
      const { api, id: plan } = await newDocument(server.url, 'old', 'agenda', 'Gammal');
      await storeSnapshotOnly(server, plan, Y.encodeStateAsUpdate(await server.deps.rooms.read(plan)), null);
      const first = await firstMessage(wsUrl(server, plan), api.sessionCookie);
      expect(first.kind).toEqual(STEP1);
    } finally {
      await server.stop();
    }
  });

  it('closes the room with 1011 when a current snapshot cannot be applied, and then opens it the full way', async () => {
    const server = await startTestServer({ dataDir });
    try {
      const { api, id: plan } = await newDocument(server.url, 'broken', 'agenda', 'Trasig');
      await storeSnapshotOnly(server, plan, Buffer.from([1, 2, 3, 4, 250, 251]), SCHEMA_VERSION);
      const rows = () => sqlRows(server.deps.kdb, 'SELECT data FROM document_snapshots WHERE document_id = ?', plan);
      const before = await rows();
      const url = wsUrl(server, plan);
      const first = await firstMessage(url, api.sessionCookie);
      expect(first.kind).toEqual(STEP2);
      expect(await first.code).toBe(1011);
      // From then on the document is opened the full way: refused before anything is sent.
      await expect(firstMessage(url, api.sessionCookie)).rejects.toThrow('closed with 1011');
      expect(await rows()).toEqual(before);
    } finally {
      await server.stop();
    }
  });
});
