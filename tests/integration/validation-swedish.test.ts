/**
 * Every 400 `validation` the API sends is Swedish, as the rest of its messages (X17 finding 3:
 * zod's own English came through, "title: Invalid input: expected string, received array").
 * For each route family with a JSON body, bodies of the wrong type — as a whole and in a
 * field — answer 400 `validation` with a Swedish message that names the field, and no
 * English word of zod's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.js';
import { planScene, type PlanScene } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let s: PlanScene;
let agenda: string;
beforeAll(async () => {
  server = await startTestServer();
  s = await planScene(server.url);
  agenda = (await s.coordinator.json<{ id: string }>('POST', `/api/workspaces/${s.workspace}/documents`, { kind: 'agenda', title: 'Dagordning' }, 201)).id;
});
afterAll(async () => {
  await server?.stop();
});

/** What zod writes in English; none of it may reach a person. */
const ENGLISH = /invalid|expected|received|too (big|small)|unrecognized|must|string|number|boolean|object|array|input|option|characters|format/i;

type Who = 'anonymous' | 'coordinator' | 'editor';
// [route family, who, method, path, a body with a field of the wrong type, that field]
const ROUTES: Array<[string, Who, string, () => string, Record<string, unknown>, string]> = [
  ['auth signup', 'anonymous', 'POST', () => '/api/auth/signup', { email: ['a@b.se'], password: 'lösenord-123', name: 'A' }, 'email'],
  ['auth login', 'anonymous', 'POST', () => '/api/auth/login', { email: 'a@b.se', password: 12 }, 'password'],
  ['workspaces', 'coordinator', 'POST', () => '/api/workspaces', { name: ['Ny'] }, 'name'],
  ['documents PATCH', 'coordinator', 'PATCH', () => `/api/documents/${s.documentId}`, { title: ['Plan'] }, 'title'],
  ['versions', 'editor', 'POST', () => `/api/documents/${s.documentId}/versions`, { name: 5 }, 'name'],
  ['share links', 'coordinator', 'POST', () => `/api/documents/${s.documentId}/share-links`, { label: 'L', expiresInDays: 'sju' }, 'expiresInDays'],
  ['rounds', 'coordinator', 'POST', () => `/api/documents/${s.documentId}/rounds`, { title: 'R', items: 'alla', dotsPerPerson: 3 }, 'items'],
  ['to-plan', 'editor', 'POST', () => `/api/documents/${agenda}/actions/a1/to-plan`, { planId: 7, goalId: null }, 'planId'],
  ['visits', 'editor', 'POST', () => `/api/documents/${s.documentId}/visits`, { at: 17 }, 'at'],
];

const clientOf = (who: Who): ApiClient => (who === 'anonymous' ? new ApiClient(server.url) : s[who]);

async function refused(who: Who, method: string, path: string, body: unknown): Promise<string> {
  const error = await clientOf(who).json<{ error: { code: string; message: string } }>(method, path, body, 400);
  expect(error.error.code).toBe('validation');
  return error.error.message;
}

describe('validation messages are Swedish', () => {
  it.each(ROUTES)('%s: a field of the wrong type is named, in Swedish', async (_family, who, method, path, body, field) => {
    const message = await refused(who, method, path(), body);
    expect(message).toMatch(new RegExp(`^${field}: `));
    expect(message).not.toMatch(ENGLISH);
  });

  it.each(ROUTES)('%s: a body of the wrong type (array, string, number, null) is refused in Swedish', async (_family, who, method, path) => {
    for (const body of [[1], 'text', 42, null]) {
      const message = await refused(who, method, path(), body);
      expect(message, JSON.stringify(body)).not.toMatch(ENGLISH);
    }
  });

  it('names the field or the whole request, in the words of each kind of failure', async () => {
    expect(await refused('coordinator', 'PATCH', `/api/documents/${s.documentId}`, { title: ['Plan'] })).toBe('title: ska vara text');
    expect(await refused('editor', 'POST', `/api/documents/${s.documentId}/visits`, { extra: 1 })).toBe('Begäran har ett okänt fält: extra.');
    expect(await refused('editor', 'POST', `/api/documents/${s.documentId}/visits`, [1])).toBe('Begäran ska vara ett objekt.');
    const round = { title: 'R', items: [{ collection: 'goals', id: 'g' }], dotsPerPerson: 'tre' };
    expect(await refused('coordinator', 'POST', `/api/documents/${s.documentId}/rounds`, round)).toBe('dotsPerPerson: ska vara ett tal');
  });
});
