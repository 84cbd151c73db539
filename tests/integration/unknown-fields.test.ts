/**
 * Every JSON body the API reads refuses a field it does not know, the same way everywhere:
 * 400 `validation` "Begäran har ett okänt fält: <name>." (or "<path>: har ett okänt fält …"
 * inside a nested object), and nothing is done. Red team S9 finding 2: `duplicate` copied
 * the document with `{title, extra}` while `visits` refused `{extra}` — a client's typo
 * (`amount` for `amounts`) passed silently. The table holds each JSON-body route, with a
 * body that is valid but for the extra field, so the route would act if it ignored it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PASSWORD = 'lösenord-123';
let server: TestServer;
let coordinator: ApiClient;
let editor: ApiClient;
let ws: string;
let editorId: string;
let plan: string;
let goal: string;
let agenda: string;
let round: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = new ApiClient(server.url);
  await coordinator.signup(email('coordinator'), 'Anna Samordnare', PASSWORD);
  ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Okända fält' }, 201)).id;
  editor = new ApiClient(server.url);
  editorId = (await editor.signup(email('editor'), 'Erik Redaktör', PASSWORD)).id;
  await joinWorkspace(coordinator, editor, ws, 'editor');
  plan = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  await server.deps.rooms.change(plan, (d) => void (goal = addGoal(d, { number: '1', title: 'Mål' })));
  agenda = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Dagordning' }, 201)).id;
  const items = [{ collection: 'goals', id: goal }];
  round = (await coordinator.json<{ id: string }>('POST', `/api/documents/${plan}/rounds`, { title: 'Runda', items, dotsPerPerson: 3, anonymous: false }, 201)).id;
});
afterAll(async () => {
  await server?.stop();
});

type Who = 'anonymous' | 'coordinator' | 'editor';
// [route, who, method, path, a valid body, where the unknown field goes ('' the body itself)]
const ROUTES: Array<[string, Who, string, () => string, () => Record<string, unknown>, string]> = [
  ['sign-up', 'anonymous', 'POST', () => '/api/auth/signup', () => ({ email: email('ny'), password: PASSWORD, name: 'Ny' }), ''],
  ['log-in', 'anonymous', 'POST', () => '/api/auth/login', () => ({ email: 'x@y.se', password: PASSWORD }), ''],
  ['password change', 'editor', 'POST', () => '/api/auth/password', () => ({ current: PASSWORD, next: 'ett-nytt-lösenord' }), ''],
  ['rename me', 'editor', 'PATCH', () => '/api/me', () => ({ name: 'Erik' }), ''],
  ['delete me', 'editor', 'DELETE', () => '/api/me', () => ({ password: PASSWORD }), ''],
  ['new workspace', 'editor', 'POST', () => '/api/workspaces', () => ({ name: 'Ny' }), ''],
  ['invitation', 'coordinator', 'POST', () => `/api/workspaces/${ws}/members`, () => ({ email: email('inbjuden'), role: 'viewer' }), ''],
  ['role change', 'coordinator', 'PATCH', () => `/api/workspaces/${ws}/members/${editorId}`, () => ({ role: 'viewer' }), ''],
  ['new document', 'editor', 'POST', () => `/api/workspaces/${ws}/documents`, () => ({ kind: 'agenda', title: 'Ny' }), ''],
  ['rename document', 'editor', 'PATCH', () => `/api/documents/${plan}`, () => ({ title: 'Nytt namn' }), ''],
  ['duplicate', 'editor', 'POST', () => `/api/documents/${plan}/duplicate`, () => ({ title: 'Kopia', amounts: false }), ''],
  ['version', 'editor', 'POST', () => `/api/documents/${plan}/versions`, () => ({ name: 'V1' }), ''],
  ['adopted version: the decision', 'editor', 'POST', () => `/api/documents/${plan}/versions`, () => ({ name: 'V1', decision: { body: 'KS', date: '2027-03-15', reference: '§ 42' } }), 'decision'],
  ['visit', 'editor', 'POST', () => `/api/documents/${plan}/visits`, () => ({}), ''],
  ['share link', 'coordinator', 'POST', () => `/api/documents/${plan}/share-links`, () => ({ label: 'Politiker' }), ''],
  ['round', 'coordinator', 'POST', () => `/api/documents/${plan}/rounds`, () => ({ title: 'R', items: [{ collection: 'goals', id: goal }], dotsPerPerson: 3, anonymous: false }), ''],
  ['round: an item', 'coordinator', 'POST', () => `/api/documents/${plan}/rounds`, () => ({ title: 'R', items: [{ collection: 'goals', id: goal }], dotsPerPerson: 3, anonymous: false }), 'items.0'],
  ['ballot', 'editor', 'PUT', () => `/api/documents/${plan}/rounds/${round}/ballot`, () => ({ dots: { [`goals:${goal}`]: 1 } }), ''],
  ['to-plan', 'editor', 'POST', () => `/api/documents/${agenda}/actions/a1/to-plan`, () => ({ planId: plan, goalId: goal }), ''],
];

const clientOf = (who: Who): ApiClient => (who === 'anonymous' ? new ApiClient(server.url) : who === 'editor' ? editor : coordinator);

/** `body` with `okäntFält: 1` added to the object at `path` (dot-separated; '' the body). */
function withUnknown(body: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(body);
  let target: Record<string, unknown> = copy;
  for (const key of path ? path.split('.') : []) target = target[key] as Record<string, unknown>;
  target.okäntFält = 1;
  return copy;
}

describe('an unknown field in a JSON body', () => {
  it.each(ROUTES)('%s: 400 validation, naming the field', async (_route, who, method, path, body, at) => {
    const response = await clientOf(who).request(method, path(), withUnknown(body(), at));
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const where = at ? `${at}: har` : 'Begäran har';
    expect(JSON.parse(text)).toEqual({ error: { code: 'validation', message: `${where} ett okänt fält: okäntFält${at ? '' : '.'}` } });
  });

  it('did nothing: the editor is still an editor with the same name, and no copy or version was made', async () => {
    const workspace = await coordinator.json<{ members: Array<{ id: string; role: string; name: string }>; documents: unknown[] }>('GET', `/api/workspaces/${ws}`, undefined, 200);
    expect(workspace.members.find((m) => m.id === editorId)).toMatchObject({ role: 'editor', name: 'Erik Redaktör' });
    expect(workspace.documents).toHaveLength(2);
    expect((await editor.json<{ versions: unknown[] }>('GET', `/api/documents/${plan}/versions`, undefined, 200)).versions).toEqual([]);
  });
});
