/**
 * Invitations are links (DESIGN "Invitations are links", issue 16 item 3): who may do what,
 * the same answer for every address, single use, expiry on the injected clock, revocation,
 * roles of members who accept, and the token kept out of the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/context.js';
import { ApiClient, email, inviteToken, joinWorkspace } from '../support/api.js';
import { nearMisses } from '../support/near-miss.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlRows } from '../support/sql.js';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };

let server: TestServer;
let ws: string;
const people = {} as Record<'coordinator' | 'editor' | 'viewer' | 'outsider' | 'anonymous', ApiClient>;

interface Invitation {
  id: string;
  email: string;
  role: string;
  url: string;
  expiresAt: string;
}

async function signedUp(who: string, address = email(who)): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  await api.signup(address);
  return api;
}

async function invite(role = 'editor', address = email('invitee'), space = ws, by = people.coordinator): Promise<Invitation> {
  return (await by.json<{ invitation: Invitation }>('POST', `/api/workspaces/${space}/members`, { email: address, role }, 201)).invitation;
}

const accept = (api: ApiClient, url: string) => api.request('POST', `/api/invitations/${inviteToken(url)}/accept`);
const look = (api: ApiClient, url: string) => api.request('GET', `/api/invitations/${inviteToken(url)}`);
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  server = await startTestServer({}, clock);
  people.coordinator = await signedUp('coordinator');
  ws = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Länkarna' }, 201)).id;
  people.editor = await signedUp('editor');
  await joinWorkspace(people.coordinator, people.editor, ws, 'editor');
  people.viewer = await signedUp('viewer');
  await joinWorkspace(people.coordinator, people.viewer, ws, 'viewer');
  people.outsider = await signedUp('outsider');
  people.anonymous = new ApiClient(server.url);
});

afterAll(async () => {
  await server.stop();
});

type Who = keyof typeof people;

describe('who may do what with invitations', () => {
  const inviting: Array<[Who, number]> = [['anonymous', 401], ['outsider', 404], ['viewer', 403], ['editor', 403], ['coordinator', 201]];
  it.each(inviting)('POST …/members as %s → %i', async (who, status) => {
    expect((await people[who].request('POST', `/api/workspaces/${ws}/members`, { email: email('x'), role: 'viewer' })).status).toBe(status);
  });

  it.each(inviting.map(([who, status]): [Who, number] => [who, status === 201 ? 204 : status]))('DELETE …/invitations/:id as %s → %i', async (who, status) => {
    const invitation = await invite();
    expect((await people[who].request('DELETE', `/api/workspaces/${ws}/invitations/${invitation.id}`)).status).toBe(status);
    // Only the coordinator's revocation kills the link.
    expect((await look(people.anonymous, invitation.url)).status).toBe(status === 204 ? 410 : 200);
  });

  it.each<[Who, number]>([['viewer', 0], ['editor', 0], ['coordinator', 1]])('GET /workspaces/:ws lists pending invitations (no token) to %s: %i', async (who, shown) => {
    const invitation = await invite('viewer', email('listed'));
    const { invitations } = await people[who].json<{ invitations: Array<Record<string, unknown>> }>('GET', `/api/workspaces/${ws}`, undefined, 200);
    const mine = invitations.filter((i) => i.id === invitation.id);
    expect(mine).toHaveLength(shown);
    if (shown) expect(mine[0]).toEqual({ id: invitation.id, email: invitation.email, role: 'viewer', expiresAt: invitation.expiresAt });
  });

  it('with the link anyone sees what it is, without it nobody does', async () => {
    const invitation = await invite('editor');
    for (const who of ['anonymous', 'outsider'] as const) {
      expect(await people[who].json('GET', `/api/invitations/${inviteToken(invitation.url)}`, undefined, 200)).toEqual({
        workspace: { name: 'Länkarna' },
        role: 'editor',
        expiresAt: invitation.expiresAt,
      });
    }
    for (const wrong of [...nearMisses(inviteToken(invitation.url)), 'x', 'a'.repeat(500)]) {
      const response = await people.outsider.request('GET', `/api/invitations/${encodeURIComponent(wrong)}`);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('invitation.not-found');
      expect((await people.outsider.request('POST', `/api/invitations/${encodeURIComponent(wrong)}/accept`)).status).toBe(404);
    }
    expect((await people.outsider.request('GET', `/api/workspaces/${ws}`)).status).toBe(404);
  });

  it('accepting needs a session; the invitee with the link joins, whatever their email', async () => {
    const invitation = await invite('editor', email('someone-else'));
    expect((await accept(people.anonymous, invitation.url)).status).toBe(401);
    const invitee = await signedUp('holder');
    expect(await invitee.json('POST', `/api/invitations/${inviteToken(invitation.url)}/accept`, undefined, 200)).toEqual({
      workspace: { id: ws, name: 'Länkarna', role: 'editor' },
    });
    expect((await invitee.json<{ role: string }>('GET', `/api/workspaces/${ws}`, undefined, 200)).role).toBe('editor');
  });
});

describe('inviting reveals nothing about accounts', () => {
  it('answers the same for an address with an account, a member, no account, a differently cased one and oneself', async () => {
    const withAccount = email('has-account');
    await signedUp('has-account', withAccount);
    const coordinatorEmail = (await people.coordinator.json<{ user: { email: string } }>('GET', '/api/me')).user.email;
    const viewerEmail = (await people.viewer.json<{ user: { email: string } }>('GET', '/api/me')).user.email;
    const before = await people.coordinator.json<{ members: unknown[] }>('GET', `/api/workspaces/${ws}`);
    const addresses = [withAccount, viewerEmail, email('no-account'), withAccount.toUpperCase(), coordinatorEmail];
    const answers = [];
    for (const address of addresses) {
      const response = await people.coordinator.request('POST', `/api/workspaces/${ws}/members`, { email: address, role: 'editor' });
      const body = (await response.json()) as { invitation: Invitation };
      expect(body.invitation.email).toBe(address.toLowerCase());
      expect(body.invitation.url).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{32}$`));
      answers.push({ status: response.status, body: { ...body, invitation: { ...body.invitation, id: '', email: '', url: '' } } });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 201, body: { invitation: { id: '', email: '', url: '', role: 'editor', expiresAt: new Date(now + 14 * DAY).toISOString() }, mailed: false } });
    // Nobody was added: members stay as they were until someone accepts a link.
    expect((await people.coordinator.json<{ members: unknown[] }>('GET', `/api/workspaces/${ws}`)).members).toEqual(before.members);
  });
});

describe('a link is used once, expires, and can be revoked', () => {
  it('is single use: a second accept by anyone is 410 invitation.used', async () => {
    const invitation = await invite('viewer');
    const first = await signedUp('first');
    expect((await accept(first, invitation.url)).status).toBe(200);
    for (const who of [first, await signedUp('second')]) {
      const again = await accept(who, invitation.url);
      expect(again.status).toBe(410);
      expect(await errorCode(again)).toBe('invitation.used');
    }
    expect((await look(people.anonymous, invitation.url)).status).toBe(410);
  });

  it('a race of two accepts lets exactly one in', async () => {
    const invitation = await invite('viewer');
    const [a, b] = [await signedUp('racer-a'), await signedUp('racer-b')];
    const statuses = (await Promise.all([accept(a, invitation.url), accept(b, invitation.url)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410]);
  });

  it.each([
    [0, 200],
    [14 * DAY - 1, 200],
    [14 * DAY, 410],
    [30 * DAY, 410],
  ])('expires after 14 days on the injected clock: %i ms later → %i', async (later, status) => {
    // A server of its own: its clock only moves forward, and nothing else here shares it.
    let time = Date.now();
    const own = await startTestServer({}, { now: () => time, today: () => new Date(time).toISOString().slice(0, 10) });
    try {
      const coordinator = new ApiClient(own.url);
      const coordinatorEmail = email('expiring');
      await coordinator.signup(coordinatorEmail);
      const space = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Tid' }, 201)).id;
      const invitation = await invite('viewer', email('late'), space, coordinator);
      time += later;
      // Sessions made now, so only the link's age is under test.
      await coordinator.json('POST', '/api/auth/login', { email: coordinatorEmail, password: 'lösenord-123' }, 200);
      const listed = (await coordinator.json<{ invitations: Invitation[] }>('GET', `/api/workspaces/${space}`)).invitations;
      expect(listed.map((i) => i.id)).toEqual(status === 200 ? [invitation.id] : []);
      const invitee = new ApiClient(own.url);
      await invitee.signup(email('late'));
      const response = await accept(invitee, invitation.url);
      expect(response.status).toBe(status);
      if (status === 410) expect(await errorCode(response)).toBe('invitation.expired');
    } finally {
      await own.stop();
    }
  });

  it('revoked: the link answers 410 invitation.revoked, and a second revoke or one from another workspace is 404', async () => {
    const other = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Annan' }, 201)).id;
    const invitation = await invite('editor');
    expect((await people.coordinator.request('DELETE', `/api/workspaces/${other}/invitations/${invitation.id}`)).status).toBe(404);
    expect((await look(people.anonymous, invitation.url)).status).toBe(200);
    expect((await people.coordinator.request('DELETE', `/api/workspaces/${ws}/invitations/${invitation.id}`)).status).toBe(204);
    for (const response of [await look(people.anonymous, invitation.url), await accept(await signedUp('too-late'), invitation.url)]) {
      expect(response.status).toBe(410);
      expect(await errorCode(response)).toBe('invitation.revoked');
    }
    expect((await people.coordinator.request('DELETE', `/api/workspaces/${ws}/invitations/${invitation.id}`)).status).toBe(404);
  });

  it('inviting the same address again replaces its pending link', async () => {
    const address = email('twice');
    const first = await invite('viewer', address);
    const second = await invite('editor', address);
    expect(await errorCode(await look(people.anonymous, first.url))).toBe('invitation.revoked');
    expect((await look(people.anonymous, second.url)).status).toBe(200);
    const listed = (await people.coordinator.json<{ invitations: Invitation[] }>('GET', `/api/workspaces/${ws}`)).invitations;
    expect(listed.filter((i) => i.email === address).map((i) => i.id)).toEqual([second.id]);
  });
});

describe('accepting as a member keeps the higher role', () => {
  it.each([
    ['viewer', 'editor', 'editor'],
    ['viewer', 'coordinator', 'coordinator'],
    ['editor', 'viewer', 'editor'],
    ['coordinator', 'viewer', 'coordinator'],
    ['editor', 'editor', 'editor'],
  ] as const)('a %s accepting a %s link is %s', async (current, invited, expected) => {
    const space = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Roller' }, 201)).id;
    const member = await signedUp('member');
    await joinWorkspace(people.coordinator, member, space, current);
    const invitation = await invite(invited, email('again'), space);
    expect(await member.json('POST', `/api/invitations/${inviteToken(invitation.url)}/accept`, undefined, 200)).toEqual({
      workspace: { id: space, name: 'Roller', role: expected },
    });
    expect((await member.json<{ role: string }>('GET', `/api/workspaces/${space}`)).role).toBe(expected);
  });
});

describe('the token at rest and in the link', () => {
  it('stores only its hash, and clears the typed address once used', async () => {
    const address = email('stored');
    const invitation = await invite('viewer', address);
    const token = inviteToken(invitation.url);
    // Every column of every row, read as text here (a LIKE on PostgreSQL's nocase column is refused).
    const rowsHolding = async (text: string) => (await sqlRows(server.deps.kdb, 'SELECT * FROM invitations')).filter((row) => JSON.stringify(row).includes(text)).length;
    expect(await rowsHolding(token)).toBe(0);
    expect(await rowsHolding(address)).toBe(1);
    await accept(await signedUp('stored'), invitation.url);
    expect(await rowsHolding(address)).toBe(0);
  });

  it('behind TRUST_PROXY builds the link from the proxy’s forwarded proto and host (its last entries)', async () => {
    const proxied = await startTestServer({ trustProxy: true }, clock);
    try {
      const coordinator = new ApiClient(proxied.url);
      await coordinator.signup(email('proxied'));
      const space = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Proxy' }, 201)).id;
      const response = await coordinator.request('POST', `/api/workspaces/${space}/members`, JSON.stringify({ email: email('p'), role: 'viewer' }), {
        'content-type': 'application/json',
        'x-forwarded-proto': 'http, https',
        'x-forwarded-host': 'evil.example, samplan.kommun.se',
      });
      const { invitation } = (await response.json()) as { invitation: Invitation };
      expect(invitation.url).toMatch(/^https:\/\/samplan\.kommun\.se\/invite\/[A-Za-z0-9_-]{32}$/);
    } finally {
      await proxied.stop();
    }
  });
});
