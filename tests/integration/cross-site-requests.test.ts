/**
 * State-changing API requests from another site are refused however the browser marks them
 * (red team S9 finding 1: a POST with no Origin but `Sec-Fetch-Site: cross-site` was
 * accepted). The table crosses every `Sec-Fetch-Site` value (and none) with every kind of
 * Origin (and none) and every method: another site — by Origin or by `Sec-Fetch-Site:
 * cross-site`/`same-site` — answers 403 `origin` as a foreign Origin always has; safe methods
 * and clients that send neither header (scripts, the CLI) keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let workspace: string;
beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('cross-site'));
  workspace = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Korsvis' }, 201)).id;
});
afterAll(async () => {
  await server?.stop();
});

type Site = 'cross-site' | 'same-site' | 'same-origin' | 'none' | 'absent';
/** `opaque`: the `Origin: null` of a sandboxed frame or a redirect from another origin. */
type Origin = 'own' | 'foreign' | 'sibling' | 'opaque' | 'absent';
const SITES: Site[] = ['cross-site', 'same-site', 'same-origin', 'none', 'absent'];
const ORIGINS: Origin[] = ['own', 'foreign', 'sibling', 'opaque', 'absent'];

// [method, path, body]: a real request of each method a signed-in member may make.
const REQUESTS: Array<[string, () => string, unknown]> = [
  ['POST', () => '/api/workspaces', { name: 'Ny' }],
  ['PATCH', () => '/api/me', { name: 'Namn' }],
  ['PUT', () => '/api/documents/nope/rounds/nope/ballot', { dots: {} }],
  ['DELETE', () => `/api/workspaces/${workspace}/invitations/nope`, undefined],
  ['GET', () => '/api/me', undefined],
];

function originHeader(origin: Origin): string | null {
  if (origin === 'own') return server.url;
  if (origin === 'foreign') return 'https://evil.example';
  // Same site (localhost), another port: another origin.
  if (origin === 'sibling') return new URL(server.url).origin.replace(/:\d+$/, ':1');
  if (origin === 'opaque') return 'null';
  return null;
}

/** Whether the contract lets the request through: safe, or from the app's own origin (or no browser at all). */
function allowed(method: string, site: Site, origin: Origin): boolean {
  if (method === 'GET') return true;
  if (site === 'cross-site' || site === 'same-site') return false;
  return origin === 'own' || origin === 'absent';
}

const CASES = REQUESTS.flatMap(([method, path, body]) => SITES.flatMap((site) => ORIGINS.map((origin) => [method, site, origin, path, body] as const)));

describe('requests from another site', () => {
  it.each(CASES)('%s, Sec-Fetch-Site %s, Origin %s', async (method, site, origin, path, body) => {
    const headers: Record<string, string> = {};
    if (site !== 'absent') headers['sec-fetch-site'] = site;
    const header = originHeader(origin);
    if (header !== null) headers.origin = header;
    const response = await api.request(method, path(), body, headers);
    const text = await response.text();
    const code = text ? ((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null) : null;
    if (allowed(method, site, origin)) {
      expect(code, text).not.toBe('origin');
      expect(response.status, text).toBeLessThan(500);
    } else {
      expect(response.status, text).toBe(403);
      expect(JSON.parse(text)).toEqual({ error: { code: 'origin', message: 'Begäran kommer från en annan webbplats och avvisades.' } });
    }
  });

  it('changes nothing when it refuses: a cross-site POST without Origin makes no workspace', async () => {
    const before = (await api.json<{ workspaces: unknown[] }>('GET', '/api/me', undefined, 200)).workspaces.length;
    const refused = await api.request('POST', '/api/workspaces', { name: 'Smyg' }, { 'sec-fetch-site': 'cross-site' });
    expect(refused.status).toBe(403);
    expect((await api.json<{ workspaces: unknown[] }>('GET', '/api/me', undefined, 200)).workspaces).toHaveLength(before);
  });
});
