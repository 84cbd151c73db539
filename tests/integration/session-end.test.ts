/**
 * Sessions that really end (issue 16 items 2 and 8; DESIGN "Accounts, sessions, the browser
 * boundary"): every way a session ends closes the sockets it opened with 4401 at once, and
 * leaves the sockets it should keep served. One table over the class — logout, password
 * change, log out everywhere, account deletion — each with a device's own socket, another
 * device's, and a ticket-opened one; then expiry by the injected clock and the sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { openRaw } from '../support/raw-socket.js';
import { closeCodeOf } from '../support/yclient.js';
import { openWithTicket, PASSWORD, personOnDevices, stillServed } from '../support/session-sockets.js';

const NEW_PASSWORD = 'ett-nytt-lösenord-9';
type Outcome = true | 4401;

interface EndingCase {
  name: string;
  end(api: ApiClient): Promise<Response>;
  /** The socket of the device that ended it, another device's, and one opened with a ticket. */
  own: Outcome;
  other: Outcome;
  ticket: Outcome;
  /** Whether each device's cookie still signs in afterwards. */
  ownSignedIn: boolean;
  otherSignedIn: boolean;
}

const CASES: EndingCase[] = [
  // The ticket socket is the other device's: a ticket carries the session that asked for it.
  { name: 'logout', end: (api) => api.request('POST', '/api/auth/logout'), own: 4401, other: true, ticket: true, ownSignedIn: false, otherSignedIn: true },
  {
    name: 'password change',
    end: (api) => api.request('POST', '/api/auth/password', { current: PASSWORD, next: NEW_PASSWORD }),
    own: true,
    other: 4401,
    ticket: 4401,
    ownSignedIn: true,
    otherSignedIn: false,
  },
  { name: 'log out everywhere', end: (api) => api.request('POST', '/api/auth/logout-everywhere'), own: 4401, other: 4401, ticket: 4401, ownSignedIn: false, otherSignedIn: false },
  { name: 'account deletion', end: (api) => api.request('DELETE', '/api/me', { password: PASSWORD }), own: 4401, other: 4401, ticket: 4401, ownSignedIn: false, otherSignedIn: false },
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('ending a session closes exactly the sockets it should, with 4401', () => {
  it.each(CASES)('$name', async (c) => {
    const { documentId, devices } = await personOnDevices(server.url, 2);
    const [mine, theirs] = devices;
    if (!mine || !theirs) throw new Error('two devices expected');
    const ticketSocket = await openWithTicket(server.url, theirs.api, documentId);
    const cookies = [mine.api.sessionCookie, theirs.api.sessionCookie];

    const response = await c.end(mine.api);
    expect(response.status, await response.text()).toBe(204);

    expect(await stillServed(mine.socket)).toBe(c.own);
    expect(await stillServed(theirs.socket)).toBe(c.other);
    expect(await stillServed(ticketSocket)).toBe(c.ticket);
    const signedIn = await Promise.all(cookies.map(async (cookie) => (await fetch(`${server.url}/api/me`, { headers: { cookie } })).status));
    expect(signedIn).toEqual([c.ownSignedIn ? 200 : 401, c.otherSignedIn ? 200 : 401]);
    // An ended session cannot open a new socket either: upgrades authenticate each time.
    const ws = `${server.url.replace(/^http/, 'ws')}/ws/${documentId}`;
    for (const [i, cookie] of cookies.entries()) {
      const open = i === 0 ? c.ownSignedIn : c.otherSignedIn;
      if (!open) expect(await closeCodeOf(ws, { cookie })).toBe(4401);
    }
    for (const socket of [mine.socket, theirs.socket, ticketSocket]) socket.ws.close();
  });
});

describe('tickets', () => {
  it('a logout also closes the sockets its own tickets opened, and no other session’s', async () => {
    const { documentId, devices } = await personOnDevices(server.url, 2);
    const [mine, theirs] = devices;
    if (!mine || !theirs) throw new Error('two devices expected');
    const [myTicket, theirTicket] = [await openWithTicket(server.url, mine.api, documentId), await openWithTicket(server.url, theirs.api, documentId)];
    expect((await mine.api.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await stillServed(myTicket)).toBe(4401);
    expect(await stillServed(theirTicket)).toBe(true);
    for (const socket of [mine.socket, theirs.socket, myTicket, theirTicket]) socket.ws.close();
  });
});

describe('tickets asked for before the session ended', () => {
  it.each(['/api/auth/logout', '/api/auth/logout-everywhere'])('open nothing after %s', async (path) => {
    const { documentId, devices } = await personOnDevices(server.url, 1);
    const device = devices[0];
    if (!device) throw new Error('a device expected');
    const { ticket } = await device.api.json<{ ticket: string }>('POST', `/api/documents/${documentId}/ticket`, undefined, 200);
    expect((await device.api.request('POST', path)).status).toBe(204);
    const url = `${server.url.replace(/^http/, 'ws')}/ws/${documentId}?ticket=${encodeURIComponent(ticket)}`;
    expect(await closeCodeOf(url)).toBe(4401);
    device.socket.ws.close();
  });
});

describe('password change', () => {
  it('takes the new password from now on, and never the old', async () => {
    const { email, devices } = await personOnDevices(server.url, 1);
    const api = devices[0]?.api;
    if (!api) throw new Error('a device expected');
    await api.json('POST', '/api/auth/password', { current: PASSWORD, next: NEW_PASSWORD }, 204);
    expect((await fetch(`${server.url}/api/auth/login`, login(email, PASSWORD))).status).toBe(401);
    expect((await fetch(`${server.url}/api/auth/login`, login(email, NEW_PASSWORD))).status).toBe(200);
    devices[0]?.socket.ws.close();
  });

  it.each([
    { name: 'a wrong current password', body: { current: 'inte-mitt-lösenord', next: NEW_PASSWORD }, status: 400, code: 'wrong-password' },
    { name: 'a too short new password', body: { current: PASSWORD, next: 'kort' }, status: 400, code: 'validation' },
    { name: 'no body', body: {}, status: 400, code: 'validation' },
  ])('refuses $name and ends nothing', async ({ body, status, code }) => {
    const { devices } = await personOnDevices(server.url, 2);
    const [mine, theirs] = devices;
    if (!mine || !theirs) throw new Error('two devices expected');
    const response = await mine.api.request('POST', '/api/auth/password', body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await stillServed(theirs.socket)).toBe(true);
    expect(await stillServed(mine.socket)).toBe(true);
    for (const device of devices) device.socket.ws.close();
  });

  it('needs a session', async () => {
    const response = await fetch(`${server.url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ current: PASSWORD, next: NEW_PASSWORD }) });
    expect(response.status).toBe(401);
  });
});

describe("the account page's routes", () => {
  it('GET /api/me/sessions lists every live session, marks the one asking, and shows no secret', async () => {
    const { devices } = await personOnDevices(server.url, 3);
    const [mine, theirs] = devices;
    if (!mine || !theirs) throw new Error('devices expected');
    await theirs.api.json('POST', '/api/auth/logout', undefined, 204);
    const response = await mine.api.request('GET', '/api/me/sessions');
    const text = await response.text();
    const { sessions } = JSON.parse(text) as { sessions: Array<Record<string, unknown>> };
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => s.current).sort()).toEqual([false, true]);
    for (const s of sessions) expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'lastUsedAt']);
    for (const device of devices) device.socket.ws.close();
  });

  it.each([
    { name: '  Anna Ny  ', status: 200, stored: 'Anna Ny' },
    { name: '', status: 400, stored: null },
    { name: 'x'.repeat(500), status: 400, stored: null },
  ])('PATCH /api/me {name: "$name"} → $status', async ({ name, status, stored }) => {
    const { devices } = await personOnDevices(server.url, 1);
    const api = devices[0]?.api;
    if (!api) throw new Error('a device expected');
    const before = (await api.json<{ user: { name: string } }>('GET', '/api/me')).user.name;
    expect((await api.request('PATCH', '/api/me', { name })).status).toBe(status);
    expect((await api.json<{ user: { name: string } }>('GET', '/api/me')).user.name).toBe(stored ?? before);
    devices[0]?.socket.ws.close();
  });
});

describe('a session that expires while its socket is open', () => {
  const DAY = 24 * 60 * 60 * 1000;
  let now = Date.parse('2027-03-01T08:00:00Z');
  const clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
  let timed: TestServer;
  beforeAll(async () => {
    // The sweep runs every 20 ms of real time here; what it sees is the fake clock.
    timed = await startTestServer({ sessionAbsoluteMs: 30 * DAY, sessionIdleMs: 7 * DAY, sessionSweepMs: 20 }, clock);
  });
  afterAll(async () => {
    await timed?.stop();
  });

  it('is refused from then on, and the sweep closes its sockets with 4401 while a newer session stays served', async () => {
    const { email, devices } = await personOnDevices(timed.url, 1);
    const old = devices[0];
    if (!old) throw new Error('a device expected');
    const oldCookie = old.api.sessionCookie;
    now += 7 * DAY;
    const response = await fetch(`${timed.url}/api/me`, { headers: { cookie: oldCookie } });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toMatch(/^samplan_session=;/);
    expect(await old.socket.closed).toBe(4401);

    const fresh = new ApiClient(timed.url);
    await fresh.json('POST', '/api/auth/login', { email, password: PASSWORD }, 200);
    const me = await fresh.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me', undefined, 200);
    const ws = await fresh.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id ?? ''}`, undefined, 200);
    const socket = await openRaw(timed.url, ws.documents[0]?.id ?? '', fresh.sessionCookie);
    // Several sweeps later (each run ends a session past its limit), this one is still served.
    const swept = timed.deps.sessions.sweepExpired();
    expect(await swept).toEqual([]);
    expect(await stillServed(socket)).toBe(true);
    now += 30 * DAY;
    expect(await socket.closed).toBe(4401);
  });

  it.each([
    { route: 'password change', method: 'POST', path: '/api/auth/password', body: (password: string) => ({ current: password, next: NEW_PASSWORD }) },
    { route: 'account deletion', method: 'DELETE', path: '/api/me', body: (password: string) => ({ password }) },
  ])('$route: guessing the password through a session is throttled like log-in', async ({ method, path, body }) => {
    // The clock stands still here, so the delay after the free failures cannot run out mid-test.
    const { devices } = await personOnDevices(timed.url, 1);
    const api = devices[0]?.api;
    if (!api) throw new Error('a device expected');
    for (let i = 0; i < 3; i++) expect((await api.request(method, path, body(`gissning-${i}-xx`))).status).toBe(400);
    const limited = await api.request(method, path, body(PASSWORD));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.request('GET', '/api/me')).status).toBe(200);
    devices[0]?.socket.ws.close();
  });
});

function login(email: string, password: string): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) };
}
