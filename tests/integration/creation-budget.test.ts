/**
 * What one account may make the server store (red team x14 (5): one account filled the disk
 * at ~12 GB/hour through workspaces, documents, imports, duplicates and versions). Every
 * REST route that stores something new, or adds an audit row each time it is called, shares
 * one budget per account and hour (CREATIONS_PER_HOUR, server/http/creation-budget.ts; a
 * stored document state costs one more per MiB): past
 * it 429 `rate-limited` with `Retry-After` and nothing stored, while another account, in the
 * same workspace, goes on. The server's clock is the test's: hours end when the test says.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import { loadConfig } from '../../server/config.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, tempDataDir, type TestServer } from '../support/server.js';

/** Each rename gets a title of its own from a count (tests draw no random numbers: seeded-tests.test.ts). */
let renames = 0;

const HOUR = 60 * 60 * 1000;
/** Room for a scene's set-up (5 creations) in an hour of its own. */
const BUDGET = 6;
let now = Date.parse('2027-03-01T10:00:00Z');
const clock = { now: () => now, today: () => '2027-03-01' };
const defaults = loadConfig({}).limits;
const WORKSPACES = 2;
const limits = { ...defaults, duplicatesPerMinute: 1_000, roundsPerMinute: 1_000, historyPerMinute: 1_000, exportsPerUser: 100, creationsPerHour: BUDGET, workspacesPerAccount: WORKSPACES };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits }, clock);
});
afterAll(async () => {
  await server?.stop();
});

/** A workspace of a new coordinator (Anna) with a second coordinator (Erik), a plan with a goal and a version, and an agenda with an action. */
interface Scene {
  anna: ApiClient;
  erik: ApiClient;
  ws: string;
  plan: string;
  goal: string;
  agenda: string;
  actions: string[];
  version: string;
  erikId: string;
}

async function scene(): Promise<Scene> {
  const [anna, erik] = [new ApiClient(server.url), new ApiClient(server.url)];
  await anna.signup(email('anna'));
  const erikId = (await erik.signup(email('erik'))).id;
  const ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Budget' }, 201)).id;
  await joinWorkspace(anna, erik, ws, 'coordinator');
  const plan = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  const agenda = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Träffar' }, 201)).id;
  let goal = '';
  await server.deps.rooms.change(plan, (doc) => {
    goal = addGoal(doc, { number: '1', title: 'Mål ett' });
  });
  const actions: string[] = [];
  await server.deps.rooms.change(agenda, (doc) => {
    const meeting = addItem(doc, AGENDA_COLLECTIONS.meetings, { title: 'Träff', date: '2027-03-01', start: '09:00', end: '12:00' });
    const item = addItem(doc, AGENDA_COLLECTIONS.items, { meetingId: meeting, title: 'Budget', minutes: 30 });
    for (const text of ['Ett', 'Två']) actions.push(addItem(doc, AGENDA_COLLECTIONS.actions, { itemId: item, text, owner: 'Anna', due: null, done: false }));
  });
  const version = (await anna.json<{ id: string }>('POST', `/api/documents/${plan}/versions`, { name: 'Första' }, 201)).id;
  // A new hour: the set-up's creations are behind it.
  now += HOUR;
  return { anna, erik, ws, plan, goal, agenda, actions, version, erikId };
}

/** Spends the account's hour on invitations (themselves a creation). */
async function spend(api: ApiClient, ws: string, times = BUDGET): Promise<void> {
  for (let i = 0; i < times; i++) await api.json('POST', `/api/workspaces/${ws}/members`, { email: email('inbjuden'), role: 'viewer' }, 201);
}

const count = async (table: 'documents' | 'document_versions' | 'share_links' | 'invitations' | 'vote_rounds' | 'memberships', column: string, value: string) =>
  Number((await server.deps.kdb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column as never, '=', value as never).executeTakeFirstOrThrow()).n);

const auditRows = async (s: Scene) => (await s.anna.json<{ entries: unknown[] }>('GET', `/api/workspaces/${s.ws}/audit?limit=1000`, undefined, 200)).entries.length;
const planActivities = async (s: Scene) => (await s.anna.json<{ goals: Array<{ activities: unknown[] }> }>('GET', `/api/documents/${s.plan}/export.json`, undefined, 200)).goals.flatMap((g) => g.activities).length;

