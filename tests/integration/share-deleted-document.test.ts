/**
 * A share link to a document moved to the trash says so (user report: the guest page said
 * "Länken finns inte …" as for a mistyped link). DESIGN: a deleted document is 404 for
 * everyone, so the status stays 404; the code is `share.document-deleted`, on every guest
 * route, while the document is in the trash. After an undelete the link stays revoked (410,
 * red-team FA2-6); once purged, the link is gone with it (404 `share.not-found`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/context.js';
import { sweepTrash } from '../../server/lifecycle/trash.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let coordinator: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer({ sessionAbsoluteMs: 365 * DAY, sessionIdleMs: 365 * DAY }, clock);
  coordinator = new ApiClient(server.url);
  await coordinator.signup(email('anna'), 'Anna Samordnare');
  ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nätverket' }, 201)).id;
});
afterAll(async () => {
  await server?.stop();
});

const GUEST_ROUTES = ['', '/export.json', '/compare?from=adopted&to=live', '/changes'];

async function guest(token: string, path: string): Promise<{ status: number; code?: string }> {
  const response = await new ApiClient(server.url).request('GET', `/api/shared/${token}${path}`);
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code };
}

async function sharedPlan(revokedFirst: boolean): Promise<{ doc: string; token: string }> {
  const doc = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  const link = await coordinator.json<{ id: string; url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Politiker' }, 201);
  if (revokedFirst) await coordinator.json('DELETE', `/api/documents/${doc}/share-links/${link.id}`, undefined, 204);
  return { doc, token: new URL(link.url).pathname.replace(/^\/s\//, '') };
}

describe('a share link whose document is in the trash', () => {
  it.each([
    ['a live link', false],
    ['a link revoked before the document was deleted', true],
  ])('%s: 404 share.document-deleted on every guest route; after undelete 410; purged 404 share.not-found', async (_, revokedFirst) => {
    const { doc, token } = await sharedPlan(revokedFirst);
    await coordinator.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    for (const path of GUEST_ROUTES) expect({ path, ...(await guest(token, path)) }).toEqual({ path, status: 404, code: 'share.document-deleted' });

    await coordinator.json('POST', `/api/documents/${doc}/undelete`, undefined, 200);
    expect(await guest(token, '')).toEqual({ status: 410, code: 'share.expired' });

    await coordinator.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    now += 31 * DAY;
    await sweepTrash(server.deps, now);
    expect(await guest(token, '')).toEqual({ status: 404, code: 'share.not-found' });
  });
});
