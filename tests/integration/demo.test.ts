import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/seed.js';
import { ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
});
afterAll(async () => {
  await server.stop();
});

describe('demo data on a fresh data dir', () => {
  it('lets each demo user log in with their role and open one document of each kind', async () => {
    for (const demo of DEMO_USERS) {
      const api = new ApiClient(server.url);
      await api.json('POST', '/api/auth/login', { email: demo.email, password: DEMO_PASSWORD }, 200);
      const me = await api.json<{ workspaces: Array<{ id: string; role: string }> }>('GET', '/api/me', undefined, 200);
      expect(me.workspaces).toHaveLength(1);
      expect(me.workspaces[0]?.role).toBe(demo.role);
      const workspace = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
      expect(workspace.documents.map((d) => d.kind).sort()).toEqual(['action-plan', 'agenda', 'strategy']);
      const plan = workspace.documents.find((d) => d.kind === 'action-plan');
      const exported = await api.json<{ totals: { planned: number } }>('GET', `/api/documents/${plan?.id}/export.json`, undefined, 200);
      expect(exported.totals.planned).toBe(3_281_250_00);
    }
  });
});
