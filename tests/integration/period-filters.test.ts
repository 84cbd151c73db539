/**
 * One rule for every period filter (issue 17 red-team F8): `GET …/audit` answered
 * `from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z` 200 `{entries:[]}` where history
 * answered 400 `validation`. Table: routes with from/to × periods — the same status, code and
 * message on each route (validation.ts withPeriod).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
const paths: Record<'audit' | 'history', string> = { audit: '', history: '' };

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('period'), 'Anna Samordnare');
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Perioder' }, 201)).id;
  const doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  paths.audit = `/api/workspaces/${ws}/audit`;
  paths.history = `/api/documents/${doc}/history`;
});

afterAll(async () => {
  await server.stop();
});

const LATER = '2027-01-01T00:00:00Z';
const EARLIER = '2026-01-01T00:00:00Z';
const ORDER = 'from: from får inte vara senare än to.';

const PERIODS: Array<[string, string, number, string | null]> = [
  ['from later than to', `from=${LATER}&to=${EARLIER}`, 400, ORDER],
  ['from later than to by one ms', 'from=2026-01-01T00:00:00.001Z&to=2026-01-01T00:00:00Z', 400, ORDER],
  ['the same instant in two offsets, from later', 'from=2026-01-01T01:00:00.001%2B01:00&to=2026-01-01T00:00:00Z', 400, ORDER],
  ['from equal to to', `from=${EARLIER}&to=${EARLIER}`, 200, null],
  ['from before to', `from=${EARLIER}&to=${LATER}`, 200, null],
  ['only from', `from=${LATER}`, 200, null],
  ['only to', `to=${EARLIER}`, 200, null],
  ['no period', '', 200, null],
  ['from not a time', `from=ig%C3%A5r&to=${LATER}`, 400, 'from: from ska vara en ISO 8601-tid, t.ex. 2027-03-01T14:02:00Z.'],
  ['to without an offset', 'to=2026-01-01T00:00:00', 400, 'to: to ska vara en ISO 8601-tid, t.ex. 2027-03-01T14:02:00Z.'],
];

describe.each(['audit', 'history'] as const)('GET …/%s', (route) => {
  it.each(PERIODS)('%s', async (_what, query, status, message) => {
    const response = await api.request('GET', `${paths[route]}?${query}`);
    const body = (await response.json()) as { entries?: unknown[]; error?: { code: string; message: string } };
    expect(response.status).toBe(status);
    if (message === null) expect(Array.isArray(body.entries)).toBe(true);
    else expect(body.error).toEqual({ code: 'validation', message });
  });
});
