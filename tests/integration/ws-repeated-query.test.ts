/**
 * A websocket address with a query parameter given twice with different values is refused
 * like a REST one (README "Contract notes", server/http/repeated-query.ts): `?share=A&share=B`
 * took the first, so which link let a guest in depended on the order a script wrote them.
 * The upgrade closes 1008 (a request the boundary refuses), for any parameter; the same
 * value twice reads as once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { planScene, type PlanScene } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let s: PlanScene;
let token = '';

beforeAll(async () => {
  server = await startTestServer();
  s = await planScene(server.url);
  const link = await s.coordinator.json<{ url: string }>('POST', `/api/documents/${s.documentId}/share-links`, { label: 'Dubbel' }, 201);
  token = new URL(link.url).pathname.replace(/^\/s\//, '');
});
afterAll(() => server.stop());

/** The close code of a socket to `query`, or 'open' once the server has sent it something (it was admitted). */
function outcome(query: string): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws/${s.documentId}?${query}`);
    ws.on('message', () => (resolve('open'), ws.close()));
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

describe('a websocket query parameter given twice', () => {
  const other = 'B'.repeat(32);
  it.each([
    ['a valid link, then another', (): string => `share=${token}&share=${other}`, 1008],
    ['another, then a valid link', (): string => `share=${other}&share=${token}`, 1008],
    ['any parameter, beside a valid link', (): string => `share=${token}&x=1&x=2`, 1008],
    ['a ticket twice', (): string => `ticket=a&ticket=b`, 1008],
    ['the same link twice', (): string => `share=${token}&share=${token}`, 'open'],
    ['a valid link once', (): string => `share=${token}`, 'open'],
  ] as const)('%s', async (_what, query, expected) => {
    expect(await outcome(query())).toBe(expected);
  });
});
