/**
 * A share token (or websocket ticket) that is not of a token's shape is an unknown token,
 * on REST and the websocket alike (red team X14: `?share=<valid token>%00` closed 4404, and
 * `/api/shared/<token>%00` answered 400, where an unknown token is 404 `share.not-found`
 * and 4401). Table: every shared route and both websocket credentials × junk forms (NUL
 * before or after a valid token, spaces, too long, other scripts, empty, broken
 * percent-encoding), beside a well-formed unknown token as the reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { closeCodeOf } from '../support/yclient.js';

let server: TestServer;
let api: ApiClient;
let doc: string;
let valid: string;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('delare'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Delat' }, 201)).id;
  doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Delad' }, 201)).id;
  const link = await api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Gäster' }, 201);
  valid = new URL(link.url).pathname.replace(/^\/s\//, '');
});

afterAll(async () => {
  await server.stop();
});

/** Junk forms of a token, as sent (percent-encoded). */
const forms = (): Array<[string, string]> => [
  ['a well-formed unknown token (reference)', 'B'.repeat(32)],
  ['NUL after a valid token', `${valid}%00`],
  ['NUL before a valid token', `%00${valid}`],
  ['only NUL', '%00'],
  ['a space after a valid token', `${valid}%20`],
  ['spaces', '%20'.repeat(32)],
  ['too long', 'A'.repeat(101)],
  ['far too long', 'A'.repeat(20_000)],
  ['unicode', encodeURIComponent('å'.repeat(32))],
  ['emoji', encodeURIComponent('🔑'.repeat(20))],
  ['broken percent-encoding', `${valid}%ZZ`],
  ['empty', ''],
];

describe('a share token that is not of a token’s shape', () => {
  it('is an unknown link on every shared REST route: 404 share.not-found', async () => {
    const paths = (token: string) => [`/api/shared/${token}`, `/api/shared/${token}/export.json`, `/api/shared/${token}/changes?since=2027-01-01T00:00:00Z`, `/api/shared/${token}/compare?from=adopted`];
    const answers = [];
    const expected = [];
    for (const [form, token] of forms()) {
      for (const [i, path] of paths(token).entries()) {
        const response = await fetch(server.url + path);
        const body = (await response.json()) as { error?: { code: string } };
        answers.push({ form, route: i, status: response.status, code: body.error?.code });
        expected.push({ form, route: i, status: 404, code: 'share.not-found' });
      }
    }
    expect(answers).toEqual(expected);
  });

  it('closes a websocket 4401 as an unknown link or ticket does', async () => {
    const answers = [];
    const expected = [];
    for (const [form, token] of forms()) {
      for (const parameter of ['share', 'ticket']) {
        const url = `${server.url.replace(/^http/, 'ws')}/ws/${doc}?${parameter}=${token}`;
        answers.push({ form, parameter, code: await closeCodeOf(url) });
        expected.push({ form, parameter, code: 4401 });
      }
    }
    expect(answers).toEqual(expected);
  });
});
