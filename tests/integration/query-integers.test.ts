/**
 * Every integer query parameter is plain decimal digits within its range, else 400
 * `validation` naming the parameter (red team X14: `limit=0x10`, `1e2`, ` 10`, `+5`, `010`
 * were read as numbers by `z.coerce`). One table: every route with an integer query
 * parameter × every form that is not plain digits; the plain forms at the range's ends pass.
 * The rule itself is fuzzed in tests/unit/query-integer.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let api: ApiClient;
let ws: string;
let doc: string;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('siffror'));
  ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Siffror' }, 201)).id;
  doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Tal' }, 201)).id;
});

afterAll(async () => {
  await server.stop();
});

/** Every route with an integer query parameter: its path, the parameter and its range. */
const routes = (): Array<{ path: string; name: string; min: number; max: number }> => [
  { path: `/api/documents/${doc}/history`, name: 'limit', min: 1, max: 500 },
  { path: `/api/workspaces/${ws}/audit`, name: 'limit', min: 1, max: 1000 },
];

/** Forms a number can be written in that are not plain decimal digits (percent-encoded as sent). */
const BAD_FORMS: ReadonlyArray<[string, string]> = [
  ['hex', '0x10'],
  ['exponent', '1e2'],
  ['leading space', '%2010'],
  ['trailing space', '10%20'],
  ['tab', '%0910'],
  ['plus sign', '%2B5'],
  ['minus sign', '-5'],
  ['leading zero', '010'],
  ['decimal point', '5.0'],
  ['binary', '0b11'],
  ['octal', '0o7'],
  ['underscore', '1_0'],
  ['Arabic-Indic digits', '%D9%A1%D9%A0'],
  ['full-width digits', '%EF%BC%91%EF%BC%90'],
  ['Infinity', 'Infinity'],
  ['empty', ''],
  ['word', 'tio'],
];

describe('integer query parameters', () => {
  it('refuse every form that is not plain decimal digits, on every route: 400 validation naming the parameter', async () => {
    const answers = [];
    for (const route of routes()) {
      for (const [form, value] of BAD_FORMS) {
        const response = await api.request('GET', `${route.path}?${route.name}=${value}`);
        answers.push({ path: route.path, form, status: response.status, body: await response.json() });
      }
    }
    const expected = routes().flatMap((route) =>
      BAD_FORMS.map(([form]) => ({ path: route.path, form, status: 400, body: { error: { code: 'validation', message: expect.stringContaining(`${route.name}:`) } } })),
    );
    expect(answers).toEqual(expected);
  });

  it('refuse plain digits outside the range and accept them at its ends', async () => {
    const answers = [];
    const expected = [];
    for (const route of routes()) {
      for (const [value, status] of [[route.min - 1, 400], [route.min, 200], [route.max, 200], [route.max + 1, 400], [10 ** 20, 400]] as const) {
        const response = await api.request('GET', `${route.path}?${route.name}=${BigInt(value)}`);
        answers.push({ path: route.path, value, status: response.status });
        expected.push({ path: route.path, value, status });
      }
    }
    expect(answers).toEqual(expected);
  });
});
