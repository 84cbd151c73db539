/**
 * The currency of every new action plan follows its workspace's country (user test u11: a
 * plan made in a Norwegian workspace said SEK): every path that creates a document x SE/NO,
 * asserting the stored document's `meta.currency` as export.json reads it back. A currency
 * the request or the table states wins (DESIGN "The plan table": `?currency=`, else the
 * header's language), and so does the one a copied plan already has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ApiClient, email } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

type Country = 'SE' | 'NO';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
});
afterAll(async () => {
  await server.stop();
});

/** A new person with a new workspace made for `country`. */
async function workspaceIn(country: Country): Promise<{ api: ApiClient; ws: string }> {
  const api = new ApiClient(server.url);
  await api.signup(email(`w3-${country}`));
  const created = await api.json<{ id: string }>('POST', '/api/workspaces', { name: `Nettverk ${country}`, country }, 201);
  const read = await api.json<{ country: string }>('GET', `/api/workspaces/${created.id}`, undefined, 200);
  expect(read.country).toBe(country);
  return { api, ws: created.id };
}

async function storedCurrency(api: ApiClient, id: string): Promise<string> {
  return (await api.json<{ currency: string }>('GET', `/api/documents/${id}/export.json`, undefined, 200)).currency;
}

const created = (api: ApiClient, ws: string) => api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Handlingsplan' }, 201);

async function imported(api: ApiClient, ws: string, sample: Parameters<typeof readSample>[0], query = ''): Promise<{ id: string }> {
  const type = sample.endsWith('.csv') ? 'text/csv' : 'text/tab-separated-values';
  const response = await api.request('POST', `/api/workspaces/${ws}/import?title=Import${query}`, readSample(sample), { 'content-type': type });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

const duplicated = (api: ApiClient, id: string) => api.json<{ id: string }>('POST', `/api/documents/${id}/duplicate`, { title: 'Kopia' }, 201);

/** Each path that makes an action plan, and the currency it must store in a workspace of each country. */
const PATHS: Array<[string, (api: ApiClient, ws: string) => Promise<{ id: string }>, Record<Country, string>]> = [
  ['POST …/documents (kind action-plan)', created, { SE: 'SEK', NO: 'NOK' }],
  ['import of a Swedish table (the header’s language states SEK)', (api, ws) => imported(api, ws, 'handlingsplan-smaland.tsv'), { SE: 'SEK', NO: 'SEK' }],
  ['import of a Norwegian table (states NOK)', (api, ws) => imported(api, ws, 'handlingsplan-innherred.csv'), { SE: 'NOK', NO: 'NOK' }],
  ['import with ?currency=EUR', (api, ws) => imported(api, ws, 'handlingsplan-innherred.csv', '&currency=EUR'), { SE: 'EUR', NO: 'EUR' }],
  ['import with ?currency=NOK of a Swedish table', (api, ws) => imported(api, ws, 'handlingsplan-smaland.tsv', '&currency=NOK'), { SE: 'NOK', NO: 'NOK' }],
  ['duplicate of a plan made there', async (api, ws) => duplicated(api, (await created(api, ws)).id), { SE: 'SEK', NO: 'NOK' }],
  ['duplicate of a plan in euros', async (api, ws) => duplicated(api, (await imported(api, ws, 'handlingsplan-smaland.tsv', '&currency=EUR')).id), { SE: 'EUR', NO: 'EUR' }],
];

describe('the currency a new action plan is stored with', () => {
  it.each(PATHS.flatMap(([path, make, expected]) => (['SE', 'NO'] as const).map((country) => [path, country, make, expected[country]] as const)))(
    '%s in a %s workspace',
    async (_, country, make, currency) => {
      const { api, ws } = await workspaceIn(country);
      const { id } = await make(api, ws);
      expect(await storedCurrency(api, id)).toBe(currency);
    },
  );

  it('the demo plan, in the Swedish demo workspace, is in SEK', async () => {
    const api = new ApiClient(server.url);
    await api.json('POST', '/api/auth/login', { email: 'anna@demo.samplan.se', password: DEMO_PASSWORD }, 200);
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = await api.json<{ country: string; documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
    expect(ws.country).toBe('SE');
    expect(await storedCurrency(api, ws.documents.find((d) => d.kind === 'action-plan')?.id ?? '')).toBe('SEK');
  });

  it.each([['XYZ'], ['sek'], ['']])('an import stating the unknown currency %j is refused, no plan made', async (currency) => {
    const { api, ws } = await workspaceIn('NO');
    const response = await api.request('POST', `/api/workspaces/${ws}/import?currency=${currency}`, readSample('handlingsplan-innherred.csv'), { 'content-type': 'text/csv' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation');
    expect((await api.json<{ documents: unknown[] }>('GET', `/api/workspaces/${ws}`)).documents).toHaveLength(0);
  });

  it.each([['DK'], ['se'], [''], [46]])('a workspace for the country %j is refused (SE or NO)', async (country) => {
    const api = new ApiClient(server.url);
    await api.signup(email('w3-bad'));
    const response = await api.request('POST', '/api/workspaces', { name: 'X', country });
    expect(response.status).toBe(400);
  });

  it('GET /api/me lists each workspace with its country (user test u11 follow-up: it had none)', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('w3-me'));
    const made = await Promise.all(
      (['SE', 'NO'] as const).map(async (country) => ({ country, id: (await api.json<{ id: string }>('POST', '/api/workspaces', { name: `Nät ${country}`, country }, 201)).id })),
    );
    const { id: unstated } = await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nät utan land' }, 201);
    const me = await api.json<{ workspaces: Array<{ id: string; name: string; role: string; country: string }> }>('GET', '/api/me', undefined, 200);
    const listed = Object.fromEntries(me.workspaces.map((w) => [w.id, w]));
    for (const { country, id } of made) expect(listed[id]).toEqual({ id, name: `Nät ${country}`, role: 'coordinator', country });
    expect(listed[unstated]).toEqual({ id: unstated, name: 'Nät utan land', role: 'coordinator', country: 'SE' });
  });

  it('a workspace made without a country is Swedish, and its plans SEK', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('w3-none'));
    const { id: ws } = await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Utan land' }, 201);
    expect((await api.json<{ country: string }>('GET', `/api/workspaces/${ws}`)).country).toBe('SE');
    expect(await storedCurrency(api, (await created(api, ws)).id)).toBe('SEK');
  });
});
