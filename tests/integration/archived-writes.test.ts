/**
 * Red-team FA2-5: an archived document is read-only for everyone, through every HTTP route,
 * not only the websocket. One guard (server/write-guard.ts `requireWritable`) answers 409
 * `document.read-only`. The table below names EVERY POST/PUT/PATCH/DELETE route under
 * `/api/documents/`, read from the app itself: a new write route that is in neither list
 * fails this test until someone decides whether an archived document takes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import { createApp } from '../../server/app.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let ws: string;
/** An archived plan with a goal, an open round, a version and a share link made before archiving. */
const archived = { doc: '', goal: '', round: '', version: '', link: '' };
/** A writable agenda with an action, to turn into an activity of the archived plan. */
const agenda = { doc: '', action: '' };

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('anna'), 'Anna Samordnare');
  ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Arkivet' }, 201)).id;
  const create = async (kind: string) => (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind, title: 'Dok' }, 201)).id;
  archived.doc = await create('action-plan');
  await server.deps.rooms.change(archived.doc, (d) => {
    archived.goal = addGoal(d, { number: '1', title: 'Mål' });
  });
  archived.round = (await api.json<{ id: string }>('POST', `/api/documents/${archived.doc}/rounds`, { title: 'R', items: [{ collection: 'goals', id: archived.goal }], dotsPerPerson: 1, anonymous: true }, 201)).id;
  archived.version = (await api.json<{ id: string }>('POST', `/api/documents/${archived.doc}/versions`, { name: 'V1' }, 201)).id;
  archived.link = (await api.json<{ id: string }>('POST', `/api/documents/${archived.doc}/share-links`, { label: 'Politiker' }, 201)).id;
  agenda.doc = await create('agenda');
  await server.deps.rooms.change(agenda.doc, (d) => {
    const meeting = addItem(d, AGENDA_COLLECTIONS.meetings, { title: 'Möte', date: '2027-03-01' });
    const item = addItem(d, AGENDA_COLLECTIONS.items, { meetingId: meeting, title: 'Punkt' });
    agenda.action = addItem(d, AGENDA_COLLECTIONS.actions, { itemId: item, text: 'Gör', owner: '', due: null, done: false });
  });
  await api.json('POST', `/api/documents/${archived.doc}/archive`, undefined, 200);
});
afterAll(async () => {
  await server?.stop();
});

type Call = () => Promise<Response>;
const d = () => `/api/documents/${archived.doc}`;

/** Writes an archived document refuses (409 `document.read-only`). */
const REFUSED: Record<string, Call> = {
  'PATCH /api/documents/:doc': () => api.request('PATCH', d(), { title: 'Nytt namn' }),
  'POST /api/documents/:doc/rounds': () => api.request('POST', `${d()}/rounds`, { title: 'Ny', items: [{ collection: 'goals', id: archived.goal }], dotsPerPerson: 1, anonymous: true }),
  'PUT /api/documents/:doc/rounds/:r/ballot': () => api.request('PUT', `${d()}/rounds/${archived.round}/ballot`, { dots: { [`goals:${archived.goal}`]: 1 } }),
  'POST /api/documents/:doc/rounds/:r/close': () => api.request('POST', `${d()}/rounds/${archived.round}/close`),
  'POST /api/documents/:doc/versions': () => api.request('POST', `${d()}/versions`, { name: 'V2' }),
  'POST /api/documents/:doc/versions/:v/restore': () => api.request('POST', `${d()}/versions/${archived.version}/restore`),
  'POST /api/documents/:agenda/actions/:actionId/to-plan': () => api.request('POST', `/api/documents/${agenda.doc}/actions/${agenda.action}/to-plan`, { planId: archived.doc, goalId: archived.goal }),
};

/** Writes an archived document still takes, and why (each is about the document, not in it). */
const ALLOWED: Record<string, [string, Call]> = {
  'POST /api/documents/:doc/ticket': ['a socket ticket: the socket opens read-only', () => api.request('POST', `${d()}/ticket`)],
  'POST /api/documents/:doc/visits': ['the caller\u2019s own "I have looked", not the document', () => api.request('POST', `${d()}/visits`)],
  'POST /api/documents/:doc/share-links': ['a read-only link to a readable document', () => api.request('POST', `${d()}/share-links`, { label: 'Fler' })],
  'DELETE /api/documents/:doc/share-links/:id': ['revoking must always be possible', () => api.request('DELETE', `${d()}/share-links/${archived.link}`)],
  'POST /api/documents/:doc/duplicate': ['the copy is a new, writable document', () => api.request('POST', `${d()}/duplicate`, { title: 'Kopia' })],
  'POST /api/documents/:doc/archive': ['archiving again changes nothing', () => api.request('POST', `${d()}/archive`)],
};

/** The lifecycle routes, which exist for archived documents; lifecycle.test.ts runs them. */
const LIFECYCLE: Record<string, string> = {
  'POST /api/documents/:doc/unarchive': 'the way back to writable',
  'DELETE /api/documents/:doc': 'a coordinator may delete an archived document',
  'POST /api/documents/:doc/undelete': 'for deleted documents',
};

describe('writes to an archived document', () => {
  it('every write route under /api/documents/ is in exactly one of the two lists', () => {
    const writes = new Set<string>();
    for (const route of createApp(server.deps).routes) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) && route.path.startsWith('/api/documents/')) writes.add(`${route.method} ${route.path}`);
    }
    const listed = [...Object.keys(REFUSED), ...Object.keys(ALLOWED), ...Object.keys(LIFECYCLE)];
    expect([...writes].sort()).toEqual([...listed].sort());
  });

  it.each(Object.keys(REFUSED))('%s → 409 document.read-only, nothing written', async (route) => {
    const response = await REFUSED[route]?.();
    const body = (await response?.json()) as { error?: { code: string } };
    expect(response?.status, JSON.stringify(body)).toBe(409);
    expect(body.error?.code).toBe('document.read-only');
  });

  it.each(Object.entries(ALLOWED).map(([route, [why]]) => [route, why]))('%s is allowed: %s', async (route) => {
    const response = await ALLOWED[route]?.[1]();
    expect(response?.status).toBeLessThan(300);
  });

  it('nothing the refused calls tried was stored: no ballot, no version, the round still open', async () => {
    const round = await api.json<{ status: string; voters: number }>('GET', `${d()}/rounds/${archived.round}`, undefined, 200);
    expect(round).toMatchObject({ status: 'open', voters: 0 });
    const { versions } = await api.json<{ versions: Array<{ name: string }> }>('GET', `${d()}/versions`, undefined, 200);
    expect(versions.map((v) => v.name)).toEqual(['V1']);
  });
});
