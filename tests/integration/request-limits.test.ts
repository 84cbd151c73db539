/**
 * Every expensive route has a bound (DESIGN "Limits every boundary enforces"; docs/security.md
 * "Bounded requests"), table by route: past it 429 `rate-limited`, 503 `export.busy` or 409,
 * with `Retry-After` on the ones worth retrying. Deterministic: the server's clock stands
 * still (no rate-limit token comes back mid-test), and where a bound is about requests
 * running at once, the first ones are held open at a gate the test controls.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExportPool } from '../../server/export/export-pool.js';
import type { ExportRequest } from '../../server/export/build-export.js';
import { ApiClient, email } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NOW = Date.parse('2027-03-01T10:00:00Z');
const LIMITS = { exportThreads: 1, exportQueue: 8, exportsPerUser: 2, duplicatesPerMinute: 2, documentsPerWorkspace: 3, historyPerMinute: 3, roundsPerDocument: 2, roundsPerMinute: 3, workspacesPerAccount: 50, creationsPerHour: 100_000 };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: LIMITS }, { now: () => NOW, today: () => '2027-03-01' });
});
afterAll(async () => {
  await server?.stop();
});

/** A coordinator with a workspace holding the Småland plan. */
async function coordinatorWithPlan(): Promise<{ api: ApiClient; ws: string; plan: string }> {
  const api = new ApiClient(server.url);
  await api.signup(email('samordnare'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Gränser' }, 201)).id;
  const imported = await api.request('POST', `/api/workspaces/${ws}/import`, readSample('handlingsplan-smaland.tsv'), { 'content-type': 'text/tab-separated-values' });
  return { api, ws, plan: ((await imported.json()) as { id: string }).id };
}

async function errorOf(response: Response): Promise<{ status: number; code: string; retryAfter: string | null }> {
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code ?? '', retryAfter: response.headers.get('retry-after') };
}

const activitiesOf = async (api: ApiClient, plan: string) =>
  (await api.json<{ goals: Array<{ activities: Array<{ id: string }> }> }>('GET', `/api/documents/${plan}/export.json`, undefined, 200)).goals.flatMap((g) => g.activities.map((a) => a.id));

const round = (items: string[]) => ({ title: 'Prioritera', items: items.slice(0, 3).map((id) => ({ collection: 'activities', id })), dotsPerPerson: 3, anonymous: false });

describe('the bound of each route, one past it', () => {
  it.each([
    [
      'POST duplicate: DOCUMENTS_PER_WORKSPACE',
      async () => {
        const { api, plan } = await coordinatorWithPlan();
        for (const title of ['Kopia 1', 'Kopia 2']) await api.json('POST', `/api/documents/${plan}/duplicate`, { title }, 201);
        return api.request('POST', `/api/documents/${plan}/duplicate`, { title: 'Kopia 3' });
      },
      { status: 409, code: 'workspace.full', retryAfter: null },
    ],
    [
      'POST duplicate: DUPLICATES_PER_MINUTE per person',
      async () => {
        const { api, plan } = await coordinatorWithPlan();
        const copies = [];
        for (const title of ['Kopia 1', 'Kopia 2']) copies.push(await api.json<{ id: string }>('POST', `/api/documents/${plan}/duplicate`, { title }, 201));
        // Room in the workspace again; the person's duplicates of this minute are still spent.
        await api.request('DELETE', `/api/documents/${copies[0]?.id ?? ''}`);
        return api.request('POST', `/api/documents/${plan}/duplicate`, { title: 'Kopia 3' });
      },
      { status: 429, code: 'rate-limited', retryAfter: expect.stringMatching(/^\d+$/) },
    ],
    [
      'GET history: HISTORY_REQUESTS_PER_MINUTE per person',
      async () => {
        const { api, plan } = await coordinatorWithPlan();
        for (let i = 0; i < LIMITS.historyPerMinute; i++) await api.json('GET', `/api/documents/${plan}/history`, undefined, 200);
        return api.request('GET', `/api/documents/${plan}/history`);
      },
      { status: 429, code: 'rate-limited', retryAfter: expect.stringMatching(/^\d+$/) },
    ],
    [
      'POST rounds: ROUNDS_PER_DOCUMENT',
      async () => {
        const { api, plan } = await coordinatorWithPlan();
        const items = await activitiesOf(api, plan);
        for (let i = 0; i < LIMITS.roundsPerDocument; i++) await api.json('POST', `/api/documents/${plan}/rounds`, round(items), 201);
        return api.request('POST', `/api/documents/${plan}/rounds`, round(items));
      },
      { status: 409, code: 'round.limit', retryAfter: null },
    ],
    [
      'POST rounds: ROUNDS_PER_MINUTE per person',
      async () => {
        const { api, plan } = await coordinatorWithPlan();
        const items = await activitiesOf(api, plan);
        for (let i = 0; i < LIMITS.roundsPerDocument; i++) await api.json('POST', `/api/documents/${plan}/rounds`, round(items), 201);
        // A copy has room for rounds (and the same activity ids); the person's third round this minute is the last.
        const copy = (await api.json<{ id: string }>('POST', `/api/documents/${plan}/duplicate`, { title: 'Kopia' }, 201)).id;
        await api.json('POST', `/api/documents/${copy}/rounds`, round(items), 201);
        return api.request('POST', `/api/documents/${copy}/rounds`, round(items));
      },
      { status: 429, code: 'rate-limited', retryAfter: expect.stringMatching(/^\d+$/) },
    ],
  ] as const)('%s', async (_route, past, expected) => {
    expect(await errorOf(await past())).toEqual(expected);
  });
});

describe('workspace export: one at a time per workspace and per person, four per server', () => {
  it('a second export of the same workspace or by the same person is 429; a fifth on the server 503', async () => {
    // Every export is held open at its first document until the test lets them go.
    const store = server.deps.rooms.store;
    const load = store.load.bind(store);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const spy = vi.spyOn(store, 'load').mockImplementation(async (id) => (await gate, load(id)));
    try {
      const scenes = await Promise.all(Array.from({ length: 5 }, () => coordinatorWithPlan()));
      const running = await Promise.all(scenes.slice(0, 4).map(({ api, ws }) => api.request('GET', `/api/workspaces/${ws}/export`)));
      expect(running.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const [first, , , , fifth] = scenes;
      if (!first || !fifth) throw new Error('no scenes');
      expect(await errorOf(await first.api.request('GET', `/api/workspaces/${first.ws}/export`))).toEqual({ status: 429, code: 'rate-limited', retryAfter: '30' });
      expect(await errorOf(await fifth.api.request('GET', `/api/workspaces/${fifth.ws}/export`))).toEqual({ status: 503, code: 'export.busy', retryAfter: '30' });
      open();
      const bodies = await Promise.all(running.map(async (r) => JSON.parse(await r.text()) as { documents: unknown[] }));
      expect(bodies.map((b) => b.documents.length)).toEqual([1, 1, 1, 1]);
      // Finished: the same person may export again.
      expect((await first.api.request('GET', `/api/workspaces/${first.ws}/export`)).status).toBe(200);
    } finally {
      open();
      spy.mockRestore();
    }
  }, 60_000);
});

describe('history: readers arriving together share one catch-up', () => {
  it('thirty catch-ups asked at once are one pass, not thirty', async () => {
    const history = server.deps.history;
    const asked = Array.from({ length: 30 }, () => history.catchUp());
    // None has started (each waits its turn on the chain), so all join the first.
    expect(new Set(asked).size).toBe(1);
    await Promise.all(asked);
    // Done: the next caller gets a pass of its own (it may have edits the last one missed).
    expect(history.catchUp()).not.toBe(asked[0]);
  });
});

describe('export pool: per person and per server', () => {
  const request = (): ExportRequest => ({ documentId: 'd', updates: [new Uint8Array([0, 0])], format: 'xlsx', today: '2027-03-01', locale: 'sv' });

  it('a person past EXPORTS_PER_USER running exports gets 429; someone else still gets theirs', async () => {
    const pool = new ExportPool({ perUser: 2 });
    const runs = [pool.run(request(), 'anna'), pool.run(request(), 'anna')];
    await expect(pool.run(request(), 'anna')).rejects.toMatchObject({ status: 429, code: 'rate-limited', headers: { 'Retry-After': '5' } });
    const erik = pool.run(request(), 'erik');
    // An empty document has no kind: each fails as unreadable, in the thread, after admission.
    for (const run of [...runs, erik]) await expect(run).rejects.toMatchObject({ status: 500 });
    await expect(pool.run(request(), 'anna')).rejects.toMatchObject({ status: 500 });
  }, 60_000);

  it('past the queue: 503 export.busy with Retry-After', async () => {
    const pool = new ExportPool({ concurrency: 1, queue: 1 });
    const runs = [pool.run(request(), 'a'), pool.run(request(), 'b')];
    await expect(pool.run(request(), 'c')).rejects.toMatchObject({ status: 503, code: 'export.busy', headers: { 'Retry-After': '10' } });
    for (const run of runs) await expect(run).rejects.toMatchObject({ status: 500 });
  }, 60_000);

  it('files are built in a thread however small the document; JSON of a small one here', async () => {
    const pool = new ExportPool();
    const { createDocument } = await import('../../shared/model/document.js');
    const Y = await import('yjs');
    const update = () => Y.encodeStateAsUpdate(createDocument('action-plan', { title: 'Liten' }));
    const file = await pool.run({ ...request(), updates: [update()], format: 'csv' });
    const json = await pool.run({ ...request(), updates: [update()], format: 'json' });
    expect(file.threadId).toBeGreaterThan(0);
    expect(json.threadId).toBe(0);
  }, 60_000);
});
