/**
 * A NUL character (%00) in an address (path or query) is refused at the boundary, alike on
 * SQLite and PostgreSQL (scripts/test-postgres.ts): PostgreSQL refuses NUL in any text
 * parameter ("invalid byte sequence for encoding UTF8: 0x00"), so an id with one reaching a
 * lookup answered 500 there and 404 on SQLite. Every API address answers 400 `validation`
 * in the API's error shape before any lookup; a websocket upgrade to such a document closes
 * 4404 as for any document that does not exist. A share token with a NUL is an unknown
 * link instead (404 `share.not-found`, 4401: share-token-shape.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { closeCodeOf } from '../support/yclient.js';

let server: TestServer;
let api: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('nul'));
  ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nollor' }, 201)).id;
});

afterAll(async () => {
  await server.stop();
});

describe('a NUL in the address', () => {
  const addresses = (): Array<[string, string]> => [
    ['GET', '/api/workspaces/%00'],
    ['GET', `/api/workspaces/${ws}%00`],
    ['GET', '/api/workspaces/a%00b/audit'],
    ['PATCH', `/api/workspaces/%00`],
    ['GET', '/api/documents/%00'],
    ['GET', '/api/documents/%00/versions'],
    ['POST', '/api/documents/%00/ticket'],
    ['GET', '/api/shared/abcdefghijklmnopqrstuvwxyz/changes?since=%00'],
    ['GET', '/api/invitations/%00'],
    ['GET', `/api/workspaces/${ws}?locale=%00`],
    ['GET', `/api/workspaces/${ws}/export?locale=sv%00`],
  ];

  it('is refused 400 validation for every API address, before any lookup', async () => {
    for (const [method, path] of addresses()) {
      const response = await api.request(method, path, method === 'GET' ? undefined : {});
      expect({ method, path, status: response.status, body: await response.json() }).toEqual({
        method,
        path,
        status: 400,
        body: { error: { code: 'validation', message: expect.stringContaining('NUL') } },
      });
    }
  });

  it.each(['%00', 'a%00b', '%00%00'])('a websocket upgrade to /ws/%s closes 4404', async (documentId) => {
    expect(await closeCodeOf(`${server.url.replace(/^http/, 'ws')}/ws/${documentId}`, { cookie: api.sessionCookie })).toBe(4404);
  });
});
