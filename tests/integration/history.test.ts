/**
 * Per-field history (issue 20 item 1; DESIGN "Audit and exports"; docs/history.md) against
 * the real server: two real y-websocket clients of different people edit the Småland plan;
 * the history names the right person with the exact before/after, also after compaction
 * (with the background pass stopped, so only compaction's own derivation can save it),
 * after a restart on the same data dir, and for a deliberately restarted deriver midway
 * through the log (nothing lost, nothing twice).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanRoots, updateItem } from '../../shared/model/action-plan.js';
import type { Clock } from '../../server/context.js';
import { HistoryDeriver } from '../../server/history/deriver.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';
import { startTestServer, tempDataDir, type TestServer } from '../support/server.js';
import { smalandIds } from '../support/smaland-edits.js';
import { eventually, planScene, type PlanScene } from '../support/plan-scene.js';
import { ApiClient, email } from '../support/api.js';
import { createPostgresDatabase, testPostgresUrl } from '../support/database.js';

let now = Date.parse('2027-03-15T13:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const MINUTE = 60_000;

interface Entry {
  at: string;
  user: { id: string; name: string } | null;
  op: string;
  collection: string;
  id: string;
  label: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

const peers: Peer[] = [];
async function peerOf(server: TestServer, api: ApiClient, documentId: string): Promise<Peer> {
  const peer = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  peers.push(peer);
  await synced(peer);
  return peer;
}
afterAll(() => {
  for (const peer of peers) peer.destroy();
});

const history = async (api: ApiClient, doc: string, query = '') =>
  (await api.json<{ entries: Entry[] }>('GET', `/api/documents/${doc}/history${query ? `?${query}` : ''}`, undefined, 200)).entries;
const me = async (api: ApiClient) => {
  const { user } = await api.json<{ user: { id: string; name: string } }>('GET', '/api/me', undefined, 200);
  return { id: user.id, name: user.name };
};
/** Updates in the document's log, read where the log lives (SQLite or PostgreSQL). */
const loggedUpdates = async (server: TestServer, documentId: string) =>
  (await server.deps.kdb.selectFrom('document_updates').select('id').where('document_id', '=', documentId).execute()).length;
const ORIGINAL_TITLE = 'Energikartläggning av skolor och förskolor';

/** Types `text` at the end of an activity's title, one keystroke (one update) per character. */
function typeInTitle(peer: Peer, activityId: string, text: string): void {
  const item = actionPlanRoots(peer.doc).activities.get(activityId);
  const title = item instanceof Y.Map ? item.get('title') : null;
  if (!(title instanceof Y.Text)) throw new Error('title is not a Y.Text');
  for (const char of text) title.insert(title.length, char);
}

/** Erik moves 1.1's budget 420 000 → 380 000 kr; a minute later Anna types " 2027" into its title. */
async function twoPeopleEdit(server: TestServer, s: PlanScene): Promise<{ a11: string; erik: Peer; anna: Peer }> {
  const erik = await peerOf(server, s.editor, s.documentId);
  const anna = await peerOf(server, s.coordinator, s.documentId);
  const { a11 } = smalandIds(erik.doc);
  updateItem(erik.doc, 'activities', a11, { budget: 380_000_00 });
  await eventually(async () => (await history(s.viewer, s.documentId, `field=budget&collection=activities`)).length === 1, 10_000, 'budget entry');
  now += MINUTE;
  typeInTitle(anna, a11, ' 2027');
  await eventually(async () => (await history(s.viewer, s.documentId, `field=title&id=${a11}`))[0]?.after === `${ORIGINAL_TITLE} 2027`, 10_000, 'title entry');
  return { a11, erik, anna };
}

async function expectTwoPeople(s: PlanScene, a11: string): Promise<void> {
  const [erik, anna] = [await me(s.editor), await me(s.coordinator)];
  const entries = await history(s.viewer, s.documentId, `collection=activities&id=${a11}`);
  expect(entries).toEqual([
    { at: new Date(now).toISOString(), user: anna, op: 'changed', collection: 'activities', id: a11, label: `1.1 ${ORIGINAL_TITLE} 2027`, field: 'title', before: ORIGINAL_TITLE, after: `${ORIGINAL_TITLE} 2027` },
    { at: new Date(now - MINUTE).toISOString(), user: erik, op: 'changed', collection: 'activities', id: a11, label: `1.1 ${ORIGINAL_TITLE}`, field: 'budget', before: 420_000_00, after: 380_000_00 },
  ]);
}