type Call = (api: ApiClient, s: Scene) => Promise<Response>;
const tsv = { 'content-type': 'text/tab-separated-values' };
const json = (method: string, path: (s: Scene) => string, body?: (s: Scene) => unknown): Call => (api, s) => api.request(method, path(s), body?.(s));

/** Every route of the class: what it stores, and how much of that there is. */
const ROUTES: Array<[string, Call, (s: Scene) => Promise<number>]> = [
  ['POST /workspaces', json('POST', () => '/api/workspaces', () => ({ name: 'Till' })), async () => Number((await server.deps.kdb.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)],
  ['POST /workspaces/:ws/documents', json('POST', (s) => `/api/workspaces/${s.ws}/documents`, () => ({ kind: 'action-plan', title: 'Ny' })), (s) => count('documents', 'workspace_id', s.ws)],
  ['POST /workspaces/:ws/import', (api, s) => api.request('POST', `/api/workspaces/${s.ws}/import`, readSample('handlingsplan-smaland.tsv'), tsv), (s) => count('documents', 'workspace_id', s.ws)],
  ['POST /documents/:doc/duplicate', json('POST', (s) => `/api/documents/${s.plan}/duplicate`, () => ({ title: 'Kopia' })), (s) => count('documents', 'workspace_id', s.ws)],
  ['POST /documents/:doc/versions', json('POST', (s) => `/api/documents/${s.plan}/versions`, () => ({ name: 'Workshop' })), (s) => count('document_versions', 'document_id', s.plan)],
  ['POST /documents/:doc/versions/:v/restore', json('POST', (s) => `/api/documents/${s.plan}/versions/${s.version}/restore`), (s) => count('document_versions', 'document_id', s.plan)],
  ['POST /documents/:doc/share-links', json('POST', (s) => `/api/documents/${s.plan}/share-links`, () => ({ label: 'Styrgrupp', expiresInDays: 30 })), (s) => count('share_links', 'document_id', s.plan)],
  ['POST /workspaces/:ws/members', json('POST', (s) => `/api/workspaces/${s.ws}/members`, () => ({ email: email('ny'), role: 'viewer' })), (s) => count('invitations', 'workspace_id', s.ws)],
  ['POST /documents/:doc/rounds', json('POST', (s) => `/api/documents/${s.plan}/rounds`, (s) => ({ title: 'Prioritera', items: [{ collection: 'goals', id: s.goal }], dotsPerPerson: 3, anonymous: false })), (s) => count('vote_rounds', 'document_id', s.plan)],
  ['POST /documents/:agenda/actions/:id/to-plan', (api, s) => api.request('POST', `/api/documents/${s.agenda}/actions/${s.actions.pop() ?? ''}/to-plan`, { planId: s.plan, goalId: s.goal }), planActivities],
  ['PATCH /documents/:doc', json('PATCH', (s) => `/api/documents/${s.plan}`, () => ({ title: `Plan ${(renames += 1)}` })), auditRows],
  ['POST /documents/:doc/archive', json('POST', (s) => `/api/documents/${s.agenda}/archive`), auditRows],
  ['DELETE /documents/:doc', json('DELETE', (s) => `/api/documents/${s.agenda}`), auditRows],
  ['PATCH /workspaces/:ws/members/:id', json('PATCH', (s) => `/api/workspaces/${s.ws}/members/${s.erikId}`, () => ({ role: 'editor' })), auditRows],
];

describe('one budget of creations per account and hour, shared by every route that stores', () => {
  it.each(ROUTES)('%s: past the budget 429 with Retry-After, nothing stored; another account goes on', async (_name, call, stored) => {
    const s = await scene();
    await spend(s.anna, s.ws);
    const before = await stored(s);
    const refused = await call(s.anna, s);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect({ status: refused.status, code: body.error.code }).toEqual({ status: 429, code: 'rate-limited' });
    expect(body.error.message).toMatch(new RegExp(`^Du har skapat ${BUDGET} saker den senaste timmen`));
    // Seconds until the clock hour ends.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await stored(s)).toBe(before);
    const other = await call(s.erik, s);
    expect(other.status, await other.clone().text()).toBeLessThan(300);
  });

  it('the hour ends (Retry-After later): the account may store its budget again', async () => {
    const s = await scene();
    await spend(s.anna, s.ws);
    const refused = await s.anna.request('POST', `/api/workspaces/${s.ws}/documents`, { kind: 'agenda', title: 'Ny' });
    expect(refused.status).toBe(429);
    now += Number(refused.headers.get('retry-after')) * 1000;
    await spend(s.anna, s.ws);
    expect((await s.anna.request('POST', `/api/workspaces/${s.ws}/documents`, { kind: 'agenda', title: 'Ny' })).status).toBe(429);
  });

  it('holds across a restart: counted in the database, not in the process', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ limits, dataDir }, clock);
    const anna = new ApiClient(first.url);
    await anna.signup(email('anna'));
    const ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Omstart' }, 201)).id;
    await spend(anna, ws, BUDGET - 1);
    await first.stop();
    const second = await startTestServer({ limits, dataDir }, clock);
    try {
      const refused = await new ApiClient(second.url).request('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Ny' }, { cookie: anna.sessionCookie });
      expect(refused.status).toBe(429);
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a bigger state costs more: one more creation per MiB stored', () => {
  /** 60 goals with 20 000-character descriptions: ~1.2 MB of state, 2 creations a version. */
  const grow = (plan: string) =>
    server.deps.rooms.change(plan, (doc) => {
      for (let i = 0; i < 60; i++) addGoal(doc, { number: String(i + 2), title: `Mål ${i + 2}`, description: `${i} `.padEnd(20_000, 'x') });
    });

  it.each([
    ['POST …/versions', (s: Scene) => s.anna.request('POST', `/api/documents/${s.plan}/versions`, { name: 'Stor' }), (s: Scene) => count('document_versions', 'document_id', s.plan)],
    ['POST …/duplicate', (s: Scene) => s.anna.request('POST', `/api/documents/${s.plan}/duplicate`, { title: 'Stor kopia' }), (s: Scene) => count('documents', 'workspace_id', s.ws)],
    ['POST …/versions/:v/restore', (s: Scene) => s.anna.request('POST', `/api/documents/${s.plan}/versions/${s.version}/restore`), (s: Scene) => count('document_versions', 'document_id', s.plan)],
  ])('%s of a 1.2 MB plan needs two creations: with one left it is refused, nothing stored', async (_name, call, stored) => {
    const s = await scene();
    await grow(s.plan);
    await spend(s.anna, s.ws, BUDGET - 1);
    const before = await stored(s);
    expect((await call(s)).status).toBe(429);
    expect(await stored(s)).toBe(before);
    // The small agenda's version costs the one creation left.
    expect((await s.anna.request('POST', `/api/documents/${s.agenda}/versions`, { name: 'Liten' })).status).toBe(201);
  });
});

