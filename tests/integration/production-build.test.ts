/**
 * Issue 21 item 1: the server built to JavaScript (scripts/build-server.mjs) runs with
 * plain `node`, no tsx loader: it answers, syncs a document over the websocket, and its
 * worker threads (the plan-table import) load their compiled modules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { buildServer } from '../../scripts/build-server.mjs';
import { ApiClient, email } from '../support/api.js';
import { tempDataDir } from '../support/server.js';
import { connectPeer, synced, until } from '../support/yclient.js';

// Inside the repository, so the built files find node_modules as a deployment would.
const OUT = `dist/test-build-${process.pid}`;
const dataDir = tempDataDir();
let child: ChildProcess;
let url: string;

/** Starts `node <OUT>/server/main.js` and waits for its "listening" line. */
function startBuilt(): Promise<string> {
  child = spawn(process.execPath, [join(OUT, 'server/main.js')], {
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`built server exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  await buildServer(OUT);
  url = await startBuilt();
}, 60_000);
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(OUT, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('runs without the TypeScript loader', () => {
    expect(child.spawnargs.join(' ')).not.toContain('tsx');
  });

  it('syncs a document between two clients', async () => {
    const api = new ApiClient(url);
    await api.signup(email('built'));
    const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Byggd' }, 201)).id;
    const doc = await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201);
    const [a, b] = [connectPeer(url, doc.id, { cookie: api.sessionCookie }), connectPeer(url, doc.id, { cookie: api.sessionCookie })];
    await Promise.all([synced(a), synced(b)]);
    addGoal(a.doc, { number: '1', title: 'Byggt mål' });
    await until(() => actionPlanToJSON(b.doc).goals.length === 1);
    a.destroy();
    b.destroy();
  });

  it('imports a plan table in its compiled worker thread', async () => {
    const api = new ApiClient(url);
    await api.signup(email('built-import'));
    const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Import' }, 201)).id;
    const table = readFileSync('shared/samples/handlingsplan-smaland.tsv', 'utf8');
    const response = await api.request('POST', `/api/workspaces/${ws}/import`, table, { 'content-type': 'text/tab-separated-values' });
    expect(response.status).toBe(201);
  });
});
