/**
 * GDPR (DESIGN "Accounts, sessions": `GET /api/me/export`, `DELETE /api/me`; issue 16 "GDPR
 * and account pages"): the export holds every personal datum the database keeps on the
 * person, with no token; deletion leaves neither their address nor their name in any
 * table — every table and column is scanned, so a table added later is checked too — while
 * their edits stay, attributed to "Borttagen användare".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { addGoal } from '../../shared/model/action-plan.js';
import { hashToken } from '../../server/auth/tokens.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount, sqlRows, tableNames } from '../support/sql.js';
import { connectPeer, synced, until } from '../support/yclient.js';

const PASSWORD = 'lösenord-123';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Every cell of every table, as text (blobs read as UTF-8), with where it was found. */
async function cellsContaining(needle: string): Promise<string[]> {
  const kdb = server.deps.kdb;
  const found: string[] = [];
  for (const name of await tableNames(kdb)) {
    for (const row of await sqlRows<Record<string, unknown>>(kdb, `SELECT * FROM "${name.replace(/"/g, '""')}"`)) {
      for (const [column, value] of Object.entries(row)) {
        const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
        if (text.toLowerCase().includes(needle.toLowerCase())) found.push(`${name}.${column}`);
      }
    }
  }
  return found;
}

interface Scene {
  anna: ApiClient;
  bo: ApiClient;
  annaId: string;
  boId: string;
  annaEmail: string;
  annaName: string;
  shared: string;
  alone: string;
  documentId: string;
}

