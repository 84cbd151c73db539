/**
 * A server that shuts down tells every open websocket to come back (1012 Service Restart, DESIGN "Many processes"), whether its room is
 * loaded or not, and keeps what was edited before it went.
 */
import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { newDocument } from '../support/api.js';
import { startTestServer, tempDataDir } from '../support/server.js';
import { browserHeaders, connectPeer, synced, until } from '../support/yclient.js';

const dataDir = tempDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A raw socket to the document, and the close code it ends with. */
function rawSocket(url: string, cookie: string): { opened: Promise<void>; code: Promise<number> } {
  const ws = new WebSocket(url, { headers: browserHeaders(url, cookie) });
  return {
    opened: new Promise((resolve, reject) => {
      ws.once('message', () => resolve());
      ws.once('error', reject);
    }),
    code: new Promise((resolve) => ws.on('close', (code) => resolve(code))),
  };
}

describe('shutdown', () => {
  it('closes every websocket with 1012 and keeps the edits made before', async () => {
    let server = await startTestServer({ dataDir });
    const { api, id: plan } = await newDocument(server.url, 'shutdown', 'action-plan', 'Plan');

    const editor = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    const watcher = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    await Promise.all([synced(editor), synced(watcher)]);
    addGoal(editor.doc, { number: '1', title: 'Före avstängningen' });
    // Broadcast only once stored: when the watcher has it, so has the database.
    await until(() => actionPlanToJSON(watcher.doc).goals.length === 1);
    const url = `${server.url.replace(/^http/, 'ws')}/ws/${plan}`;
    const sockets = [rawSocket(url, api.sessionCookie), rawSocket(url, api.sessionCookie)];
    await Promise.all(sockets.map((s) => s.opened));

    await server.stop();
    expect(await Promise.all(sockets.map((s) => s.code))).toEqual([1012, 1012]);
    editor.destroy();
    watcher.destroy();

    server = await startTestServer({ dataDir });
    const reader = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    await synced(reader);
    expect(actionPlanToJSON(reader.doc).goals.map((g) => g.title)).toEqual(['Före avstängningen']);
    reader.destroy();
    await server.stop();
  });
});
