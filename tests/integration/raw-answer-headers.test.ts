/**
 * Every answer carries the security headers and `X-Samplan-Process` (DESIGN "Accounts,
 * sessions, the browser boundary": security headers on every response; "Many processes":
 * X-Samplan-Process on every HTTP response and the upgrade) — also the ones no route writes:
 * what Node's parser refuses (431, 400) and an upgrade refused before it is a websocket
 * (403 foreign origin, 429 too many sockets). Contract audit: those had neither CSP nor
 * nosniff nor Referrer-Policy, and the parser's answers no process name. Raw sockets, so
 * what the server wrote is read as it was written.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { newDocument, type ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let documentId: string;
beforeAll(async () => {
  const defaults = loadConfig({});
  server = await startTestServer({ sync: { ...defaults.sync, connectionsPerUser: 1 } });
  const made = await newDocument(server.url, 'raw', 'action-plan', 'Råa svar');
  api = made.api;
  documentId = made.id;
});
afterAll(async () => {
  await server?.stop();
});

/** Writes `request` and reads everything until the server closes: the status line, the headers (lower-case names), the body. */
function raw(request: string | Buffer, keepOpen = false): Promise<{ status: number; headers: Map<string, string>; body: string; socket: ReturnType<typeof connect> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let text = '';
    const done = () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, socket });
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (keepOpen && text.includes('\r\n\r\n')) done();
    });
    socket.on('error', reject);
    socket.on('close', done);
    socket.write(request);
  });
}

const upgrade = (headers: Record<string, string>) =>
  [`GET /ws/${documentId} HTTP/1.1`, `Host: ${new URL(server.url).host}`, 'Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');

const CASES: Array<[string, () => string | Buffer, number, string]> = [
  ['headers past 64 KiB', () => `GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`, 431, 'request.too-large'],
  ['bytes that are no request', () => 'GARBAGE\r\n\r\n', 400, 'request.malformed'],
  ['a header line without a colon', () => 'GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nbroken header\r\n\r\n', 400, 'request.malformed'],
  ['a signed-in upgrade from another site', () => upgrade({ Cookie: api.sessionCookie, Origin: 'http://evil.example' }), 403, 'origin'],
];

describe('answers no route writes', () => {
  it.each(CASES)('%s: its status with the security headers, the process and the error shape', async (_what, request, status, code) => {
    const answer = await raw(request());
    expect(answer.status).toBe(status);
    expectSecurityHeaders(answer.headers);
    expect(JSON.parse(answer.body)).toEqual({ error: { code, message: expect.stringMatching(/\S/) } });
  });

  it('an upgrade past the sockets a person may hold: 429 with Retry-After, the headers and the process', async () => {
    const first = await raw(upgrade({ Cookie: api.sessionCookie, Origin: server.url }), true);
    expect(first.status).toBe(101);
    const second = await raw(upgrade({ Cookie: api.sessionCookie, Origin: server.url }));
    first.socket.destroy();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expectSecurityHeaders(second.headers);
  });
});

function expectSecurityHeaders(headers: Map<string, string>): void {
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-samplan-process')).toMatch(/\S/);
  expect(headers.get('content-type')).toMatch(/^application\/json/);
}