let scenes = 0;
/** Anna: coordinator of a workspace Bo edits in, alone in another, invited to Bo's, one edit made live. */
async function scene(): Promise<Scene> {
  scenes += 1;
  const annaEmail = email('zebulon');
  const annaName = `Zebulon Kvistholm ${scenes}`;
  const anna = new ApiClient(server.url);
  const bo = new ApiClient(server.url);
  const annaId = (await anna.signup(annaEmail, annaName, PASSWORD)).id;
  const boId = (await bo.signup(email('bo'), 'Bo Redaktör')).id;
  const shared = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Gemensam' }, 201)).id;
  const alone = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Egen' }, 201)).id;
  await joinWorkspace(anna, bo, shared, 'editor');
  const bosOwn = (await bo.json<{ id: string }>('POST', '/api/workspaces', { name: 'Bos' }, 201)).id;
  await bo.json('POST', `/api/workspaces/${bosOwn}/members`, { email: annaEmail, role: 'viewer' }, 201);
  const documentId = (await anna.json<{ id: string }>('POST', `/api/workspaces/${shared}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  const peer = connectPeer(server.url, documentId, { cookie: anna.sessionCookie });
  await synced(peer);
  addGoal(peer.doc, { number: '7', title: 'Annas mål' });
  const edits = () => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE user_id = ?', annaId);
  await until(async () => (await edits()) > 0, 10_000, 'the edit stored');
  peer.destroy();
  return { anna, bo, annaId, boId, annaEmail, annaName, shared, alone, documentId };
}

describe('GET /api/me/export', () => {
  it('is a JSON download of every personal datum, without tokens', async () => {
    const s = await scene();
    const response = await s.anna.request('GET', '/api/me/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"$/);
    const text = await response.text();
    const data = JSON.parse(text) as Record<string, unknown> & {
      account: { id: string; email: string; name: string; createdAt: string };
      memberships: Array<{ workspace: { id: string }; role: string }>;
      sessions: Array<{ current: boolean }>;
      invitationsSent: Array<{ status: string }>;
      invitationsReceived: Array<{ status: string; role: string }>;
      documentsCreated: Array<{ id: string }>;
      edits: Array<{ document: { id: string }; updates: number }>;
    };
    expect(data.account).toMatchObject({ id: s.annaId, email: s.annaEmail, name: s.annaName });
    expect(Date.parse(data.account.createdAt)).not.toBeNaN();
    expect(data.memberships.map((m) => [m.workspace.id, m.role]).sort()).toEqual([[s.alone, 'coordinator'], [s.shared, 'coordinator']].sort());
    expect(data.sessions).toEqual([expect.objectContaining({ current: true })]);
    expect(data.invitationsSent.map((i) => i.status)).toEqual(['used']);
    expect(data.invitationsReceived).toEqual([expect.objectContaining({ status: 'pending', role: 'viewer' })]);
    expect(data.documentsCreated.map((d) => d.id)).toEqual([s.documentId]);
    expect(data.edits).toEqual([expect.objectContaining({ document: { id: s.documentId, title: 'Plan' } })]);
    expect(data.edits[0]?.updates).toBeGreaterThan(0);
    // No session secret: neither the cookie's token nor its hash (the session id).
    const token = decodeURIComponent(s.anna.sessionCookie.split('=')[1] ?? '');
    expect(token.length).toBeGreaterThan(10);
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashToken(token));
    expect(text).not.toContain('password');
  });

  it('needs a session', async () => {
    expect((await fetch(`${server.url}/api/me/export`)).status).toBe(401);
  });
});

describe('DELETE /api/me', () => {
  it('is refused while they are the last coordinator of a workspace others are in, and changes nothing', async () => {
    const s = await scene();
    const response = await s.anna.request('DELETE', '/api/me', { password: PASSWORD });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'last-coordinator', message: expect.stringContaining('Gemensam') });
    expect((await s.anna.request('GET', '/api/me')).status).toBe(200);
    expect(await cellsContaining(s.annaEmail)).not.toEqual([]);
  });

  it.each([
    { name: 'a wrong password', body: { password: 'fel-lösenord-1' }, status: 400, code: 'wrong-password' },
    { name: 'no password', body: {}, status: 400, code: 'validation' },
  ])('is refused with $name', async ({ body, status, code }) => {
    const s = await scene();
    const response = await s.anna.request('DELETE', '/api/me', body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect((await s.anna.request('GET', '/api/me')).status).toBe(200);
  });

  it('leaves no address or name in any table, and keeps their edits attributed to "Borttagen användare"', async () => {
    const s = await scene();
    await s.anna.json('PATCH', `/api/workspaces/${s.shared}/members/${s.boId}`, { role: 'coordinator' }, 200);
    const cookie = s.anna.sessionCookie;
    expect((await s.anna.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(204);

    expect(await cellsContaining(s.annaEmail)).toEqual([]);
    expect(await cellsContaining(s.annaName)).toEqual([]);
    const kdb = server.deps.kdb;
    const author = await sqlRows(kdb, 'SELECT DISTINCT u.name FROM document_updates d JOIN users u ON u.id = d.user_id WHERE d.document_id = ?', s.documentId);
    expect(author).toEqual([{ name: 'Borttagen användare' }]);
    expect(await sqlCount(kdb, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', s.annaId)).toBe(0);
    // The workspace only they were in went with them; the shared one stays, without them.
    expect(await sqlCount(kdb, 'SELECT COUNT(*) AS n FROM workspaces WHERE id = ?', s.alone)).toBe(0);
    const members = await s.bo.json<{ members: Array<{ id: string }>; documents: Array<{ id: string }> }>('GET', `/api/workspaces/${s.shared}`, undefined, 200);
    expect(members.members.map((m) => m.id)).toEqual([s.boId]);
    expect(members.documents.map((d) => d.id)).toEqual([s.documentId]);

    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: s.annaEmail, password: PASSWORD }) });
    expect(login.status).toBe(401);
    // The address is free again: a new account can be made with it.
    await new ApiClient(server.url).signup(s.annaEmail, 'Ny person');
  });

  it('closes the live documents of a workspace deleted with them (a guest gets 4404) and drops their rooms unstored', async () => {
    const s = await scene();
    await s.anna.json('PATCH', `/api/workspaces/${s.shared}/members/${s.boId}`, { role: 'coordinator' }, 200);
    const own = (await s.anna.json<{ id: string }>('POST', `/api/workspaces/${s.alone}/documents`, { kind: 'action-plan', title: 'Egen plan' }, 201)).id;
    const peer = connectPeer(server.url, own, { cookie: s.anna.sessionCookie });
    await synced(peer);
    addGoal(peer.doc, { number: '1', title: 'Mål i egen plan' });
    const link = await s.anna.json<{ url: string }>('POST', `/api/documents/${own}/share-links`, { label: 'Gäst' }, 201);
    const guest = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws/${own}?share=${link.url.split('/').pop()}`);
    const closed = new Promise<number>((resolve) => guest.on('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => (guest.once('open', resolve), guest.once('error', reject)));
    const errors = vi.spyOn(console, 'error');
    try {
      expect((await s.anna.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(204);
      expect(await closed).toBe(4404);
      peer.destroy();
      // Every room stored and compacted as at a shutdown: the dropped one is not among them.
      await server.deps.rooms.closeAll();
      expect(errors.mock.calls.map((call) => String(call[0]))).not.toContainEqual(expect.stringMatching(/compacting failed/));
    } finally {
      errors.mockRestore();
    }
  });
});
