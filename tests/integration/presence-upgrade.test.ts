/**
 * Presence others can trust, and who may open a socket at all (issues 15 and 16; DESIGN
 * "Limits every boundary enforces", "Accounts, sessions, the browser boundary").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { awarenessMessage, encodeAwarenessEntries } from '../../server/sync/protocol.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { openRaw } from '../support/raw-socket.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until, type Peer } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let lena: ApiClient;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer({ sync: { ...DEFAULT_SYNC_LIMITS, connectionsPerUser: 4, pingIntervalMs: 200 }, signupsPerMinute: 1000 });
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'), 'Anna Samordnare');
  const ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Närvaro' }, 201)).id;
  documentId = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  lena = new ApiClient(server.url);
  await lena.signup(email('lena'), 'Lena Läsare');
  await joinWorkspace(anna, lena, ws, 'viewer');
});

afterAll(async () => {
  await server.stop();
});

const openPeer = usePeers(() => server.url);
const peer = (api: ApiClient) => openPeer(api, documentId);

const stateOf = (observer: Peer, clientId: number) => observer.provider.awareness.getStates().get(clientId);

/**
 * Stops a client's y-protocols timer (every 3 s): it renews the client's own state every 15 s
 * and drops others' states not renewed for 30 s. Without it, only messages change what the
 * client announces and sees.
 */
function stopRenewals(client: Peer): void {
  clearInterval((client.provider.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
}

describe('presence', () => {
  it.each([
    ['a CSS payload as colour', { name: 'Anna', color: 'red;position:fixed;inset:0;background:url(https://evil.example/x)' }],
    ['markup as name', { name: '<img src=x onerror=alert(1)>', color: '#00ff00' }],
    ['no user at all', undefined],
    ['a user that is not an object', 'Lena'],
  ])('relays a viewer’s state with %s as the account says, never as sent', async (_what, user) => {
    const observer = await peer(anna);
    const raw = await openRaw(server.url, documentId, lena.sessionCookie);
    raw.ws.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 5150, clock: 1, state: JSON.stringify({ user, editing: 'goals:1:title' }) }])));
    await until(() => stateOf(observer, 5150) !== undefined, 10_000, 'state relayed');
    const seen = stateOf(observer, 5150);
    expect(seen?.user?.name).toBe('Lena Läsare');
    expect(seen?.user?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(seen?.user?.colorLight).toMatch(/^#[0-9a-f]{6}33$/);
    expect(seen?.editing).toBe('goals:1:title');
    raw.ws.close();
  });

  it('drops a state over the size limit instead of relaying it', async () => {
    const observer = await peer(anna);
    const raw = await openRaw(server.url, documentId, lena.sessionCookie);
    const huge = JSON.stringify({ junk: 'x'.repeat(DEFAULT_SYNC_LIMITS.maxAwarenessBytes) });
    raw.ws.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 6160, clock: 1, state: huge }])));
    raw.ws.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 6160, clock: 2, state: '{"small":true}' }])));
    await until(() => stateOf(observer, 6160) !== undefined, 10_000, 'the small state arrives');
    expect(stateOf(observer, 6160)?.junk).toBeUndefined();
    raw.ws.close();
  });

  // y-protocols renews a presence every 15 s (half its 30 s timeout). With a's renewals
  // stopped, only the reconnect's own announcement can bring her back: no clock needed,
  // so a loaded machine's slow handshake cannot fail it (a 5 s bound here could).
  it('is back for others at the reconnect, not at the next renewal', async () => {
    const a = await peer(anna);
    const b = await peer(anna);
    a.provider.awareness.setLocalStateField('editing', 'goals:2:title');
    await until(() => stateOf(b, a.doc.clientID)?.editing === 'goals:2:title', 10_000, 'b sees a');
    stopRenewals(a);
    a.provider.disconnect();
    await until(() => stateOf(b, a.doc.clientID) === undefined, 10_000, 'b sees a leave');
    a.provider.connect();
    await until(() => stateOf(b, a.doc.clientID) !== undefined, 20_000, 'b sees a again');
  });

  it('leaves for others once a browser drops off the network without closing (no answer to pings)', async () => {
    const observer = await peer(anna);
    const raw = await openRaw(server.url, documentId, lena.sessionCookie);
    raw.ws.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 7170, clock: 1, state: '{"editing":"goals:1:title"}' }])));
    await until(() => stateOf(observer, 7170) !== undefined, 10_000, 'state relayed');
    // The observer's own 30 s timeout is stopped: only the server can take the state away,
    // and it knows of no close, only of pings left unanswered. So no time bound is needed
    // (3 s here failed by chance on a loaded machine).
    stopRenewals(observer);
    // The socket stops reading: it answers no ping (its network is gone, not closed).
    (raw.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await until(() => stateOf(observer, 7170) === undefined, 20_000, 'gone at the unanswered pings');
    raw.ws.terminate();
  });

  it('keeps an awareness id with the person who had it while she is away', async () => {
    const a = await peer(anna);
    const b = await peer(anna);
    a.provider.awareness.setLocalStateField('editing', 'real');
    await until(() => stateOf(b, a.doc.clientID)?.editing === 'real', 10_000, 'b sees a');
    a.provider.disconnect();
    await until(() => stateOf(b, a.doc.clientID) === undefined, 10_000, 'a gone');
    const raw = await openRaw(server.url, documentId, lena.sessionCookie);
    raw.ws.send(awarenessMessage(encodeAwarenessEntries([{ clientId: a.doc.clientID, clock: 10_000, state: '{"editing":"forged"}' }])));
    // The raw socket's next state reaches b after the server handled the forged one (one
    // socket's messages are handled and relayed in order): no pause that a slow server outlasts.
    raw.ws.send(awarenessMessage(encodeAwarenessEntries([{ clientId: 7180, clock: 1, state: '{"editing":"after"}' }])));
    await until(() => stateOf(b, 7180) !== undefined, 10_000, 'the raw socket’s next state');
    expect(stateOf(b, a.doc.clientID)).toBeUndefined();
    a.provider.connect();
    await until(() => stateOf(b, a.doc.clientID)?.editing === 'real', 10_000, 'a is back as herself');
    expect(stateOf(b, a.doc.clientID)?.editing).toBe('real');
    raw.ws.close();
  });
});

