/**
 * DESIGN "Many processes": `/healthz` and `/readyz`, `X-Samplan-Process` on every answer
 * and websocket upgrade, and SIGTERM draining (no new sockets, open ones closed 1012 after
 * their writes are stored).
 */
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email, newDocument } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { spawnServer, startTestServer, tempDataDir } from '../support/server.js';
import { browserHeaders, connectPeer, synced, until } from '../support/yclient.js';

/**
 * Tests that start server processes through tsx (twice, with a restart): a start took 39 s on
 * this 2-core machine at load 20, longer on PostgreSQL runs (migrations, cluster listeners).
 * A bound on a hang, not a speed check.
 */
const SPAWNED_TIMEOUT = 120_000;

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The upgrade's HTTP answer: status and the process header (101 on success). */
function upgradeAnswer(url: string, cookie: string): Promise<{ status: number; process: string | undefined }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: browserHeaders(url, cookie) });
    ws.once('upgrade', (response) => {
      resolve({ status: 101, process: response.headers['x-samplan-process'] as string | undefined });
      ws.close();
    });
    ws.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, process: response.headers['x-samplan-process'] as string | undefined });
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe('probes and the process header', () => {
  it.each([
    ['/healthz', 200],
    ['/readyz', 200],
    ['/api/health', 200],
    ['/api/no-such-route', 404],
    ['/api/me', 401],
  ])('GET %s → %i, naming the process', async (path, status) => {
    const server = await startTestServer({ processName: 'samplan-test-a' });
    try {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('x-samplan-process')).toBe('samplan-test-a');
      // no-store is the probes' own: other answers keep their caching.
      expect(response.headers.get('cache-control') === 'no-store').toBe(path === '/healthz' || path === '/readyz');
    } finally {
      await server.stop();
    }
  });

  it('a draining process answers /readyz 503, refuses upgrades 503, and /healthz stays 200', async () => {
    const server = await startTestServer({ processName: 'samplan-test-b' });
    try {
      const { api, id } = await newDocument(server.url, 'drain', 'action-plan', 'Plan');
      const url = `${server.url.replace(/^http/, 'ws')}/ws/${id}`;
      expect(await upgradeAnswer(url, api.sessionCookie)).toEqual({ status: 101, process: 'samplan-test-b' });

      server.deps.readiness.drain();
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ok: false, reason: 'draining', process: 'samplan-test-b' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await upgradeAnswer(url, api.sessionCookie)).toEqual({ status: 503, process: 'samplan-test-b' });
    } finally {
      await server.stop();
    }
  });
});

describe('SIGTERM', () => {
  it('closes sockets with 1012, keeps every edit a client saw, and exits 0', async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    const { url, child } = await spawnServer(dataDir, { SAMPLAN_PROCESS: 'samplan-sigterm' });
    const { api, id } = await newDocument(url, 'sigterm', 'action-plan', 'Plan');
    const editor = connectPeer(url, id, { cookie: api.sessionCookie });
    const watcher = connectPeer(url, id, { cookie: api.sessionCookie });
    await Promise.all([synced(editor), synced(watcher)]);
    const closes: number[] = [];
    editor.provider.ws?.addEventListener('close', (event) => closes.push(event.code));
    for (let i = 1; i <= 20; i++) addGoal(editor.doc, { number: String(i), title: `Mål ${i}` });
    await until(() => actionPlanToJSON(watcher.doc).goals.length === 20);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(closes).toEqual([1012]);
    editor.destroy();
    watcher.destroy();

    const restarted = await startTestServer({ dataDir });
    try {
      const reader = connectPeer(restarted.url, id, { cookie: api.sessionCookie });
      await synced(reader);
      expect(actionPlanToJSON(reader.doc).goals).toHaveLength(20);
      reader.destroy();
    } finally {
      await restarted.stop();
    }
  }, SPAWNED_TIMEOUT);

  it('keeps answering while it drains (/readyz 503, upgrades 503), and a request already running gets its answer', async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    const { url, child } = await spawnServer(dataDir, { DRAIN_SECONDS: '30', SHUTDOWN_REQUEST_SECONDS: '30' });
    const api = new ApiClient(url);
    await api.signup(email('drain-import'));
    const space = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Drain' }, 201)).id;
    const { id } = await newDocument(url, 'drain-ws', 'action-plan', 'Plan');
    const table = Buffer.from(readSample('handlingsplan-smaland.tsv'));
    // An import whose body is half sent when the signal comes: running, not yet answerable.
    let started: (upload: ReturnType<typeof httpRequest>) => void = () => undefined;
    const sending = new Promise<ReturnType<typeof httpRequest>>((resolve) => (started = resolve));
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const upload = httpRequest(`${url}/api/workspaces/${space}/import?title=Under%20avslut`, {
        method: 'POST',
        headers: { cookie: api.sessionCookie, 'content-type': 'text/tab-separated-values', 'content-length': String(table.length) },
      });
      upload.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      upload.on('error', reject);
      upload.write(table.subarray(0, 100));
      started(upload);
    });
    const upload = await sending;
    child.kill('SIGTERM');
    // Still listening, saying it is going: what a balancer needs to see (a long drain, so no race).
    for (let ready = 200; ready !== 503; ) ready = (await fetch(`${url}/readyz`)).status;
    expect(await upgradeAnswer(`${url.replace(/^http/, 'ws')}/ws/${id}`, api.sessionCookie)).toMatchObject({ status: 503 });
    upload.end(table.subarray(100));
    const imported = await answer;
    expect(imported.status).toBe(201);
    // Stored: it survives the process (killed here rather than waiting out the drain).
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    const restarted = await startTestServer({ dataDir });
    try {
      const { id: importedId } = JSON.parse(imported.body) as { id: string };
      expect((await fetch(`${restarted.url}/api/documents/${importedId}`, { headers: { cookie: api.sessionCookie } })).status).toBe(200);
    } finally {
      await restarted.stop();
    }
  }, SPAWNED_TIMEOUT);
});
