/**
 * An archived document refuses server-side writes also when its room was not in memory:
 * a room opened from a stored snapshot learns that it is read-only only once the snapshot
 * is applied (fast open), and a rename asked before that must still be refused (409).
 * Found by a user test: archive, then rename within a second of a cold document.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { newDocument } from '../support/api.js';
import { startTestServer, tempDataDir } from '../support/server.js';
import { connectPeer, synced } from '../support/yclient.js';

const dataDir = tempDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('an archived document that is not in memory', () => {
  it('refuses a rename (409) and keeps its title', async () => {
    const first = await startTestServer({ dataDir });
    const { api, id } = await newDocument(first.url, 'cold-archive', 'action-plan', 'Plan');
    const peer = connectPeer(first.url, id, { cookie: api.sessionCookie });
    await synced(peer);
    for (let i = 1; i <= 5; i++) addGoal(peer.doc, { number: String(i), title: `Mål ${i}` });
    peer.destroy();
    // Shutdown stores every room as a snapshot: the next server opens it fast, unapplied.
    await first.close();

    const second = await startTestServer({ dataDir });
    const call = (method: string, body?: unknown) =>
      fetch(`${second.url}/api/documents/${id}${method === 'POST' ? '/archive' : ''}`, {
        method,
        headers: { cookie: api.sessionCookie, 'content-type': 'application/json', origin: second.url },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    try {
      expect((await call('POST', {})).status).toBe(200);
      expect((await call('PATCH', { title: 'Nytt namn' })).status).toBe(409);
      const info = (await (await call('GET')).json()) as { title: string };
      expect(info.title).toBe('Plan');
    } finally {
      await second.stop();
    }
  });
});
