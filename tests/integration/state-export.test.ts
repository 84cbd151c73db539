/**
 * A version's and a guest's export.json are built through the server's one export pool
 * (server/versions/state-export.ts; DESIGN "Limits every boundary enforces"): a big state is
 * decoded and validated in an export thread, never on the event loop the rooms share, and
 * counts against the same bounds as every other export. Their bodies are the live
 * export.json's shape (plus `version`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ExportPool } from '../../server/export/export-pool.js';
import type { ExportRequest } from '../../server/export/build-export.js';
import { ApiClient } from '../support/api.js';
import { planScene, type PlanScene } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let s: PlanScene;
beforeAll(async () => {
  server = await startTestServer({ limits: { ...loadConfig({}).limits, exportsPerUser: 1 } }, { now: () => Date.parse('2027-03-01T10:00:00Z'), today: () => '2027-03-01' });
  s = await planScene(server.url);
});
afterAll(async () => {
  await server?.stop();
});

const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/s\//, '');

describe('export.json of a version and of a share link', () => {
  it('go through the export pool, counted for the person or the link, with the live export shape', async () => {
    const run = vi.spyOn(ExportPool.prototype, 'run');
    try {
      const version = await s.editor.json<{ id: string; name: string }>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Remiss' }, 201);
      const link = await s.coordinator.json<{ id: string; url: string }>('POST', `/api/documents/${s.documentId}/share-links`, { label: 'Politiker' }, 201);
      const live = await s.viewer.json<Record<string, unknown>>('GET', `/api/documents/${s.documentId}/export.json?locale=sv`, undefined, 200);
      run.mockClear();
      const old = await s.viewer.json<Record<string, unknown>>('GET', `/api/documents/${s.documentId}/versions/${version.id}/export.json`, undefined, 200);
      const guest = await new ApiClient(server.url).json<Record<string, unknown>>('GET', `/api/shared/${tokenOf(link.url)}/export.json`, undefined, 200);
      const calls = run.mock.calls.map(([request, key]) => ({ format: (request as ExportRequest).format, documentId: (request as ExportRequest).documentId, key }));
      expect(calls).toEqual([
        { format: 'json', documentId: s.documentId, key: expect.any(String) },
        { format: 'json', documentId: s.documentId, key: `share:${link.id}` },
      ]);
      expect(old).toEqual({ ...live, version: expect.objectContaining({ id: version.id, name: 'Remiss' }) });
      expect(guest).toEqual(live);
    } finally {
      run.mockRestore();
    }
  });

  it("a version's export.json waits its turn with the person's other exports (429 past EXPORTS_PER_USER)", async () => {
    const version = await s.editor.json<{ id: string }>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Utkast' }, 201);
    // The person's first export is held in the pool, admitted and counted, until the test lets it go.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const pool = ExportPool.prototype as unknown as { build: (request: ExportRequest) => Promise<unknown> };
    const build = pool.build;
    const spy = vi.spyOn(pool, 'build').mockImplementationOnce(async function (this: ExportPool, request: ExportRequest) {
      await gate;
      return build.call(this, request);
    });
    try {
      const held = s.viewer.request('GET', `/api/documents/${s.documentId}/export.tsv`);
      await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
      const refused = await s.viewer.request('GET', `/api/documents/${s.documentId}/versions/${version.id}/export.json`);
      expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([429, 'rate-limited']);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      open();
      expect((await held).status).toBe(200);
      expect((await s.viewer.request('GET', `/api/documents/${s.documentId}/versions/${version.id}/export.json`)).status).toBe(200);
    } finally {
      open();
      spy.mockRestore();
    }
  });
});
