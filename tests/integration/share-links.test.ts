/**
 * Share links and who may do what (issue 18; DESIGN "Share links", "Versions, changes, the
 * live draft"): a table of roles × routes with exact statuses, a share-link guest on every
 * route, guest reads, 410 after expiry on the injected clock and after revocation, the
 * token never stored, and the guest's websocket: read-only, that one document only, closed
 * 4401 at once when the link is revoked and when it expires while open.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { actionPlanToJSON, updateItem } from '../../shared/model/action-plan.js';
import type { Clock } from '../../server/context.js';
import { SESSION_COOKIE } from '../../server/auth/sessions.js';
import { ApiClient, email } from '../support/api.js';
import { eventually, planScene, type PlanScene } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlRow } from '../support/sql.js';
import { smalandIds } from '../support/smaland-edits.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

const DAY = 24 * 60 * 60 * 1000;
let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };

let server: TestServer;
let s: PlanScene;
let outsider: ApiClient;
let otherDocument: string;
const cleanup: Array<() => void> = [];

interface Link {
  id: string;
  label: string;
  url: string;
  expiresAt: string;
}

const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/s\//, '');
const wsUrl = (doc: string, query: string) => `${server.url.replace(/^http/, 'ws')}/ws/${doc}?${query}`;
const newLink = (label = 'Politiker i Växjö', body: object = {}) => s.coordinator.json<Link>('POST', `/api/documents/${s.documentId}/share-links`, { label, ...body }, 201);
const guest = () => new ApiClient(server.url);

/** Someone with no account holding a share link, showing it every way they could: it is never a session. */
class LinkHolder extends ApiClient {
  constructor(baseUrl: string, private readonly token: string) {
    super(baseUrl);
  }

  override request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const shown = `${path}${path.includes('?') ? '&' : '?'}share=${this.token}`;
    return super.request(method, shown, body, { ...headers, cookie: `${SESSION_COOKIE}=${this.token}`, authorization: `Bearer ${this.token}` });
  }
}

beforeAll(async () => {
  // The share-link sweep runs once a minute here: a socket closed within seconds of a
  // revocation was closed by the revocation itself. The expiry test has its own server.
  server = await startTestServer({}, clock);
  s = await planScene(server.url);
  outsider = new ApiClient(server.url);
  await outsider.signup(email('outsider'));
  const other = await planScene(server.url);
  otherDocument = other.documentId;
});
afterAll(async () => {
  for (const done of cleanup) done();
  await server?.stop();
});

type Who = 'anonymous' | 'guest' | 'outsider' | 'viewer' | 'editor' | 'coordinator';
const WHO: Who[] = ['anonymous', 'guest', 'outsider', 'viewer', 'editor', 'coordinator'];

/** One route: how to call it, and the status for each caller, in WHO's order. */
interface RouteCase {
  route: string;
  call(api: ApiClient, ctx: { doc: string; version: string; link: string; token: string }): Promise<Response>;
  statuses: [number, number, number, number, number, number];
}

