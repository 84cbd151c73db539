/**
 * A query parameter given twice with different values is refused, naming it (red team:
 * `?currency=SEK&currency=NOK` on import silently took the first, so the plan was stored in
 * a currency the caller did not mean). The same value twice reads as once. Table: every
 * route that reads a query parameter x its parameters, repeated with different values (400
 * `validation` naming the parameter, nothing made) and with the same value (as once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.js';
import { planScene, type PlanScene } from '../support/plan-scene.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let s: PlanScene;
let version: string;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  s = await planScene(server.url);
  version = (await s.coordinator.json<{ id: string }>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Remiss' }, 201)).id;
  const link = await s.coordinator.json<{ url: string }>('POST', `/api/documents/${s.documentId}/share-links`, { label: 'Politiker' }, 201);
  token = new URL(link.url).pathname.replace(/^\/s\//, '');
});

afterAll(async () => {
  await server.stop();
});

const T1 = encodeURIComponent('2025-01-01T00:00:00Z');
const T2 = encodeURIComponent('2025-01-02T00:00:00Z');

/** A route, the query it reads, and two different values for each parameter. */
interface Case {
  route: string;
  ask: (query: string) => Promise<Response>;
  /** [name, value, another value] for each parameter the route reads. */
  params: Array<[string, () => string, () => string]>;
  ok: number;
  /** What the query needs besides `name` to be answered `ok`. */
  needs?: (name: string) => string;
}

const v = (value: string) => () => value;
const get = (path: () => string) => (query: string) => s.coordinator.request('GET', `${path()}?${query}`);
const guest = (path: string) => (query: string) => new ApiClient(server.url).request('GET', `/api/shared/${token}${path}?${query}`);
const LOCALE: Array<[string, () => string, () => string]> = [['locale', v('sv'), v('en')]];
const PERIOD: Array<[string, () => string, () => string]> = [['from', v(T1), v(T2)], ['to', v(T1), v(T2)]];

const CASES: Case[] = [
  {
    route: 'GET /documents/:doc/history',
    ask: get(() => `/api/documents/${s.documentId}/history`),
    ok: 200,
    params: [['collection', v('goals'), v('activities')], ['field', v('budget'), v('title')], ['id', v('a'), v('b')], ['user', v('a'), v('b')], ...PERIOD, ['limit', v('5'), v('7')]],
  },
  { route: 'GET /workspaces/:ws/audit', ask: get(() => `/api/workspaces/${s.workspace}/audit`), ok: 200, params: [['limit', v('5'), v('7')], ...PERIOD] },
  { route: 'GET /workspaces/:ws/export', ask: get(() => `/api/workspaces/${s.workspace}/export`), ok: 200, params: LOCALE },
  {
    route: 'POST /workspaces/:ws/import',
    ask: (query) => s.coordinator.request('POST', `/api/workspaces/${s.workspace}/import?${query}`, readSample('handlingsplan-smaland.tsv'), { 'content-type': 'text/tab-separated-values' }),
    ok: 201,
    params: [['currency', v('SEK'), v('NOK')], ['title', v('A'), v('B')]],
  },
  ...['json', 'tsv', 'xlsx', 'csv', 'docx'].map((format): Case => ({ route: `GET /documents/:doc/export.${format}`, ask: get(() => `/api/documents/${s.documentId}/export.${format}`), ok: 200, params: LOCALE })),
  { route: 'GET /documents/:doc/validation', ask: get(() => `/api/documents/${s.documentId}/validation`), ok: 200, params: LOCALE },
  { route: 'GET /documents/:doc/versions/:v/export.json', ask: get(() => `/api/documents/${s.documentId}/versions/${version}/export.json`), ok: 200, params: LOCALE },
  {
    route: 'GET /documents/:doc/compare',
    ask: get(() => `/api/documents/${s.documentId}/compare`),
    ok: 200,
    params: [['from', () => version, v('live')], ['to', v('live'), () => version]],
    needs: (name) => (name === 'from' ? '' : `from=${version}&`),
  },
  { route: 'GET /documents/:doc/changes', ask: get(() => `/api/documents/${s.documentId}/changes`), ok: 200, params: [['since', v(T1), v(T2)]] },
  { route: 'GET /shared/:token/export.json', ask: guest('/export.json'), ok: 200, params: LOCALE },
  { route: 'GET /shared/:token/changes', ask: guest('/changes'), ok: 200, params: [['since', v(T1), v(T2)]] },
];

describe.each(CASES)('$route', ({ ask, params, ok, needs }) => {
  it.each(params)('%s twice with different values: 400 validation naming it; the same value twice reads as once', async (name, one, other) => {
    const refused = await ask(`${needs?.(name) ?? ''}${name}=${one()}&${name}=${other()}`);
    const body = (await refused.json()) as { error?: { code: string; message: string } };
    expect({ status: refused.status, code: body.error?.code, message: body.error?.message }).toEqual({
      status: 400,
      code: 'validation',
      message: `${name}: anges flera gånger med olika värden; ange ett.`,
    });
    const twice = await ask(`${needs?.(name) ?? ''}${name}=${one()}&${name}=${one()}`);
    expect(twice.status).toBe(ok);
  });
});
