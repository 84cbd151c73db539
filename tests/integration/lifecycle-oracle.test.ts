/**
 * No lifecycle route tells a non-member whether a document id exists (issue 17 red-team F4):
 * `POST /documents/:id/undelete` answered another workspace's real id (live or trashed) with
 * the workspace's 404 message and a made-up id with the trash's. Table: every lifecycle route
 * × (missing id, another workspace's live document, another workspace's trashed document):
 * one answer, same status, code and message, and nothing happens to the owner's documents.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let owner: ApiClient;
let outsider: ApiClient;
let ownerWs: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = new ApiClient(server.url);
  outsider = new ApiClient(server.url);
  await owner.signup(email('owner'), 'Anna Ägare');
  await outsider.signup(email('outsider'), 'Olle Utomstående');
  ownerWs = (await owner.json<{ id: string }>('POST', '/api/workspaces', { name: 'Ägarens' }, 201)).id;
  // The outsider coordinates a workspace of their own: their role there must not open another's.
  await outsider.json('POST', '/api/workspaces', { name: 'Egen' }, 201);
});

afterAll(async () => {
  await server.stop();
});

async function ownerDocument(trashed: boolean): Promise<string> {
  const id = (await owner.json<{ id: string }>('POST', `/api/workspaces/${ownerWs}/documents`, { kind: 'action-plan', title: 'Hemlig plan' }, 201)).id;
  if (trashed) await owner.json('DELETE', `/api/documents/${id}`, undefined, 204);
  return id;
}

const ROUTES: Array<[string, string, (id: string) => string, unknown]> = [
  ['rename', 'PATCH', (id) => `/api/documents/${id}`, { title: 'Nytt namn' }],
  ['duplicate', 'POST', (id) => `/api/documents/${id}/duplicate`, { title: 'Kopia' }],
  ['archive', 'POST', (id) => `/api/documents/${id}/archive`, undefined],
  ['unarchive', 'POST', (id) => `/api/documents/${id}/unarchive`, undefined],
  ['delete', 'DELETE', (id) => `/api/documents/${id}`, undefined],
  ['undelete', 'POST', (id) => `/api/documents/${id}/undelete`, undefined],
];

describe.each(ROUTES)('%s', (_name, method, path, body) => {
  it('answers a missing id and another workspace’s live or trashed document alike', async () => {
    const targets = { missing: randomUUID(), live: await ownerDocument(false), trashed: await ownerDocument(true) };
    const answers: Record<string, unknown> = {};
    for (const [what, id] of Object.entries(targets)) {
      const response = await outsider.request(method, path(id), body);
      answers[what] = { status: response.status, body: (await response.json()) as unknown };
    }
    expect(answers.live).toEqual(answers.missing);
    expect(answers.trashed).toEqual(answers.missing);
    expect(answers.missing).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    // Nothing happened to the owner's documents: the live one is still live, the trashed one still in the trash.
    const trash = await owner.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${ownerWs}/trash`, undefined, 200);
    expect(trash.documents.map((d) => d.id)).toContain(targets.trashed);
    expect(trash.documents.map((d) => d.id)).not.toContain(targets.live);
    const live = await owner.json<{ title: string }>('GET', `/api/documents/${targets.live}`, undefined, 200);
    expect(live.title).toBe('Hemlig plan');
  });
});

const WORKSPACE_ROUTES: Array<[string, (ws: string) => string]> = [
  ['trash', (ws) => `/api/workspaces/${ws}/trash`],
  ['audit', (ws) => `/api/workspaces/${ws}/audit`],
];

describe.each(WORKSPACE_ROUTES)('GET …/%s', (_name, path) => {
  it('answers a missing workspace id and another’s workspace alike', async () => {
    const missing = await outsider.request('GET', path(randomUUID()));
    const others = await outsider.request('GET', path(ownerWs));
    const answers = [
      { status: missing.status, body: (await missing.json()) as unknown },
      { status: others.status, body: (await others.json()) as unknown },
    ];
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });
});
