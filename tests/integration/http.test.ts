import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const kr = (whole: number) => whole * 100;

describe('accounts', () => {
  it('signs up, reads /api/me, logs out and in again', async () => {
    const api = new ApiClient(server.url);
    const address = email('anna');
    const signup = await api.request('POST', '/api/auth/signup', { email: address, password: 'hemligt-123', name: 'Anna' });
    expect(signup.status).toBe(201);
    const cookie = signup.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/samplan_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await api.json('GET', '/api/me', undefined, 200)).toMatchObject({ user: { email: address, name: 'Anna' }, workspaces: [] });

    expect((await api.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await api.request('GET', '/api/me')).status).toBe(401);
    const login = await api.json('POST', '/api/auth/login', { email: address.toUpperCase(), password: 'hemligt-123' }, 200);
    expect(login).toMatchObject({ user: { email: address } });
  });

  it('refuses a taken email with 409 and bad input with 400 validation', async () => {
    const api = new ApiClient(server.url);
    const address = email('dup');
    await api.signup(address);
    const again = await new ApiClient(server.url).request('POST', '/api/auth/signup', { email: address, password: 'hemligt-123', name: 'X' });
    expect(again.status).toBe(409);
    const bad = await new ApiClient(server.url).request('POST', '/api/auth/signup', { email: 'inte-en-adress', password: 'kort', name: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation' } });
    const notJson = await new ApiClient(server.url).request('POST', '/api/auth/signup', '{', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
  });

  it('gives one message for any bad credential, and rate-limits with Retry-After', async () => {
    const address = email('limit');
    await new ApiClient(server.url).signup(address);
    const api = new ApiClient(server.url);
    const wrongPassword = await api.request('POST', '/api/auth/login', { email: address, password: 'fel-fel-fel' });
    const noSuchUser = await api.request('POST', '/api/auth/login', { email: email('nobody'), password: 'fel-fel-fel' });
    expect(wrongPassword.status).toBe(401);
    expect(noSuchUser.status).toBe(401);
    type ErrorBody = { error: { message: string } };
    const messages = [(await wrongPassword.json()) as ErrorBody, (await noSuchUser.json()) as ErrorBody].map((b) => b.error.message);
    expect(messages[0]).toBe(messages[1]);
    for (let i = 0; i < 4; i++) await api.request('POST', '/api/auth/login', { email: address, password: 'fel-fel-fel' });
    const limited = await api.request('POST', '/api/auth/login', { email: address, password: 'lösenord-123' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  // The class: any two strings that are not an account's credentials (contract audit: a
  // malformed address and an over-long password answered 400 and told them apart).
  it.each([
    ['a wrong password', (a: string) => ({ email: a, password: 'fel-fel-fel' })],
    ['no such account', () => ({ email: email('nobody'), password: 'fel-fel-fel' })],
    ['not an address', () => ({ email: 'not-an-email', password: 'whatever12' })],
    ['an empty address', () => ({ email: '', password: 'whatever12' })],
    ['an address longer than any', (a: string) => ({ email: `${'x'.repeat(300)}${a}`, password: 'whatever12' })],
    ['an empty password', (a: string) => ({ email: a, password: '' })],
    ['a password longer than any', (a: string) => ({ email: a, password: 'p'.repeat(5_000) })],
    ['the right password with a character more', (a: string) => ({ email: a, password: 'lösenord-1234' })],
  ])('answers %s with 401 and the one message', async (_what, body) => {
    const address = email('cred');
    await new ApiClient(server.url).signup(address);
    const response = await new ApiClient(server.url).request('POST', '/api/auth/login', body(address));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'invalid-credentials', message: 'Fel e-postadress eller lösenord.' } });
  });

  it('refuses state-changing requests from another origin', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('origin'));
    const foreign = await api.request('POST', '/api/workspaces', { name: 'X' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const same = await api.request('POST', '/api/workspaces', { name: 'X' }, { origin: server.url });
    expect(same.status).toBe(201);
  });

  it('refuses oversized bodies with 413', async () => {
    const api = new ApiClient(server.url);
    const response = await api.request('POST', '/api/auth/signup', { email: 'a@b.se', password: 'x'.repeat(100_000), name: 'A' });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toMatchObject({ error: { code: 'too-large' } });
  });
});

describe('sign-up closed by config', () => {
  it('refuses sign-up with 403', async () => {
    const closed = await startTestServer({ signupOpen: false });
    try {
      const response = await new ApiClient(closed.url).request('POST', '/api/auth/signup', { email: email('x'), password: 'hemligt-123', name: 'X' });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'signup-closed' } });
    } finally {
      await closed.stop();
    }
  });
});

