/**
 * `GET /api/time` (DESIGN "Facilitation", timer; docs/facilitation.md): the server's clock
 * as ISO 8601 UTC, never cached, for anyone (guests on share links follow the timer too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let now = Date.parse('2027-03-15T09:30:00.250Z');

beforeAll(async () => {
  server = await startTestServer({}, { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) });
});

afterAll(async () => {
  await server.stop();
});

describe('GET /api/time', () => {
  it.each([
    ['signed out (a guest)', async () => new ApiClient(server.url)],
    ['signed in', async () => {
      const api = new ApiClient(server.url);
      await api.signup(email('tid'));
      return api;
    }],
  ])('answers the server clock to %s, with Cache-Control: no-store', async (_who, make) => {
    const api = await make();
    for (const at of ['2027-03-15T09:30:00.250Z', '2030-01-01T00:00:00.000Z']) {
      now = Date.parse(at);
      const response = await api.request('GET', '/api/time');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ now: at });
    }
  });
});
