/**
 * The HTTP boundary against a real server: per-address limits (sign-up, tickets), the
 * client address behind a proxy, log-in throttling, security headers on every kind of
 * response, and JSON 404s for unknown API paths (DESIGN "Wave 2 contract").
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email, newDocument } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let clientDir: string;
beforeAll(async () => {
  // A stand-in for the built client: an index.html and one hashed asset.
  clientDir = mkdtempSync(join(tmpdir(), 'samplan-client-'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log(1);');
  // Time stands still for this server, so no limit or delay runs out while a test runs.
  const frozen = Date.now();
  const clock = { now: () => frozen, today: () => new Date(frozen).toISOString().slice(0, 10) };
  server = await startTestServer({ trustProxy: true, clientDir, signupsPerMinute: 3, ticketsPerMinute: 5 }, clock);
});
afterAll(async () => {
  await server.stop();
  rmSync(clientDir, { recursive: true, force: true });
});

/** Headers as a proxy that appends the client's address would send them. */
const via = (appended: string, written?: string) => ({ 'x-forwarded-for': written ? `${written}, ${appended}` : appended });

const signup = (from: Record<string, string>) =>
  new ApiClient(server.url).request('POST', '/api/auth/signup', { email: email('s'), password: 'lösenord-123', name: 'S' }, from);

describe('sign-ups per client address', () => {
  it('refuses the 4th sign-up in a minute from one address with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await signup(via('198.51.100.1'))).status).toBe(201);
    const refused = await signup(via('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signup(via('198.51.100.2'))).status).toBe(201);
  });

  // What the client writes in front of what the proxy appended must not matter.
  const spoofs = ['10.0.0.1', '1.2.3.4, 5.6.7.8', 'unknown', '::1', 'x'.repeat(200)];
  it('keys on the entry the proxy appended: rotating the written entries gets nothing through', async () => {
    const responses = [];
    for (const written of spoofs) responses.push((await signup(via('198.51.100.3', written))).status);
    expect(responses).toEqual([201, 201, 201, 429, 429]);
  });

  it('counts a whole IPv6 /64 as one address', async () => {
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await signup(via(`2001:db8:5:6::${i}`))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});

describe('websocket tickets per client address', () => {
  it('refuses the 6th ticket in a minute from one address; another address still gets one', async () => {
    const { api, id } = await newDocument(server.url, 'tickets', 'agenda', 'Biljetter');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.request('POST', `/api/documents/${id}/ticket`, undefined, via('198.51.100.20'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await api.request('POST', `/api/documents/${id}/ticket`, undefined, via('198.51.100.21'));
    expect(other.status).toBe(200);
  });
});

describe('log-in throttling', () => {
  const login = (address: string, password: string, who: string) =>
    new ApiClient(server.url).request('POST', '/api/auth/login', { email: who, password }, via(address));

  it('a stranger hammering the account never locks the owner out from her own address', async () => {
    const owner = email('owner');
    await new ApiClient(server.url).request('POST', '/api/auth/signup', { email: owner, password: 'rätt-lösenord', name: 'Ägare' }, via('192.0.2.200'));
    const attacker: number[] = [];
    for (let i = 0; i < 12; i++) attacker.push((await login('203.0.113.66', 'fel-lösenord', owner)).status);
    // Free failures first, then the attacker's address waits.
    expect(attacker.slice(0, 3)).toEqual([401, 401, 401]);
    expect(attacker).toContain(429);
    // [address, password, expected]: the owner from an address that has not failed gets in.
    const table: Array<[string, string, number]> = [
      ['203.0.113.10', 'rätt-lösenord', 200],
      ['2001:db8:77::1', 'rätt-lösenord', 200],
      ['203.0.113.66', 'rätt-lösenord', 429],
    ];
    for (const [address, password, expected] of table) expect((await login(address, password, owner)).status).toBe(expected);
    // Rotating the written X-Forwarded-For entries does not escape the wait either.
    const spoofed = await new ApiClient(server.url).request('POST', '/api/auth/login', { email: owner, password: 'x' }, via('203.0.113.66', '9.9.9.9'));
    expect(spoofed.status).toBe(429);
    expect(Number(spoofed.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('security headers on every response', () => {
  const api = () => new ApiClient(server.url);
  // [what, method, path, expected status]
  const responses: Array<[string, string, string, number]> = [
    ['HTML (deep link)', 'GET', '/w/123', 200],
    ['HTML (root)', 'GET', '/', 200],
    ['static asset', 'GET', '/assets/app.js', 200],
    ['API JSON', 'GET', '/api/health', 200],
    ['API error', 'GET', '/api/me', 401],
    ['API 404', 'GET', '/api/no-such-route', 404],
    ['validation error', 'POST', '/api/auth/login', 400],
    ['websocket path without upgrade', 'GET', '/ws/nothing', 404],
  ];
  it.each(responses)('%s (%s %s → %i)', async (_what, method, path, status) => {
    const response = await api().request(method, path, method === 'POST' ? '{' : undefined, method === 'POST' ? { 'content-type': 'application/json' } : {});
    expect(response.status).toBe(status);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // Plain http, no https claim: no HSTS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  // [X-Forwarded-Proto as it arrives, HSTS expected, websocket scheme in connect-src]
  const schemes: Array<[string, boolean, string]> = [
    ['https', true, 'wss'],
    ['http, https', true, 'wss'],
    ['https, http', false, 'ws'],
    ['http', false, 'ws'],
  ];
  it.each(schemes)('behind the proxy, X-Forwarded-Proto %j: HSTS %s, %s:// in connect-src', async (proto, hsts, ws) => {
    const response = await api().request('GET', '/api/health', undefined, { 'x-forwarded-proto': proto, 'x-forwarded-host': 'evil.example, samplan.example' });
    expect(response.headers.get('strict-transport-security') !== null).toBe(hsts);
    expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${ws}://samplan.example`);
  });
});

describe('unknown API paths', () => {
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  const paths = ['/api/nope', '/api/documents/x/nope', '/api/health/x', '/api/'];
  it.each(methods.flatMap((m) => paths.map((p) => [m, p] as const)))('%s %s → 404 not-found as JSON', async (method, path) => {
    const response = await new ApiClient(server.url).request(method, path, method === 'GET' ? undefined : {});
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