describe('workspaces, members, documents', () => {
  it('gives the creator the coordinator role and enforces roles: 404 for non-members, 403 for too-low roles', async () => {
    const coordinator = new ApiClient(server.url);
    await coordinator.signup(email('coord'));
    const { id: ws } = await coordinator.json<{ id: string; name: string }>('POST', '/api/workspaces', { name: 'Klimatnätverket' }, 201);
    const viewer = new ApiClient(server.url);
    const viewerEmail = email('viewer');
    const viewerUser = await viewer.signup(viewerEmail);
    const outsider = new ApiClient(server.url);
    await outsider.signup(email('outsider'));

    await joinWorkspace(coordinator, viewer, ws, 'viewer', viewerEmail);
    const workspace = await viewer.json<{ role: string; members: Array<{ id: string; role: string }> }>('GET', `/api/workspaces/${ws}`, undefined, 200);
    expect(workspace.role).toBe('viewer');
    expect(workspace.members).toHaveLength(2);
    expect((await viewer.json<{ workspaces: unknown[] }>('GET', '/api/me')).workspaces).toEqual([{ id: ws, name: 'Klimatnätverket', role: 'viewer', country: 'SE' }]);

    expect((await viewer.request('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Träffar' })).status).toBe(403);
    expect((await viewer.request('POST', `/api/workspaces/${ws}/members`, { email: email('x'), role: 'editor' })).status).toBe(403);
    expect((await outsider.request('GET', `/api/workspaces/${ws}`)).status).toBe(404);
    expect((await new ApiClient(server.url).request('GET', `/api/workspaces/${ws}`)).status).toBe(401);

    const doc = await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Träffar' }, 201);
    for (const path of ['', '/export.json', '/validation']) {
      expect((await outsider.request('GET', `/api/documents/${doc.id}${path}`)).status).toBe(404);
    }
    expect((await outsider.request('POST', `/api/documents/${doc.id}/ticket`)).status).toBe(404);
    expect(await viewer.json('GET', `/api/documents/${doc.id}`, undefined, 200)).toEqual({ id: doc.id, workspaceId: ws, kind: 'agenda', title: 'Träffar', role: 'viewer', readOnly: null });

    await coordinator.json('PATCH', `/api/workspaces/${ws}/members/${viewerUser.id}`, { role: 'editor' }, 200);
    expect((await viewer.request('POST', `/api/workspaces/${ws}/documents`, { kind: 'strategy', title: 'Strategi' })).status).toBe(201);
    expect((await coordinator.request('DELETE', `/api/workspaces/${ws}/members/${viewerUser.id}`)).status).toBe(204);
    expect((await viewer.request('GET', `/api/workspaces/${ws}`)).status).toBe(404);
  });

  it('never joins a workspace by email on sign-up: only the invitation link does (issue 16)', async () => {
    const coordinator = new ApiClient(server.url);
    const me = await coordinator.signup(email('inviter'));
    const { id: ws } = await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nätverk' }, 201);
    const invitee = email('invitee');
    const { invitation } = await coordinator.json<{ invitation: { email: string; role: string } }>('POST', `/api/workspaces/${ws}/members`, { email: invitee, role: 'editor' }, 201);
    expect(invitation).toMatchObject({ email: invitee, role: 'editor' });
    const newcomer = new ApiClient(server.url);
    await newcomer.signup(invitee);
    expect((await newcomer.request('GET', `/api/workspaces/${ws}`)).status).toBe(404);
    expect((await coordinator.request('DELETE', `/api/workspaces/${ws}/members/${me.id}`)).status).toBe(409);
  });

  it('validates names: empty and over 200 characters are 400 validation', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('names'));
    for (const name of ['', '   ', 'x'.repeat(201)]) {
      const response = await api.request('POST', '/api/workspaces', { name });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'validation' } });
    }
    const { id: ws } = await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'x'.repeat(200) }, 201);
    expect((await api.request('POST', `/api/workspaces/${ws}/documents`, { kind: 'novel', title: 'X' })).status).toBe(400);
  });
});