const ROUTES: RouteCase[] = [
  { route: 'POST versions', call: (a, c) => a.request('POST', `/api/documents/${c.doc}/versions`, { name: 'V' }), statuses: [401, 401, 404, 403, 201, 201] },
  { route: 'GET versions', call: (a, c) => a.request('GET', `/api/documents/${c.doc}/versions`), statuses: [401, 401, 404, 200, 200, 200] },
  { route: 'GET version export.json', call: (a, c) => a.request('GET', `/api/documents/${c.doc}/versions/${c.version}/export.json`), statuses: [401, 401, 404, 200, 200, 200] },
  { route: 'POST restore', call: (a, c) => a.request('POST', `/api/documents/${c.doc}/versions/${c.version}/restore`), statuses: [401, 401, 404, 403, 200, 200] },
  { route: 'GET compare', call: (a, c) => a.request('GET', `/api/documents/${c.doc}/compare?from=${c.version}&to=live`), statuses: [401, 401, 404, 200, 200, 200] },
  { route: 'GET changes', call: (a, c) => a.request('GET', `/api/documents/${c.doc}/changes?since=last-visit`), statuses: [401, 401, 404, 200, 200, 200] },
  { route: 'POST visits', call: (a, c) => a.request('POST', `/api/documents/${c.doc}/visits`), statuses: [401, 401, 404, 204, 204, 204] },
  { route: 'POST share-links', call: (a, c) => a.request('POST', `/api/documents/${c.doc}/share-links`, { label: 'L' }), statuses: [401, 401, 404, 403, 403, 201] },
  { route: 'GET share-links', call: (a, c) => a.request('GET', `/api/documents/${c.doc}/share-links`), statuses: [401, 401, 404, 403, 403, 200] },
  { route: 'DELETE share-link', call: (a, c) => a.request('DELETE', `/api/documents/${c.doc}/share-links/${c.link}`), statuses: [401, 401, 404, 403, 403, 204] },
  { route: 'GET document export.json', call: (a, c) => a.request('GET', `/api/documents/${c.doc}/export.json`), statuses: [401, 401, 404, 200, 200, 200] },
  { route: 'GET members of the workspace', call: (a) => a.request('GET', `/api/workspaces/${s.workspace}`), statuses: [401, 401, 404, 200, 200, 200] },
  { route: 'GET shared', call: (a, c) => a.request('GET', `/api/shared/${c.token}`), statuses: [200, 200, 200, 200, 200, 200] },
  { route: 'GET shared export.json', call: (a, c) => a.request('GET', `/api/shared/${c.token}/export.json`), statuses: [200, 200, 200, 200, 200, 200] },
  // No adopted version in this scene: the guest's compare is 404 version.none-adopted for everyone (shared-compare.test.ts has the rest).
  { route: 'GET shared compare', call: (a, c) => a.request('GET', `/api/shared/${c.token}/compare?from=adopted&to=live`), statuses: [404, 404, 404, 404, 404, 404] },
  { route: 'GET shared changes', call: (a, c) => a.request('GET', `/api/shared/${c.token}/changes?since=2027-03-15T09:00:00Z`), statuses: [200, 200, 200, 200, 200, 200] },
];

describe('who may do what: roles × routes × a share link', () => {
  it.each(ROUTES)('$route', async ({ call, statuses }) => {
    const version = (await s.editor.json<{ id: string }>('POST', `/api/documents/${s.documentId}/versions`, { name: 'Tabell' }, 201)).id;
    const link = await newLink();
    const token = tokenOf(link.url);
    const people: Record<Who, ApiClient> = { anonymous: guest(), guest: new LinkHolder(server.url, token), outsider, viewer: s.viewer, editor: s.editor, coordinator: s.coordinator };
    const got: number[] = [];
    for (const who of WHO) {
      const ctx = { doc: s.documentId, version, link: link.id, token };
      got.push((await call(people[who], ctx)).status);
    }
    expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map((w, i) => [w, statuses[i]])));
  });
});

