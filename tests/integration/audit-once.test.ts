/**
 * An idempotent route audits only the call that changed something (DESIGN "Audit and
 * exports"; contract audit: a repeated `DELETE …/share-links/:id` answered 204 and wrote a
 * second `share-link.revoked`). Table: each route called twice in a row and twice at once;
 * the answers stay what the contract says, and the audit log holds one entry for the target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamWorkspace, type ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface AuditEntry {
  action: string;
  target: { type: string; id: string };
}

let server: TestServer;
let coordinator: ApiClient;
let ws: string;
let memberId: string;

const newDocument = async () => (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Agenda' }, 201)).id;
const audited = async (action: string, target: string) =>
  (await coordinator.json<{ entries: AuditEntry[] }>('GET', `/api/workspaces/${ws}/audit`, undefined, 200)).entries.filter((e) => e.action === action && e.target.id === target).length;

/** [route, audit action, setup returning the target id and the call to repeat, the first call's status, a repeat's]. */
type Case = [string, string, () => Promise<{ target: string; call: () => Promise<Response> }>, number, number?];

const CASES: Case[] = [
  ['revoke a share link', 'share-link.revoked', async () => {
    const doc = await newDocument();
    const link = await coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Gäst' }, 201);
    return { target: link.id, call: () => coordinator.request('DELETE', `/api/documents/${doc}/share-links/${link.id}`) };
  }, 204],
  ['archive', 'document.archived', async () => {
    const doc = await newDocument();
    return { target: doc, call: () => coordinator.request('POST', `/api/documents/${doc}/archive`) };
  }, 200],
  ['unarchive', 'document.unarchived', async () => {
    const doc = await newDocument();
    await coordinator.json('POST', `/api/documents/${doc}/archive`, undefined, 200);
    return { target: doc, call: () => coordinator.request('POST', `/api/documents/${doc}/unarchive`) };
  }, 200],
  ['set a member to the role they hold', 'member.role-changed', async () => {
    await coordinator.json('PATCH', `/api/workspaces/${ws}/members/${memberId}`, { role: 'viewer' }, 200);
    const before = await audited('member.role-changed', memberId);
    return { target: memberId, call: () => coordinator.request('PATCH', `/api/workspaces/${ws}/members/${memberId}`, { role: 'editor' }), before };
  }, 200],
  ['delete a document', 'document.deleted', async () => {
    const doc = await newDocument();
    return { target: doc, call: () => coordinator.request('DELETE', `/api/documents/${doc}`) };
  }, 204, 404],
];

beforeAll(async () => {
  server = await startTestServer();
  const team = await teamWorkspace(server.url, 'En gång', [['Erik Redaktör', 'editor']] as const);
  ({ coordinator, ws } = team);
  memberId = (await team.members[0].json<{ user: { id: string } }>('GET', '/api/me', undefined, 200)).user.id;
});

afterAll(async () => {
  await server?.stop();
});

describe('a repeated idempotent call is audited once', () => {
  it.each(CASES)('%s, twice in a row and twice at once (%s)', async (_what, action, prepare, status, again = status) => {
    for (const together of [false, true]) {
      const { target, call, before = 0 } = (await prepare()) as Awaited<ReturnType<Case[2]>> & { before?: number };
      const answers = together ? await Promise.all([call(), call()]) : [await call(), await call()];
      // At once, either call may be the one that changed something.
      const statuses = answers.map((answer) => answer.status);
      expect(together ? statuses.sort() : statuses).toEqual(together ? [status, again].sort() : [status, again]);
      expect(await audited(action, target)).toBe(before + 1);
    }
  });
});