describe('history of live edits', () => {
  let server: TestServer;
  let s: PlanScene;
  let a11 = '';
  beforeAll(async () => {
    server = await startTestServer({}, clock);
    s = await planScene(server.url);
    ({ a11 } = await twoPeopleEdit(server, s));
  });
  afterAll(async () => server?.stop());

  it('names the right person with the exact before/after; five keystrokes are one entry', async () => {
    await expectTwoPeople(s, a11);
  });

  it("an activity's budget edit is not also an entry on its goal, whose budget is computed (user test)", async () => {
    expect(await history(s.viewer, s.documentId, 'collection=goals')).toEqual([]);
  });

  it('filters by field, person, period and limit', async () => {
    const [erik, anna] = [await me(s.editor), await me(s.coordinator)];
    const all = await history(s.viewer, s.documentId);
    expect(all.map((e) => e.user?.id)).toEqual([anna.id, erik.id]);
    expect((await history(s.viewer, s.documentId, `user=${erik.id}`)).map((e) => e.field)).toEqual(['budget']);
    expect((await history(s.viewer, s.documentId, 'field=title')).map((e) => e.user?.id)).toEqual([anna.id]);
    const minuteAgo = encodeURIComponent(new Date(now - MINUTE).toISOString());
    expect(await history(s.viewer, s.documentId, `to=${minuteAgo}`)).toHaveLength(1);
    expect(await history(s.viewer, s.documentId, `from=${encodeURIComponent(new Date(now).toISOString())}`)).toHaveLength(1);
    expect(await history(s.viewer, s.documentId, `from=${minuteAgo}&to=${minuteAgo}`)).toHaveLength(1);
    expect(await history(s.viewer, s.documentId, 'limit=1')).toEqual([all[0]]);
    expect(await history(s.viewer, s.documentId, 'field=nothing')).toEqual([]);
  });

  it.each([
    ['from=igår', 'from'],
    ['to=2027-13-01T00:00:00Z', 'to'],
    ['from=2027-03-15', 'from'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=tio', 'limit'],
    ['limit=1.5', 'limit'],
    ['field=', 'field'],
    ['from=2027-03-16T00:00:00Z&to=2027-03-15T00:00:00Z', 'from'],
  ])('refuses %s with 400 validation naming %s', async (query, name) => {
    const response = await s.viewer.request('GET', `/api/documents/${s.documentId}/history?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation', message: expect.stringContaining(name) } });
  });

  it('answers members only: viewer 200, non-member 404, no session 401', async () => {
    const stranger = new ApiClient(server.url);
    await stranger.signup(email('okand'));
    expect((await stranger.request('GET', `/api/documents/${s.documentId}/history`)).status).toBe(404);
    expect((await new ApiClient(server.url).request('GET', `/api/documents/${s.documentId}/history`)).status).toBe(401);
    expect((await s.viewer.request('GET', `/api/documents/${s.documentId}/history`)).status).toBe(200);
  });

  it('a deleted account is named "Borttagen användare", under the same id', async () => {
    const erik = await me(s.editor);
    await s.editor.json('DELETE', '/api/me', { password: 'lösenord-123' }, 204);
    const entries = await history(s.viewer, s.documentId, 'field=budget&collection=activities');
    expect(entries[0]?.user).toEqual({ id: erik.id, name: 'Borttagen användare' });
  });
});

describe('history is kept', () => {
  it('after compaction, with the background pass stopped (compaction derives first)', async () => {
    const server = await startTestServer({ compactAfterUpdates: 3 }, clock);
    try {
      server.deps.history.stop();
      const s = await planScene(server.url);
      const { a11 } = await twoPeopleEdit(server, s);
      // Compaction runs after the append that passes the bound (later on PostgreSQL's pool).
      await eventually(async () => (await loggedUpdates(server, s.documentId)) < 3, 10_000, 'compaction');
      await expectTwoPeople(s, a11);
    } finally {
      await server.stop();
    }
  });

  it('after a restart on the same data dir, and the next edits derive from where it was', async () => {
    const dataDir = tempDataDir();
    // On PostgreSQL runs the restarted server must find the same database (startTestServer makes a fresh one each time).
    const serverUrl = testPostgresUrl();
    const database = serverUrl ? await createPostgresDatabase(serverUrl) : null;
    const databaseUrl = database?.url ?? null;
    let server = await startTestServer({ dataDir, databaseUrl }, clock);
    const s = await planScene(server.url);
    const { a11 } = await twoPeopleEdit(server, s);
    await server.stop();
    // The same port, so the people's clients (and their session cookies) carry on as they are.
    server = await startTestServer({ dataDir, databaseUrl, port: server.port }, clock);
    try {
      await expectTwoPeople(s, a11);
      const erik = await peerOf(server, s.editor, s.documentId);
      now += MINUTE;
      updateItem(erik.doc, 'activities', a11, { budget: 350_000_00 });
      await eventually(async () => (await history(s.viewer, s.documentId, 'field=budget&collection=activities')).length === 2, 10_000, 'new entry');
      const [latest] = await history(s.viewer, s.documentId, 'field=budget&collection=activities');
      expect(latest).toMatchObject({ user: await me(s.editor), before: 380_000_00, after: 350_000_00 });
    } finally {
      await server.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a deriver started afresh midway (as after a crash) writes nothing twice and misses nothing', async () => {
    const server = await startTestServer({}, clock);
    try {
      server.deps.history.stop();
      const s = await planScene(server.url);
      const erik = await peerOf(server, s.editor, s.documentId);
      const { a11 } = smalandIds(erik.doc);
      const count = () => loggedUpdates(server, s.documentId);
      const base = await count();
      updateItem(erik.doc, 'activities', a11, { budget: 1_00 });
      await eventually(async () => (await count()) >= base + 1, 10_000, 'first update stored');
      // On PostgreSQL runs the history is there: a deriver on the same database.
      const url = server.deps.config.databaseUrl;
      const fresh = new HistoryDeriver(url ? { kdb: server.deps.kdb, databaseUrl: url } : server.sqlite, { thread: false });
      await fresh.catchUp();
      fresh.stop();
      now += 2 * MINUTE;
      updateItem(erik.doc, 'activities', a11, { budget: 2_00 });
      await eventually(async () => (await count()) >= base + 2, 10_000, 'second update stored');
      // The server's own deriver never saw the first update: it rebuilds from the log at the cursor.
      const entries = await history(s.viewer, s.documentId, 'field=budget&collection=activities');
      expect(entries.map((e) => [e.before, e.after])).toEqual([[1_00, 2_00], [420_000_00, 1_00]]);
    } finally {
      await server.stop();
    }
  });
});
