/**
 * Red-team FA2-6: deleting a document revokes its share links for good. Before the fix an
 * undelete revived every link (they were only hidden by the document's `deleted_at`), so a
 * link handed out once worked again. Table: a live link and an already revoked one — after
 * delete + undelete neither opens (410); a new link does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/context.js';
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

type Link = { id: string; url: string };
const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/s\//, '');
const guestStatus = async (link: Link) => (await new ApiClient(server.url).request('GET', `/api/shared/${tokenOf(link.url)}`)).status;

describe('share links after delete and undelete', () => {
  it.each([
    ['a live link', async (_doc: string, _link: Link) => undefined],
    ['a link revoked before', async (doc: string, link: Link) => coordinator.request('DELETE', `/api/documents/${doc}/share-links/${link.id}`)],
  ])('%s stays revoked after undelete (410); a new link works', async (_what, before) => {
    const doc = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Agenda' }, 201)).id;
    const link = await coordinator.json<Link>('POST', `/api/documents/${doc}/share-links`, { label: 'Politiker' }, 201);
    await before(doc, link);
    await coordinator.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    expect(await guestStatus(link)).toBe(404);
    now += DAY;
    await coordinator.json('POST', `/api/documents/${doc}/undelete`, undefined, 200);
    expect(await guestStatus(link)).toBe(410);
    const { links } = await coordinator.json<{ links: Array<{ id: string; revoked: boolean }> }>('GET', `/api/documents/${doc}/share-links`, undefined, 200);
    expect(links.find((l) => l.id === link.id)?.revoked).toBe(true);
    const fresh = await coordinator.json<Link>('POST', `/api/documents/${doc}/share-links`, { label: 'Ny länk' }, 201);
    expect(await guestStatus(fresh)).toBe(200);
  });
});