describe('guests holding a link', () => {
  it('read the document they were given, and nothing about its people', async () => {
    const link = await newLink();
    expect(link.url).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{22,}$`));
    expect(Buffer.from(tokenOf(link.url), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(link.expiresAt).toBe(new Date(now + 7 * DAY).toISOString());
    const info = await guest().json<Record<string, unknown>>('GET', `/api/shared/${tokenOf(link.url)}`, undefined, 200);
    expect(info).toEqual({ document: { id: s.documentId, kind: 'action-plan', title: 'Handlingsplan Klimatnätverket Småland 2027–2028' }, expiresAt: link.expiresAt, adopted: null });
    const response = await guest().request('GET', `/api/shared/${tokenOf(link.url)}/export.json`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Handlingsplan-Klimatnatverket-Smaland-2027-2028.json"; filename*=UTF-8''Handlingsplan%20Klimatn%C3%A4tverket%20Sm%C3%A5land%202027%E2%80%932028.json`);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ id: s.documentId, kind: 'action-plan', totals: expect.any(Object) });
    expect(JSON.stringify(json)).not.toMatch(/members|@test\.samplan\.se/);
  });

  it.each([
    ['unknown', 'A'.repeat(32), 404, 'share.not-found'],
    ['malformed', 'x', 404, 'share.not-found'],
    ['too long', 'A'.repeat(500), 404, 'share.not-found'],
  ])('an %s token is 404 %s', async (_what, token, status, code) => {
    expect(await guest().json('GET', `/api/shared/${token}`, undefined, status)).toMatchObject({ error: { code } });
    expect(await guest().json('GET', `/api/shared/${token}/export.json`, undefined, status)).toMatchObject({ error: { code } });
  });

  it.each([
    [1, DAY - 1, 200],
    [1, DAY, 410],
    [7, 7 * DAY - 1, 200],
    [7, 7 * DAY, 410],
    [90, 90 * DAY, 410],
  ])('a link for %i days read %i ms later answers %i (injected clock)', async (days, later, status) => {
    const start = now;
    const link = await newLink('Tid', { expiresInDays: days });
    now = start + later;
    try {
      const response = await guest().request('GET', `/api/shared/${tokenOf(link.url)}`);
      expect(response.status).toBe(status);
      if (status === 410) expect(await response.json()).toMatchObject({ error: { code: 'share.expired' } });
    } finally {
      now = start;
    }
  });

  it.each([[0], [91], [1.5], ['7']])('expiresInDays %j is refused (400 validation)', async (days) => {
    const response = await s.coordinator.request('POST', `/api/documents/${s.documentId}/share-links`, { label: 'X', expiresInDays: days });
    expect(response.status).toBe(400);
  });

  it('a revoked link is 410 share.expired; the listing shows it revoked with its last use, never a token', async () => {
    const link = await newLink('Journalist');
    const token = tokenOf(link.url);
    await guest().json('GET', `/api/shared/${token}`, undefined, 200);
    const { links } = await s.coordinator.json<{ links: Array<Record<string, unknown>> }>('GET', `/api/documents/${s.documentId}/share-links`, undefined, 200);
    expect(links.find((l) => l.id === link.id)).toEqual({ id: link.id, label: 'Journalist', expiresAt: link.expiresAt, revoked: false, lastUsedAt: new Date(now).toISOString() });
    expect(JSON.stringify(links)).not.toContain(token);
    expect((await s.coordinator.request('DELETE', `/api/documents/${s.documentId}/share-links/${link.id}`)).status).toBe(204);
    expect(await guest().json('GET', `/api/shared/${token}`, undefined, 410)).toMatchObject({ error: { code: 'share.expired' } });
    const after = await s.coordinator.json<{ links: Array<{ id: string; revoked: boolean }> }>('GET', `/api/documents/${s.documentId}/share-links`, undefined, 200);
    expect(after.links.find((l) => l.id === link.id)?.revoked).toBe(true);
    // A link of one document cannot be revoked through another.
    const mine = await newLink();
    expect((await s.coordinator.request('DELETE', `/api/documents/${otherDocument}/share-links/${mine.id}`)).status).toBe(404);
  });

  it('stores only the SHA-256 of the token', async () => {
    const link = await newLink('Hash');
    const token = tokenOf(link.url);
    const row = await sqlRow(server.deps.kdb, 'SELECT * FROM share_links WHERE id = ?', link.id);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ token_hash: createHash('sha256').update(token).digest('hex') });
  });
});

