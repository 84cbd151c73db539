/**
 * Workspace export (issue 20 item 5; DESIGN "Audit and exports": `GET /api/workspaces/:ws/export`):
 * every document that is not deleted, as its export.json, with every version's metadata and
 * export; coordinators only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { planScene, type PlanScene } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until } from '../support/yclient.js';

interface ExportedDocument {
  id: string;
  kind: string;
  title: string;
  archived: boolean;
  export: { id: string; kind: string; title: string; budget?: { frame: number | null }; totals?: unknown; issues: unknown[] } | null;
  versions: Array<{ id: string; name: string; kind: string; createdAt: string; createdBy: { name: string } | null; decision: unknown; export: { title: string; budget?: { frame: number | null } } }>;
}
interface WorkspaceExport {
  exportedAt: string;
  workspace: { id: string; name: string };
  documents: ExportedDocument[];
}

let server: TestServer;
let s: PlanScene;
beforeAll(async () => {
  server = await startTestServer();
  s = await planScene(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('roles', () => {
  it.each([
    ['coordinator', 200],
    ['editor', 403],
    ['viewer', 403],
  ] as const)('%s gets %i', async (who, status) => {
    const response = await s[who].request('GET', `/api/workspaces/${s.workspace}/export`);
    // Read to the end, as a download does: a workspace's export runs one at a time (docs/security.md "Bounded requests").
    await response.arrayBuffer();
    expect(response.status).toBe(status);
  });

  it('a non-member gets 404 and no session 401', async () => {
    const outsider = new ApiClient(server.url);
    await outsider.signup(email('outsider'));
    expect((await outsider.request('GET', `/api/workspaces/${s.workspace}/export`)).status).toBe(404);
    expect((await new ApiClient(server.url).request('GET', `/api/workspaces/${s.workspace}/export`)).status).toBe(401);
  });
});

describe('content', () => {
  it('holds every live and archived document with its export and its versions as they were; deleted ones are left out', async () => {
    const plan = s.documentId;
    const live = await s.coordinator.json<{ budget: { frame: number | null } }>('GET', `/api/documents/${plan}/export.json`, undefined, 200);
    const version = await s.editor.json<{ id: string }>('POST', `/api/documents/${plan}/versions`, { name: 'Före ramändring' }, 201);
    const peer = connectPeer(server.url, plan, { cookie: s.editor.sessionCookie });
    await synced(peer);
    peer.doc.getMap('budget').set('frame', 123_456_00);
    await until(() => {
      const row = server.deps.db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ? AND user_id IS NOT NULL').get(plan) as { n: number };
      return row.n > 0;
    }, 10_000, 'edit stored');
    peer.destroy();

    const agenda = (await s.coordinator.json<{ id: string }>('POST', `/api/workspaces/${s.workspace}/documents`, { kind: 'agenda', title: 'Nätverksmöten' }, 201)).id;
    const archived = (await s.coordinator.json<{ id: string }>('POST', `/api/workspaces/${s.workspace}/documents`, { kind: 'strategy', title: 'Gammal strategi' }, 201)).id;
    await s.coordinator.json('POST', `/api/documents/${archived}/archive`, undefined, 200);
    const deleted = (await s.coordinator.json<{ id: string }>('POST', `/api/workspaces/${s.workspace}/documents`, { kind: 'agenda', title: 'Borttagen' }, 201)).id;
    await s.coordinator.json('DELETE', `/api/documents/${deleted}`, undefined, 204);

    const response = await s.coordinator.request('GET', `/api/workspaces/${s.workspace}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Smaland.json"; filename*=UTF-8''Sm%C3%A5land.json`);
    const body = (await response.json()) as WorkspaceExport;
    expect(body.workspace).toEqual({ id: s.workspace, name: 'Småland' });
    expect(body.documents.map((d) => [d.id, d.archived])).toEqual([
      [plan, false],
      [agenda, false],
      [archived, true],
    ]);
    const [planEntry, agendaEntry, strategyEntry] = body.documents;
    expect(planEntry?.export).toMatchObject({ id: plan, kind: 'action-plan', budget: { frame: 123_456_00 }, totals: expect.any(Object), issues: expect.any(Array) });
    expect(planEntry?.versions).toEqual([
      expect.objectContaining({ id: version.id, name: 'Före ramändring', kind: 'named', createdBy: expect.objectContaining({ name: 'Erik Redaktör' }), export: expect.objectContaining({ budget: expect.objectContaining({ frame: live.budget.frame }) }) }),
    ]);
    expect(agendaEntry).toMatchObject({ kind: 'agenda', title: 'Nätverksmöten', export: { kind: 'agenda', title: 'Nätverksmöten' }, versions: [] });
    expect(strategyEntry).toMatchObject({ kind: 'strategy', archived: true, export: { kind: 'strategy' } });
  });
});
