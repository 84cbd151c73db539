/**
 * Deploy-safe serving (issue 17 item 13): a file that is not there is a 404 — never
 * index.html with 200, which breaks a tab open across a deploy with MIME errors instead
 * of the failed load that reloads it — every page names the entry script of the build on
 * disk, also one replaced under the running server (user test U15: deep links kept the
 * first build's, whose files were gone: a white page) — and text is served compressed,
 * with the security headers still on, websocket upgrades untouched.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced } from '../support/yclient.js';

/** A stand-in chunk the size of real ones, so compression is worth it. */
const APP_JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_v, i) => `ord-${i}`))};\n`;
const STYLE_CSS = Array.from({ length: 100 }, (_v, i) => `.row-${i} { padding: ${i}px; }`).join('\n');
const INDEX_HTML = `<!doctype html><html lang="sv"><head><title>Samplan</title>${'<meta name="x" content="padding">'.repeat(40)}<script type="module" src="/assets/app-abc123.js"></script></head><body><div id="app"></div></body></html>`;

let server: TestServer;
let clientDir: string;
beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'samplan-client-'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(join(clientDir, 'assets', 'style-abc123.css'), STYLE_CSS);
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(clientDir, { recursive: true, force: true });
});

/** A raw GET, so the body arrives as sent (fetch would decompress it) with every header. */
function rawGet(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(server.url + path), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('missing files after a deploy', () => {
  it.each([
    '/assets/app-old999.js',
    '/assets/editor-old999.js',
    '/assets/style-old999.css',
    '/assets/nested/dir/chunk.js',
    '/assets/app-old999.js.map',
    '/assets/',
    '/favicon.ico',
    '/manifest.webmanifest',
    '/old-chunk.js',
  ])('GET %s is a 404 that is not the app’s HTML', async (path) => {
    const response = await rawGet(path, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(404);
    expect(String(response.headers['content-type'])).not.toContain('text/html');
    expect(response.body.toString()).not.toContain('<!doctype html>');
    expectSecurityHeaders(response.headers);
  });

  it.each(['/', '/w/123', '/d/abc/present', '/invite/tok-en_123', '/s/token'])('a deep link %s still gets the app (not cached stale)', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(response.headers);
  });
});

describe('a build replaced under the running server', () => {
  /** The entry script a page of `path` asks for. */
  const entryOf = async (path: string) => /src="([^"]+)"/.exec((await rawGet(path)).body.toString())?.[1];

  it.each(['/', '/d/abc', '/w/123/present', '/s/token'])('%s names the new build’s entry script, which is there', async (path) => {
    const before = INDEX_HTML;
    try {
      // What `npm run build` does: new chunk names, index.html written last.
      writeFileSync(join(clientDir, 'assets', 'app-new456.js'), APP_JS);
      writeFileSync(join(clientDir, 'index.html'), INDEX_HTML.replace('app-abc123.js', 'app-new456.js'));
      const entry = await entryOf(path);
      expect(entry).toBe('/assets/app-new456.js');
      expect((await rawGet(entry ?? '')).status).toBe(200);
    } finally {
      writeFileSync(join(clientDir, 'index.html'), before);
    }
    expect(await entryOf(path)).toBe('/assets/app-abc123.js');
  });
});

describe('compression', () => {
  // [what, path, content type, the bytes as stored]
  const files: Array<[string, string, string, string]> = [
    ['a JS chunk', '/assets/app-abc123.js', 'javascript', APP_JS],
    ['a stylesheet', '/assets/style-abc123.css', 'text/css', STYLE_CSS],
    ['the app’s HTML', '/w/123', 'text/html', INDEX_HTML],
  ];
  it.each(files)('%s is gzipped for a browser that accepts it, headers intact', async (_what, path, type, stored) => {
    const response = await rawGet(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(String(response.headers['content-type'])).toContain(type);
    expect(response.body.length).toBeLessThan(Buffer.byteLength(stored));
    expect(gunzipSync(response.body).toString()).toBe(stored);
    expectSecurityHeaders(response.headers);
  });

  it('keeps the immutable caching of assets when compressed', async () => {
    const response = await rawGet('/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['identity only', { 'accept-encoding': 'identity' }],
  ])('sends the bytes as they are with %s', async (_what, headers) => {
    const response = await rawGet('/assets/app-abc123.js', headers);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(APP_JS);
  });

  it('compresses API JSON too, and never a HEAD', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('compress'));
    const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Komprimering' }, 201)).id;
    // An import report of many unreadable rows: a JSON answer of several KiB.
    const table = ['Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat', ...Array.from({ length: 40 }, (_v, i) => `rad ${i}\tx\ty\tz\t\t`)].join('\n');
    const imported = await fetch(`${server.url}/api/workspaces/${ws}/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/tab-separated-values', cookie: api.sessionCookie, 'accept-encoding': 'gzip' },
      body: table,
    });
    expect(imported.status).toBe(201);
    expect(imported.headers.get('content-encoding')).toBe('gzip');
    expect(((await imported.json()) as { report: { skipped: unknown[] } }).report.skipped).toHaveLength(40);
    const head = await rawGet('/assets/app-abc123.js', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
  });

  it('leaves websocket upgrades alone: a client syncs through the same server', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('compress-ws'));
    const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Websocket' }, 201)).id;
    const doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
    const peer = connectPeer(server.url, doc, { cookie: api.sessionCookie });
    try {
      await synced(peer);
      expect(peer.doc.getMap('meta').get('title')).toBe('Plan');
    } finally {
      peer.destroy();
    }
  });
});