describe('workspaces one account coordinates (WORKSPACES_PER_ACCOUNT)', () => {
  const coordinated = (id: string) => count('memberships', 'user_id', id);
  const create = (api: ApiClient, name = 'Ny') => api.request('POST', '/api/workspaces', { name });

  it('past the count: 409 workspace.limit in Swedish, nothing stored; another account creates', async () => {
    now += HOUR;
    const anna = new ApiClient(server.url);
    const { id } = await anna.signup(email('anna'));
    for (let i = 0; i < WORKSPACES; i++) expect((await create(anna)).status).toBe(201);
    const refused = await create(anna);
    expect({ status: refused.status, body: await refused.json() }).toEqual({
      status: 409,
      body: { error: { code: 'workspace.limit', message: `Du är redan samordnare för ${WORKSPACES} arbetsytor, det högsta antalet. Kontakta den som driver tjänsten om du behöver fler.` } },
    });
    expect(await coordinated(id)).toBe(WORKSPACES);
    // The refusal spent none of the hour's budget: one creation of it is left.
    await spend(anna, (await server.deps.kdb.selectFrom('memberships').select('workspace_id').where('user_id', '=', id).executeTakeFirstOrThrow()).workspace_id, BUDGET - WORKSPACES);
    const erik = new ApiClient(server.url);
    await erik.signup(email('erik'));
    expect((await create(erik)).status).toBe(201);
  });

  it('many at once take the last places once', async () => {
    now += HOUR;
    const anna = new ApiClient(server.url);
    const { id } = await anna.signup(email('anna'));
    const answers = await Promise.all(Array.from({ length: WORKSPACES + 3 }, (_, i) => create(anna, `Samtidig ${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409, 409]);
    expect(await coordinated(id)).toBe(WORKSPACES);
  });
});
