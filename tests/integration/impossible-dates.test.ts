/**
 * Issue 17 U1 at the API boundary: a date written right but naming a day the calendar lacks
 * is refused with "Datumet … finns inte", not as a wrong format — here the decision date
 * of an adopted version, the one date an HTTP route takes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let plan = '';

beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  api = new ApiClient(server.url);
  await api.json('POST', '/api/auth/login', { email: 'anna@demo.samplan.se', password: DEMO_PASSWORD }, 200);
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  plan = ws.documents.find((d) => d.kind === 'action-plan')?.id ?? '';
});
afterAll(async () => {
  await server.stop();
});

const adopt = (date: string) => api.request('POST', `/api/documents/${plan}/versions`, { name: 'Antagen', decision: { body: 'Kommunfullmäktige', date, reference: '§ 42' } });

describe('decision date of a version', () => {
  it.each(['2027-02-30', '2027-02-29', '2026-02-29', '2027-04-31', '2100-02-29'])('%s: 400 "Datumet … finns inte."', async (date) => {
    const response = await adopt(date);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('validation');
    expect(error.message).toBe(`decision.date: Datumet ${date} finns inte.`);
  });

  // A month or day out of range is not a date that "does not exist" but unreadable text (issue 17 follow-up).
  it.each(['snart', '2027-3-5', '15.3.2027', '', '2027-03-15T00:00', '2027-13-01', '2027-00-10', '2027-01-32', '2027-01-00'])('%j: 400 with the format', async (date) => {
    const response = await adopt(date);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('decision.date: Datumet ska skrivas ÅÅÅÅ-MM-DD.');
  });

  it.each(['2028-02-29', '2000-02-29', '2027-12-31'])('%s: a real date is accepted', async (date) => {
    expect((await adopt(date)).status).toBe(201);
  });
});
