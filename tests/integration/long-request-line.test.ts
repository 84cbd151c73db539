/**
 * The longest valid request line is served, and one past what the server reads is answered
 * in JSON (issue 17 red-team F7). A valid import `?title=` is 200 characters of up to 16 UTF-16
 * units each (README "Contract notes", Lengths): 200 × (å + 15 combining marks of 3 UTF-8
 * bytes) is 3 200 units and ~28 KB URL-encoded, past Node's default 16 KiB of headers, which
 * answered 431 with no body. The server now reads 64 KiB of request line and headers; past
 * that it answers 431 `request.too-large` in JSON (DESIGN: every /api error is {error}).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let workspace: string;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('long-title'));
  workspace = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Långa rader' }, 201)).id;
});

afterAll(async () => {
  await server.stop();
});

/** One character of 16 UTF-16 units: å and 15 combining marks for symbols (U+20D0…, 3 UTF-8 bytes each). */
const CHARACTER = 'å' + Array.from({ length: 15 }, (_, i) => String.fromCharCode(0x20d0 + i)).join('');
const TABLE = Buffer.from('Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat');

const send = (title: string) =>
  fetch(`${server.url}/api/workspaces/${workspace}/import?title=${encodeURIComponent(title)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/tab-separated-values', cookie: api.sessionCookie },
    body: TABLE,
  });

describe('the import’s ?title= at its longest', () => {
  it('is 200 characters, 3 200 UTF-16 units and over 16 KiB encoded', () => {
    const title = CHARACTER.repeat(200);
    expect(title.length).toBe(3200);
    expect(encodeURIComponent(title).length).toBeGreaterThan(27_000);
  });

  it('imports the longest valid title (201) and stores it whole', async () => {
    const title = CHARACTER.repeat(200);
    const response = await send(title);
    const body = (await response.json()) as { id: string; title: string };
    expect(response.status).toBe(201);
    expect(body.title).toBe(title);
    const stored = await api.json<{ title: string }>('GET', `/api/documents/${body.id}`, undefined, 200);
    expect(stored.title).toBe(title);
  });

  it('refuses one character more as a title (400 validation, JSON)', async () => {
    const response = await send(CHARACTER.repeat(201));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation' } });
  });

  it('answers a request line past 64 KiB with 431 in JSON', async () => {
    const response = await send(CHARACTER.repeat(500));
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'request.too-large', message: expect.stringMatching(/\S/) } });
  });
});

/** Sends raw bytes and reads the whole answer until the server closes the connection. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.end(request);
  });
}

const REFUSED_BY_THE_PARSER: Array<[string, string, string, string]> = [
  ['a request line past 64 KiB', `GET /api/me?q=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, '431', 'request.too-large'],
  ['a header past 64 KiB', `GET /api/me HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(70_000)}\r\n\r\n`, '431', 'request.too-large'],
  ['a request line that is not HTTP', 'HALLÅ DÄR\r\n\r\n', '400', 'request.malformed'],
  ['a header without a colon', 'GET /api/me HTTP/1.1\r\nHost x\r\n\r\n', '400', 'request.malformed'],
];

describe('what Node’s parser refuses is answered in JSON', () => {
  it.each(REFUSED_BY_THE_PARSER)('%s', async (_what, request, status, code) => {
    const answer = await raw(request);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body)).toEqual({ error: { code, message: expect.stringMatching(/\S/) } });
  });
});