/** A guest's live view: a real y-websocket provider with `?share=`, recording close codes. */
function guestPeer(doc: string, token: string, baseUrl = server.url): Peer & { closes: number[] } {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/ws`, doc, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { share: token },
    maxBackoffTime: 60_000,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event: { code: number } | null) => {
    if (event) closes.push(event.code);
  });
  const peer = { doc: ydoc, provider, closes, destroy: () => (provider.destroy(), ydoc.destroy()) };
  cleanup.push(peer.destroy);
  return peer;
}

function closeCode(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

describe("a guest's websocket", () => {
  it('is sent nobody\'s presence: a link lists no members (members still see each other)', async () => {
    const link = await newLink('Närvaro');
    const guest = guestPeer(s.documentId, tokenOf(link.url));
    await synced(guest);
    const editor: Peer = connectPeer(server.url, s.documentId, { cookie: s.editor.sessionCookie });
    const viewer: Peer = connectPeer(server.url, s.documentId, { cookie: s.viewer.sessionCookie });
    cleanup.push(editor.destroy, viewer.destroy);
    await Promise.all([synced(editor), synced(viewer)]);
    const received: unknown[] = [];
    guest.provider.awareness.on('change', () => received.push(...[...guest.provider.awareness.getStates().entries()].filter(([id]) => id !== guest.doc.clientID)));
    editor.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    viewer.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
    await until(() => viewer.provider.awareness.getStates().has(editor.doc.clientID) && editor.provider.awareness.getStates().has(viewer.doc.clientID), 10_000, 'members see each other');
    // A guest that joins later, or asks, gets nobody's state either.
    const late = guestPeer(s.documentId, tokenOf(link.url));
    await synced(late);
    await eventually(async () => (await s.viewer.json<{ goals: unknown[] }>('GET', `/api/documents/${s.documentId}/export.json`)).goals.length > 0);
    expect(received).toEqual([]);
    expect([...guest.provider.awareness.getStates().keys()]).toEqual([guest.doc.clientID]);
    expect([...late.provider.awareness.getStates().keys()]).toEqual([late.doc.clientID]);
  });

  it('follows edits live, never writes, and closes 4401 at once when the link is revoked', async () => {
    const link = await newLink('Live');
    const viewer = guestPeer(s.documentId, tokenOf(link.url));
    await synced(viewer);
    const editor: Peer = connectPeer(server.url, s.documentId, { cookie: s.editor.sessionCookie });
    cleanup.push(editor.destroy);
    await synced(editor);
    const { a11 } = smalandIds(editor.doc);
    updateItem(editor.doc, 'activities', a11, { budget: 777_00 });
    await until(() => actionPlanToJSON(viewer.doc).goals[0]?.activities[0]?.budget === 777_00, 10_000, 'the edit at the guest');
    // The guest's own edit goes nowhere: not to the server, not to the editor.
    updateItem(viewer.doc, 'activities', a11, { responsible: 'Gästen' });
    const marker = new Date(now).toISOString();
    updateItem(editor.doc, 'activities', a11, { recipients: marker });
    await eventually(async () => (await s.viewer.json<{ goals: Array<{ activities: Array<{ recipients: string }> }> }>('GET', `/api/documents/${s.documentId}/export.json`)).goals[0]?.activities[0]?.recipients === marker);
    const live = await s.viewer.json<{ goals: Array<{ activities: Array<{ responsible: string }> }> }>('GET', `/api/documents/${s.documentId}/export.json`);
    expect(live.goals[0]?.activities[0]?.responsible).not.toBe('Gästen');
    expect(actionPlanToJSON(editor.doc).goals[0]?.activities[0]?.responsible).not.toBe('Gästen');

    expect((await s.coordinator.request('DELETE', `/api/documents/${s.documentId}/share-links/${link.id}`)).status).toBe(204);
    await until(() => viewer.closes.includes(4401), 5_000, '4401 at the guest');
    expect(viewer.closes[0]).toBe(4401);
    expect(await closeCode(wsUrl(s.documentId, `share=${tokenOf(link.url)}`))).toBe(4401);
  });

  it.each([
    ['an unknown token', () => Promise.resolve({ doc: s.documentId, token: 'B'.repeat(32) }), 4401],
    ['a link to another document', async () => ({ doc: otherDocument, token: tokenOf((await newLink()).url) }), 4403],
  ])('%s closes %i', async (_what, make, code) => {
    const { doc, token } = await make();
    expect(await closeCode(wsUrl(doc, `share=${token}`))).toBe(code);
  });

  it('closes 4401 when the link expires while open (swept on the injected clock)', async () => {
    const start = now;
    // The sweep runs every 20 ms of real time; what it reads is the fake clock.
    const swept = await startTestServer({ sessionSweepMs: 20 }, clock);
    try {
      const scene = await planScene(swept.url);
      const link = await scene.coordinator.json<Link>('POST', `/api/documents/${scene.documentId}/share-links`, { label: 'Kort', expiresInDays: 1 }, 201);
      const viewer = guestPeer(scene.documentId, tokenOf(link.url), swept.url);
      await synced(viewer);
      expect(viewer.closes).toEqual([]);
      now = start + DAY;
      await until(() => viewer.closes.includes(4401), 5_000, '4401 at expiry');
    } finally {
      now = start;
      await swept.stop();
    }
  });

  it('is refused with HTTP 429 past the per-address limit', async () => {
    const limited = await startTestServer({ sync: { ...server.deps.config.sync, connectionsPerAddress: 1 } }, clock);
    try {
      const scene = await planScene(limited.url);
      const token = tokenOf((await scene.coordinator.json<Link>('POST', `/api/documents/${scene.documentId}/share-links`, { label: 'L' }, 201)).url);
      const url = `${limited.url.replace(/^http/, 'ws')}/ws/${scene.documentId}?share=${token}`;
      const first = new WebSocket(url);
      await new Promise((resolve) => first.once('open', resolve));
      const status = await new Promise<number>((resolve) => {
        const second = new WebSocket(url);
        second.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        second.on('error', () => undefined);
      });
      expect(status).toBe(429);
      first.close();
    } finally {
      await limited.stop();
    }
  });
});
