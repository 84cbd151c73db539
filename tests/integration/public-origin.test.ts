/**
 * `PUBLIC_ORIGIN` (README "Configuration"): the origin people reach Samplan at. When it is
 * set, the links the server writes (invitations, share links) and the cookie-carrying
 * Origin checks (state-changing requests, websocket upgrades) use it and never a request's
 * `Host` (red team x14: `Origin: http://evil.example` with `Host: evil.example` — what a
 * DNS-rebound page sends — passed both checks, and a Host header of one's own choosing went
 * into the invitation link the server mails). Unset, the request's own host is the app's.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PUBLIC = 'https://samplan.example.se';
let server: TestServer;
let api: ApiClient;
let workspace: string;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer({ publicOrigin: PUBLIC });
  api = new ApiClient(server.url);
  await api.signup(email('public-origin'));
  workspace = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Offentlig' }, 201)).id;
  documentId = (await api.json<{ id: string }>('POST', `/api/workspaces/${workspace}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: string;
}

/** A request to the test server with headers of our own choosing, `Host` too (fetch may not set it). */
function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers: { cookie: api.sessionCookie, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const upgrade = (headers: Record<string, string>) =>
  send('GET', `/ws/${documentId}`, { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'c2FtcGxhbi1ub25jZS0xNg==', ...headers });

const hostOfServer = () => new URL(server.url).host;

describe('with PUBLIC_ORIGIN set', () => {
  it.each([
    ['a foreign Origin with a Host to match (a DNS-rebound page)', 'http://evil.example', 'evil.example'],
    ['a foreign Origin on the server’s own Host', 'http://evil.example', ''],
    ['the server’s own address as Origin (not where people reach it)', '', ''],
    ['the public host over http', 'http://samplan.example.se', 'samplan.example.se'],
  ])('a change with %s is refused 403 origin, nothing made', async (_what, origin, host) => {
    const answer = await send('POST', '/api/workspaces', { origin: origin || server.url, host: host || hostOfServer() }, { name: 'Ombunden' });
    expect(answer.status, answer.body).toBe(403);
    expect(answer.body).toContain('"origin"');
  });

  it.each([
    ['on the server’s own Host (a proxy passing it on)', ''],
    ['on the public Host', 'samplan.example.se'],
  ])('a change from the public origin %s passes', async (_what, host) => {
    const answer = await send('POST', '/api/workspaces', { origin: PUBLIC, host: host || hostOfServer() }, { name: 'Riktig' });
    expect(answer.status, answer.body).toBe(201);
  });

  it.each([
    ['a foreign Origin with a Host to match', 403, 'http://evil.example', 'evil.example'],
    ['the server’s own address as Origin', 403, '', ''],
    ['the public origin', 101, PUBLIC, ''],
  ])('a websocket upgrade by cookie with %s answers %i', async (_what, status, origin, host) => {
    const answer = await upgrade({ origin: origin || server.url, host: host || hostOfServer() });
    expect(answer.status).toBe(status);
  });

  it('invitation and share links name the public origin whatever Host the request came with', async () => {
    const headers = { origin: PUBLIC, host: 'evil.example' };
    const invited = await send('POST', `/api/workspaces/${workspace}/members`, headers, { email: email('invitee'), role: 'editor' });
    expect(invited.status, invited.body).toBe(201);
    expect((JSON.parse(invited.body) as { invitation: { url: string } }).invitation.url).toMatch(new RegExp(`^${PUBLIC}/invite/`));
    const shared = await send('POST', `/api/documents/${documentId}/share-links`, headers, { label: 'Fullmäktige' });
    expect(shared.status, shared.body).toBe(201);
    expect((JSON.parse(shared.body) as { url: string }).url).toMatch(new RegExp(`^${PUBLIC}/s/`));
  });
});

describe('PUBLIC_ORIGIN itself', () => {
  it.each(['https://samplan.example.se', 'http://localhost:8080', 'https://samplan.example.se/'])('%s is an origin', (value) => {
    expect(loadConfig({ PUBLIC_ORIGIN: value }).publicOrigin).toBe(new URL(value).origin);
  });

  it.each(['samplan.example.se', 'ftp://samplan.example.se', 'https://samplan.example.se/app', 'https://samplan.example.se?x=1', 'https://user@samplan.example.se'])('%s is refused at start', (value) => {
    expect(() => loadConfig({ PUBLIC_ORIGIN: value })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('unset, the request’s own host is the app’s', () => {
    expect(loadConfig({}).publicOrigin).toBeNull();
  });
});
