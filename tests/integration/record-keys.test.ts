/**
 * JSON object keys a client chooses are plain keys wherever the API reads them as a record
 * (issue 17 red-team F5): `{"dots":{"__proto__":1}}` was dropped by the schema and stored as an
 * empty ballot (204, the caller's vote withdrawn). Every name Object.prototype holds, and
 * `__proto__` holding an object, is refused 400 like any key that is not an item of the round,
 * and the ballot already stored stays as it was. Table: prototype names × record-taking routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let doc: string;
let goal: string;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('records'), 'Anna Samordnare');
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nycklar' }, 201)).id;
  doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  await server.deps.rooms.change(doc, (d) => {
    goal = addGoal(d, { number: '1', title: 'Mål' });
  });
});

afterAll(async () => {
  await server.stop();
});

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Raw JSON bodies (a JS object literal would turn `__proto__` into the prototype, not a key). */
const bodies = (name: string, item: string): Array<[string, string]> => [
  ['a number', `{"dots":{${JSON.stringify(name)}:1}}`],
  ['an object of dots', `{"dots":{${JSON.stringify(name)}:{${JSON.stringify(item)}:9}}}`],
  ['beside a real item', `{"dots":{${JSON.stringify(item)}:1,${JSON.stringify(name)}:1}}`],
];

/** Each route that reads client keys as a record: what it is sent and where its state is read back. */
const ROUTES = [
  {
    route: 'PUT /documents/:doc/rounds/:r/ballot',
    async setUp(): Promise<{ put: (body: string) => Promise<Response>; stored: () => Promise<unknown> }> {
      const items = [{ collection: 'goals', id: goal }];
      const round = (await api.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Runda', items, dotsPerPerson: 3, anonymous: false }, 201)).id;
      await api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: { [`goals:${goal}`]: 2 } }, 204);
      return {
        put: (body) => api.request('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, body, { 'content-type': 'application/json' }),
        stored: async () => {
          const view = await api.json<{ myDots: unknown; voters: number }>('GET', `/api/documents/${doc}/rounds/${round}`, undefined, 200);
          return { myDots: view.myDots, voters: view.voters };
        },
      };
    },
  },
];

describe.each(ROUTES)('$route', ({ setUp }) => {
  it.each(PROTOTYPE_NAMES)('refuses the key %s (400 validation) and keeps the stored state', async (name) => {
    const { put, stored } = await setUp();
    const before = await stored();
    for (const [what, body] of bodies(name, `goals:${goal}`)) {
      const response = await put(body);
      const text = await response.text();
      const answer = (text ? JSON.parse(text) : {}) as { error?: { code: string; message: string } };
      expect({ what, status: response.status, code: answer.error?.code }).toEqual({ what, status: 400, code: 'validation' });
      expect(answer.error?.message).toContain(name);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('POST /documents/:doc/rounds with prototype names as item collection or id', () => {
  it.each(PROTOTYPE_NAMES)('%s: 400 validation, no round made', async (name) => {
    const before = (await server.deps.rooms.read(doc)).getMap('session').toJSON() as unknown;
    for (const item of [{ collection: name, id: goal }, { collection: 'goals', id: name }]) {
      const body = { title: 'Runda', items: [item], dotsPerPerson: 3, anonymous: false };
      const response = await api.request('POST', `/api/documents/${doc}/rounds`, body);
      expect({ item, status: response.status, body: (await response.json()) as unknown }).toMatchObject({ item, status: 400, body: { error: { code: 'validation' } } });
    }
    expect((await server.deps.rooms.read(doc)).getMap('session').toJSON()).toEqual(before);
  });
});
