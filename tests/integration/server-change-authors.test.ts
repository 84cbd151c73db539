/**
 * Every document change the server makes on someone's behalf names that person in the
 * per-field history (DESIGN "Audit and exports": every change attributed per field with
 * `user:{id,name}`): one row per route that writes into a live document through
 * `rooms.change` — a rename, a restore, an agenda action made a plan activity (both
 * documents), a new voting round and a closed one (its `priority` writes). Contract audit
 * finding: restore, to-plan and round close showed `user: null`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import type { Clock } from '../../server/context.js';
import { teamWorkspace, type ApiClient } from '../support/api.js';
import { eventually } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';

let now = Date.parse('2027-03-15T13:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };

interface Entry {
  at: string;
  user: { id: string; name: string } | null;
  collection: string;
  field: string | null;
}

let server: TestServer;
let coordinator: ApiClient;
let editor: ApiClient;
let ws: string;

const history = async (doc: string, from: number) =>
  (await coordinator.json<{ entries: Entry[] }>('GET', `/api/documents/${doc}/history?limit=500&from=${new Date(from).toISOString()}`, undefined, 200)).entries;
/** Who the update log (and the summaries a compaction keeps of it) says wrote `doc` since `from`. */
async function loggedAuthors(doc: string, from: number): Promise<Array<string | null>> {
  const { kdb } = server.deps;
  const updates = await kdb.selectFrom('document_updates').select('user_id').where('document_id', '=', doc).where('created_at', '>=', from).execute();
  const edits = await kdb.selectFrom('document_edits').select('user_id').where('document_id', '=', doc).where('last_at', '>=', from).execute();
  return [...new Set([...updates, ...edits].map((row) => row.user_id))];
}
const me = async (api: ApiClient) => (await api.json<{ user: { id: string; name: string } }>('GET', '/api/me', undefined, 200)).user;

/** A plan with goals A and B written by the server with no author (the setup's own changes). */
async function plan(): Promise<{ doc: string; a: string; b: string }> {
  const doc = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  let a = '';
  let b = '';
  await server.deps.rooms.change(doc, (d) => {
    a = addGoal(d, { number: '1', title: 'A' });
    b = addGoal(d, { number: '2', title: 'B' });
  });
  return { doc, a, b };
}

/** An agenda with one meeting, item and unlinked action. */
async function agendaWithAction(): Promise<{ doc: string; action: string }> {
  const doc = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Träffar' }, 201)).id;
  let action = '';
  await server.deps.rooms.change(doc, (d) => {
    const meeting = addItem(d, AGENDA_COLLECTIONS.meetings, { title: 'Träff', date: '2027-03-01', start: '09:00', end: '12:00' });
    const item = addItem(d, AGENDA_COLLECTIONS.items, { meetingId: meeting, title: 'Budget', minutes: 30 });
    action = addItem(d, AGENDA_COLLECTIONS.actions, { itemId: item, text: 'Skicka underlaget', owner: 'Anna', due: '2027-04-01', done: false });
  });
  return { doc, action };
}

/**
 * Prepares a case (as the server, unattributed), then returns the route to call and the
 * documents it writes; `inHistory` false where what it writes is no history field (an open
 * round lives in the session, not in a collection): then only the update log is asked.
 */
type Case = [string, 'coordinator' | 'editor', () => Promise<{ act: (api: ApiClient) => Promise<unknown>; docs: string[]; inHistory?: false }>];

const CASES: Case[] = [
  ['a rename', 'editor', async () => {
    const { doc } = await plan();
    return { docs: [doc], act: (api) => api.json('PATCH', `/api/documents/${doc}`, { title: 'Nytt namn' }, 200) };
  }],
  ['a restore', 'editor', async () => {
    const { doc, a } = await plan();
    const version = await coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/versions`, { name: 'Före' }, 201);
    await server.deps.rooms.change(doc, (d) => d.getMap('goals').delete(a));
    return { docs: [doc], act: (api) => api.json('POST', `/api/documents/${doc}/versions/${version.id}/restore`, undefined, 200) };
  }],
  ['an action made a plan activity', 'editor', async () => {
    const [{ doc: planId, a }, { doc: agenda, action }] = await Promise.all([plan(), agendaWithAction()]);
    return { docs: [planId, agenda], act: (api) => api.json('POST', `/api/documents/${agenda}/actions/${action}/to-plan`, { planId, goalId: a }, 201) };
  }],
  ['a new voting round', 'coordinator', async () => {
    const { doc, a } = await plan();
    const body = { title: 'Runda', items: [{ collection: 'goals', id: a }], dotsPerPerson: 3, anonymous: false };
    return { docs: [doc], inHistory: false, act: (api) => api.json('POST', `/api/documents/${doc}/rounds`, body, 201) };
  }],
  ['a closed voting round', 'coordinator', async () => {
    const { doc, a, b } = await plan();
    const items = [a, b].map((id) => ({ collection: 'goals', id }));
    const round = await coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Runda', items, dotsPerPerson: 3, anonymous: false }, 201);
    await editor.json('PUT', `/api/documents/${doc}/rounds/${round.id}/ballot`, { dots: { [`goals:${a}`]: 2, [`goals:${b}`]: 1 } }, 204);
    return { docs: [doc], act: (api) => api.json('POST', `/api/documents/${doc}/rounds/${round.id}/close`, undefined, 200) };
  }],
];

beforeAll(async () => {
  server = await startTestServer({}, clock);
  const team = await teamWorkspace(server.url, 'Författare', [['Erik Redaktör', 'editor']] as const);
  ({ coordinator, ws } = team);
  [editor] = team.members;
});

afterAll(async () => {
  await server?.stop();
});

describe('history names the person a server change was made for', () => {
  it.each(CASES)('%s (by the %s)', async (_what, who, prepare) => {
    const api = who === 'editor' ? editor : coordinator;
    const actor = await me(api);
    const { act, docs, inHistory = true } = await prepare();
    // A minute on: what the route writes is apart from the setup's unattributed changes.
    now += 60_000;
    const from = now;
    await act(api);
    for (const doc of docs) {
      expect(await loggedAuthors(doc, from)).toEqual([actor.id]);
      if (!inHistory) continue;
      await eventually(async () => (await history(doc, from)).length > 0, 10_000, `history of ${doc}`);
      const entries = await history(doc, from);
      expect(entries.map((entry) => entry.user)).toEqual(entries.map(() => ({ id: actor.id, name: actor.name })));
    }
    now += 60_000;
  });
});