describe('import, export and validation through the API', () => {
  let api: ApiClient;
  let ws: string;
  beforeAll(async () => {
    api = new ApiClient(server.url);
    await api.signup(email('importer'));
    ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Import' }, 201)).id;
  });

  const importTable = (body: string, type: string, query = '') =>
    api.request('POST', `/api/workspaces/${ws}/import${query}`, body, { 'content-type': type });

  it('imports handlingsplan-smaland.tsv to the expected figures', async () => {
    const response = await importTable(readSample('handlingsplan-smaland.tsv'), 'text/tab-separated-values; charset=utf-8');
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; kind: string; title: string; report: { statedTotals: Array<{ ok: boolean; stated: number; computed: number }> } };
    expect(created).toMatchObject({ kind: 'action-plan', title: 'Handlingsplan Klimatnätverket Småland 2027–2028' });
    expect(created.report.statedTotals.filter((t) => !t.ok)).toEqual([{ label: 'Totalsumma projektledning (kr)', stated: kr(1_290_000), computed: kr(1_285_000), ok: false }]);

    const exported = await api.json<{ id: string; totals: Record<string, unknown>; issues: Array<{ code: string }>; goals: unknown[] }>(
      'GET', `/api/documents/${created.id}/export.json`, undefined, 200,
    );
    expect(exported.id).toBe(created.id);
    expect(exported.goals).toHaveLength(3);
    expect(exported.totals).toEqual({
      activities: kr(1_846_250), sections: { Projektledning: kr(1_285_000) }, costs: kr(1_435_000), planned: kr(3_281_250),
      spentBefore: kr(230_000), frame: kr(3_600_000), remaining: kr(88_750),
    });
    expect(exported.issues.map((i) => i.code)).toContain('budget.missing');

    const tsv = await api.request('GET', `/api/documents/${created.id}/export.tsv`);
    expect(tsv.headers.get('content-type')).toMatch(/text\/tab-separated-values/);
    const text = await tsv.text();
    expect(text).toContain('Totalsumma projektledning (kr):\t1 285 000');
    const again = await importTable(text, 'text/tab-separated-values', '?title=Kopia');
    const report = ((await again.json()) as { report: { statedTotals: Array<{ ok: boolean }> } }).report;
    expect(report.statedTotals.every((t) => t.ok)).toBe(true);
  });

  it('imports handlingsplan-innherred.csv, over its frame by 75 000', async () => {
    const response = await importTable(readSample('handlingsplan-innherred.csv'), 'text/csv', '?title=Innherred');
    const created = (await response.json()) as { id: string; title: string };
    expect(response.status).toBe(201);
    expect(created.title).toBe('Innherred');
    const { issues } = await api.json<{ issues: Array<{ code: string; message: string; path: string[] }> }>(
      'GET', `/api/documents/${created.id}/validation?locale=nb`, undefined, 200,
    );
    const overFrame = issues.find((i) => i.code === 'budget.over-frame');
    expect(overFrame?.path).toEqual(['budget', 'frame']);
    expect(overFrame?.message.replace(/\s/g, ' ')).toContain('75 000 kr');
    const exported = await api.json<{ currency: string; totals: { remaining: number } }>('GET', `/api/documents/${created.id}/export.json`);
    expect(exported.currency).toBe('NOK');
    expect(exported.totals.remaining).toBe(kr(-75_000));
  });

  it('refuses a body that is not a plan table with 400 import.unreadable, creating nothing', async () => {
    const before = (await api.json<{ documents: unknown[] }>('GET', `/api/workspaces/${ws}`)).documents.length;
    const response = await importTable('hej\nhopp', 'text/csv');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'import.unreadable' } });
    expect((await api.json<{ documents: unknown[] }>('GET', `/api/workspaces/${ws}`)).documents.length).toBe(before);
    expect((await importTable('x', 'application/pdf')).status).toBe(415);
  });

  it('exports only action plans as a plan table', async () => {
    const doc = await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'strategy', title: 'Strategi' }, 201);
    expect((await api.request('GET', `/api/documents/${doc.id}/export.tsv`)).status).toBe(400);
    expect(await api.json('GET', `/api/documents/${doc.id}/export.json`, undefined, 200)).toMatchObject({ kind: 'strategy', title: 'Strategi', issues: [] });
  });
});
