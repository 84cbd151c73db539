/**
 * A name the client chooses — a collection, kind, country, currency, locale, field — is
 * looked up as a plain own name on every route that reads one from the path or the query
 * (red team: `GET …/history?collection=__proto__` answered 200 with no entries, and so did
 * a misspelt `collection=activites`). Every name Object.prototype holds is refused or
 * ignored exactly as an unknown name is. Table: prototype names and one plain unknown name
 * × the routes that read such a name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let ws: string;
const docs: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('names'), 'Anna Samordnare');
  ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Namn' }, 201)).id;
  for (const kind of ['action-plan', 'strategy', 'agenda']) {
    docs[kind] = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind, title: kind }, 201)).id;
  }
});

afterAll(async () => {
  await server.stop();
});

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'okänd'];
const q = encodeURIComponent;

interface Answer {
  status: number;
  code?: string;
  message?: string;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  const body = (text.startsWith('{') ? JSON.parse(text) : {}) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, message: body.error?.message };
}

/** Each route that reads a name from its input, and what any name it does not know gets. */
const ROUTES: Array<{ route: string; send: (name: string) => Promise<Response>; expected: (name: string) => Answer }> = [
  ...Object.keys({ 'action-plan': 0, strategy: 0, agenda: 0 }).map((kind) => ({
    route: `GET /documents/:doc/history?collection= (${kind})`,
    send: (name: string) => api.request('GET', `/api/documents/${docs[kind]}/history?collection=${q(name)}`),
    expected: (name: string) => ({ status: 400, code: 'validation', message: expect.stringMatching(new RegExp(`^collection: .*${name.replace(/[_$]/g, '\\$&')}`)) as unknown as string }),
  })),
  {
    // Field names are open (a meta key is free): an unknown one has no entries, never a prototype's.
    route: 'GET /documents/:doc/history?field=',
    send: (name) => api.request('GET', `/api/documents/${docs['action-plan']}/history?field=${q(name)}`),
    expected: () => ({ status: 200 }),
  },
  {
    route: 'POST /workspaces/:ws/documents {kind}',
    send: (name) => api.request('POST', `/api/workspaces/${ws}/documents`, { kind: name, title: 'X' }),
    expected: () => ({ status: 400, code: 'validation', message: expect.stringContaining('kind') as unknown as string }),
  },
  {
    route: 'POST /workspaces {country}',
    send: (name) => api.request('POST', '/api/workspaces', { name: 'X', country: name }),
    expected: () => ({ status: 400, code: 'validation', message: expect.stringContaining('country') as unknown as string }),
  },
  {
    route: 'POST /workspaces/:ws/import?currency=',
    send: (name) => api.request('POST', `/api/workspaces/${ws}/import?currency=${q(name)}`, 'Plan\n', { 'content-type': 'text/tab-separated-values' }),
    expected: () => ({ status: 400, code: 'validation', message: expect.stringContaining('currency') as unknown as string }),
  },
  {
    // DESIGN: ?locale= else Accept-Language else sv: an unknown locale is no locale.
    route: 'GET /documents/:doc/export.json?locale=',
    send: (name) => api.request('GET', `/api/documents/${docs['action-plan']}/export.json?locale=${q(name)}`),
    expected: () => ({ status: 200 }),
  },
];

describe.each(ROUTES)('$route', ({ send, expected }) => {
  it.each(NAMES)('%s is answered as any unknown name', async (name) => {
    expect(await answer(await send(name))).toEqual(expect.objectContaining(expected(name)));
  });
});

describe('history: the collections a document has are answered', () => {
  const KNOWN: Array<[string, string[]]> = [
    ['action-plan', ['document', 'goals', 'activities', 'costs']],
    ['strategy', ['document', 'focusAreas', 'goals', 'indicators', 'measurements']],
    ['agenda', ['document', 'participants', 'meetings', 'items', 'decisions', 'actions', 'milestones']],
  ];
  it.each(KNOWN.flatMap(([kind, names]) => names.map((name) => [kind, name] as const)))('%s: %s is 200', async (kind, name) => {
    expect((await api.request('GET', `/api/documents/${docs[kind]}/history?collection=${name}`)).status).toBe(200);
  });

  it('a collection of another kind is refused, naming the ones this document has', async () => {
    const refused = await answer(await api.request('GET', `/api/documents/${docs.strategy}/history?collection=costs`));
    expect(refused).toEqual({ status: 400, code: 'validation', message: expect.stringContaining('focusAreas') as unknown as string });
  });
});
