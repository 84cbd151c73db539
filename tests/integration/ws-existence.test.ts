/**
 * The websocket does not tell a non-member which documents exist (red team X14): REST
 * answers a non-member 404 for a document whether or not it exists (DESIGN "HTTP API":
 * existence is not leaked), and `/ws/:docId` closes 4404 alike — for a document of another
 * workspace, one in the trash, one that never existed, and an id of any shape. Members keep
 * their true codes (their document opens; a missing one is 4404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { closeCodeOf, connectPeer, synced } from '../support/yclient.js';

let server: TestServer;
let owner: ApiClient;
let outsider: ApiClient;
let live: string;
let trashed: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = new ApiClient(server.url);
  await owner.signup(email('owner'));
  outsider = new ApiClient(server.url);
  await outsider.signup(email('outsider'));
  // The outsider has a workspace of their own, so is signed in and a member of something.
  await outsider.json('POST', '/api/workspaces', { name: 'Egen' }, 201);
  const ws = (await owner.json<{ id: string }>('POST', '/api/workspaces', { name: 'Hemlig' }, 201)).id;
  live = (await owner.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Finns' }, 201)).id;
  trashed = (await owner.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Borta' }, 201)).id;
  expect((await owner.request('DELETE', `/api/documents/${trashed}`)).status).toBe(204);
});

afterAll(async () => {
  await server.stop();
});

const wsUrl = (documentId: string) => `${server.url.replace(/^http/, 'ws')}/ws/${encodeURIComponent(documentId)}`;

describe('a non-member cannot tell which documents exist', () => {
  const targets = (): Array<[string, string]> => [
    ['a live document of another workspace', live],
    ['a document in the trash', trashed],
    ['an id that never existed', '00000000-0000-4000-8000-000000000000'],
    ['an id of another shape', 'inte-ett-id'],
  ];

  it('REST and the websocket answer every target alike: 404 and 4404', async () => {
    const seen = [];
    for (const [what, id] of targets()) {
      const rest = await outsider.request('GET', `/api/documents/${encodeURIComponent(id)}`);
      const body = (await rest.json()) as { error: { code: string } };
      seen.push({ what, rest: rest.status, code: body.error.code, ws: await closeCodeOf(wsUrl(id), { cookie: outsider.sessionCookie }) });
    }
    expect(seen).toEqual(targets().map(([what]) => ({ what, rest: 404, code: 'not-found', ws: 4404 })));
  });

  it('members keep their true codes: their document opens, a missing one closes 4404', async () => {
    const peer = connectPeer(server.url, live, { cookie: owner.sessionCookie });
    try {
      await synced(peer);
    } finally {
      peer.destroy();
    }
    expect(await closeCodeOf(wsUrl(trashed), { cookie: owner.sessionCookie })).toBe(4404);
    expect(await closeCodeOf(wsUrl('00000000-0000-4000-8000-000000000000'), { cookie: owner.sessionCookie })).toBe(4404);
  });
});