/** The HTTP status of a refused upgrade, or 101 when it was accepted. */
function upgradeStatus(headers: Record<string, string>, query = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/${documentId}${query}`, { headers });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

describe('the upgrade', () => {
  const own = () => new URL(server.url).origin;
  it.each([
    ['another port of the same host', 'http://127.0.0.1:1', 403],
    ['another host', 'https://evil.example', 403],
    ['another scheme', 'OWN_HTTPS', 403],
    ['a malformed Origin', 'not a url', 403],
    ['the app itself', 'OWN', 101],
  ])('a cookie upgrade from %s: %i', async (_what, origin, status) => {
    const sent = origin === 'OWN' ? own() : origin === 'OWN_HTTPS' ? own().replace('http:', 'https:') : origin;
    expect(await upgradeStatus({ cookie: anna.sessionCookie, origin: sent })).toBe(status);
  });

  it('refuses a cookie upgrade without an Origin, but takes a ticket without one', async () => {
    expect(await upgradeStatus({ cookie: anna.sessionCookie })).toBe(403);
    const { ticket } = await anna.json<{ ticket: string }>('POST', `/api/documents/${documentId}/ticket`, undefined, 200);
    expect(await upgradeStatus({}, `?ticket=${encodeURIComponent(ticket)}`)).toBe(101);
  });

  it('refuses sockets past the per-user limit with 429, and takes them again once one closes', async () => {
    const open = await Promise.all([1, 2, 3, 4].map(() => openRaw(server.url, documentId, anna.sessionCookie)));
    expect(await upgradeStatus({ cookie: anna.sessionCookie, origin: own() })).toBe(429);
    expect(await upgradeStatus({ cookie: lena.sessionCookie, origin: own() })).toBe(101);
    open[0]?.ws.close();
    await open[0]?.closed;
    await until(() => server.deps.sockets.size <= 4, 10_000, 'the closed socket is forgotten');
    expect(await upgradeStatus({ cookie: anna.sessionCookie, origin: own() })).toBe(101);
    for (const socket of open) socket.ws.close();
  });
});
