/**
 * `POST /api/documents/:agenda/actions/:actionId/to-plan` through the real server (DESIGN
 * "Facilitation", capture; docs/facilitation.md): by role, every refusal, and the link both
 * ways — the plan's new activity (seen live by a y-websocket client) names its action, the
 * action names its activity.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActivity, addGoal, actionPlanToJSON, removeItem } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

let server: TestServer;
const people: Record<'coordinator' | 'editor' | 'viewer' | 'outsider' | 'guest', ApiClient> = {} as never;
let ws: string;
let agenda: string;
let item: string;
let plan: string;
let goal: string;
const peers: Peer[] = [];

async function newDocument(workspace: string, kind: 'agenda' | 'action-plan', title: string): Promise<string> {
  return (await people.coordinator.json<{ id: string }>('POST', `/api/workspaces/${workspace}/documents`, { kind, title }, 201)).id;
}

/** A new, unlinked action item on the agenda's item. */
async function newAction(text = 'Skicka underlaget', owner = 'Anna', due: string | null = '2027-04-01'): Promise<string> {
  let id = '';
  await server.deps.rooms.change(agenda, (doc) => {
    id = addItem(doc, AGENDA_COLLECTIONS.actions, { itemId: item, text, owner, due, done: false });
  });
  return id;
}

const toPlan = (api: ApiClient, action: string, body: Record<string, unknown> = { planId: plan, goalId: goal }, from = agenda) =>
  api.request('POST', `/api/documents/${from}/actions/${action}/to-plan`, body);

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['coordinator', 'editor', 'viewer', 'outsider', 'guest'] as const) people[who] = new ApiClient(server.url);
  await people.coordinator.signup(email('coordinator'));
  ws = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Fånga' }, 201)).id;
  await people.editor.signup(email('editor'));
  await joinWorkspace(people.coordinator, people.editor, ws, 'editor');
  await people.viewer.signup(email('viewer'));
  await joinWorkspace(people.coordinator, people.viewer, ws, 'viewer');
  await people.outsider.signup(email('outsider'));
  agenda = await newDocument(ws, 'agenda', 'Träffar');
  await server.deps.rooms.change(agenda, (doc) => {
    const meeting = addItem(doc, AGENDA_COLLECTIONS.meetings, { title: 'Träff', date: '2027-03-01', start: '09:00', end: '12:00' });
    item = addItem(doc, AGENDA_COLLECTIONS.items, { meetingId: meeting, title: 'Budget', minutes: 30 });
  });
  plan = await newDocument(ws, 'action-plan', 'Plan');
  await server.deps.rooms.change(plan, (doc) => {
    goal = addGoal(doc, { number: '1', title: 'Mål ett' });
    addActivity(doc, goal, { number: '1.1', title: 'Finns redan' });
  });
});

afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});

afterAll(async () => {
  await server.stop();
});

describe.each([
  ['coordinator', 201],
  ['editor', 201],
  ['viewer', 403],
  ['outsider', 404],
  ['guest', 401],
] as const)('as %s', (who, status) => {
  it(`answers ${status}`, async () => {
    const action = await newAction();
    expect((await toPlan(people[who], action)).status).toBe(status);
  });
});

describe('refusals', () => {
  type Case = { action: string; body?: Record<string, unknown>; from?: string; who?: 'coordinator' };
  it.each<[string, () => Promise<Case>, number, string]>([
    ['an unknown action', async () => ({ action: 'no-such-action' }), 404, 'action.not-found'],
    ['an unknown plan', async () => ({ action: await newAction(), body: { planId: 'no-such-plan', goalId: goal } }), 404, 'not-found'],
    ['an unknown goal', async () => ({ action: await newAction(), body: { planId: plan, goalId: 'no-such-goal' } }), 404, 'goal.not-found'],
    ['a planId that is an agenda', async () => ({ action: await newAction(), body: { planId: agenda, goalId: goal } }), 404, 'not-found'],
    ['an agenda id that is a plan', async () => ({ action: await newAction(), from: plan }), 404, 'not-found'],
    ['no goalId', async () => ({ action: await newAction(), body: { planId: plan } }), 400, 'validation'],
    [
      'a plan in another workspace',
      async () => {
        const other = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Annan' }, 201)).id;
        const otherPlan = await newDocument(other, 'action-plan', 'Annan plan');
        let otherGoal = '';
        await server.deps.rooms.change(otherPlan, (doc) => (otherGoal = addGoal(doc, { number: '1', title: 'Mål' })));
        // The coordinator is an editor (and more) in both workspaces.
        return { action: await newAction(), body: { planId: otherPlan, goalId: otherGoal }, who: 'coordinator' };
      },
      400,
      'validation',
    ],
  ])('%s: %s %s, nothing written', async (_what, make, status, code) => {
    const { action, body, from, who = 'editor' } = await make();
    const before = actionPlanToJSON(await server.deps.rooms.read(plan)).goals[0]?.activities.length;
    const response = await toPlan(people[who], action, body, from);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(actionPlanToJSON(await server.deps.rooms.read(plan)).goals[0]?.activities.length).toBe(before);
  });
});

describe('linking both ways', () => {
  it('makes the activity (seen live in the plan), links the action, and refuses a second time with 409', async () => {
    const action = await newAction('Ta fram en tidplan', 'Erik', '2027-05-15');
    const watcher = await peer(plan);
    const response = await toPlan(people.editor, action);
    expect(response.status).toBe(201);
    const { activityId } = (await response.json()) as { activityId: string };
    const activity = () => actionPlanToJSON(watcher.doc).goals[0]?.activities.find((a) => a.id === activityId);
    await until(() => activity() !== undefined, 10_000, 'the activity reaches the plan client');
    expect(activity()).toMatchObject({
      title: 'Ta fram en tidplan',
      responsible: 'Erik',
      end: '2027-05-15',
      status: 'planned',
      source: `${agenda}:${action}`,
      priority: null,
    });
    const numbers = actionPlanToJSON(watcher.doc).goals[0]?.activities.map((a) => a.number);
    expect(numbers?.at(-1)).toBe(activity()?.number);
    expect(numbers?.filter((n) => n === activity()?.number)).toHaveLength(1);
    const exported = await people.viewer.json<{ meetings: Array<{ items: Array<{ actions: Array<{ id: string; planActivity: string | null }> }> }> }>(
      'GET',
      `/api/documents/${agenda}/export.json`,
      undefined,
      200,
    );
    const linked = exported.meetings.flatMap((m) => m.items.flatMap((i) => i.actions)).find((a) => a.id === action);
    expect(linked?.planActivity).toBe(`${plan}:${activityId}`);
    const again = await toPlan(people.editor, action);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('action.linked');
  });

  // x17 finding 4: deleting the link was accepted, and to-plan then made the same action a plan activity twice.
  it.each([
    ['the action’s planActivity', 'agenda'],
    ['the new activity’s source', 'plan'],
  ] as const)('an editor deleting %s over the websocket is closed 1008; to-plan still answers 409', async (_what, where) => {
    const action = await newAction('Länken stannar');
    const response = await toPlan(people.editor, action);
    expect(response.status).toBe(201);
    const { activityId } = (await response.json()) as { activityId: string };
    const writer = connectPeer(server.url, where === 'agenda' ? agenda : plan, { cookie: people.editor.sessionCookie });
    peers.push(writer);
    await synced(writer);
    const closed = new Promise<number>((resolve) => writer.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    const [root, id, key] = where === 'agenda' ? ['actions', action, 'planActivity'] : ['activities', activityId, 'source'];
    writer.doc.getMap<Y.Map<unknown>>(root).get(id)?.delete(key);
    expect(await closed).toBe(1008);
    const again = await toPlan(people.editor, action);
    expect(again.status).toBe(409);
    const stored = actionPlanToJSON(await server.deps.rooms.read(plan)).goals.flatMap((g) => g.activities).filter((a) => a.source === `${agenda}:${action}`);
    expect(stored).toHaveLength(1);
  });

  it('two requests at once for one action make one activity', async () => {
    const action = await newAction('Samtidigt');
    const answers = await Promise.all([toPlan(people.editor, action), toPlan(people.coordinator, action)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const made = actionPlanToJSON(await server.deps.rooms.read(plan)).goals[0]?.activities.filter((a) => a.source === `${agenda}:${action}`);
    expect(made).toHaveLength(1);
  });
});

// User test u14 item 1: the link outlived its activity and to-plan answered 409 `action.linked` forever.
describe('a link whose activity is gone counts as no link', () => {
  /** A plan of its own with one goal, so trashing or restoring it touches no other test's plan. */
  async function ownPlan(): Promise<{ planId: string; goalId: string }> {
    const planId = await newDocument(ws, 'action-plan', 'Egen plan');
    let goalId = '';
    await server.deps.rooms.change(planId, (doc) => (goalId = addGoal(doc, { number: '1', title: 'Mål' })));
    return { planId, goalId };
  }
  it.each<[string, (planId: string, activityId: string, before: string) => Promise<void>]>([
    ['the activity row is deleted', async (planId, activityId) => {
      await server.deps.rooms.change(planId, (doc) => removeItem(doc, 'activities', activityId));
    }],
    ['a version from before the activity is restored', async (planId, _activityId, before) => {
      await people.editor.json('POST', `/api/documents/${planId}/versions/${before}/restore`, undefined, 200);
    }],
    ['the plan is deleted', async (planId) => {
      expect((await people.coordinator.request('DELETE', `/api/documents/${planId}`)).status).toBeLessThan(300);
    }],
  ])('%s: to-plan makes a new activity and relinks the action', async (what, unlink) => {
    const first = await ownPlan();
    const before = (await people.editor.json<{ id: string }>('POST', `/api/documents/${first.planId}/versions`, { name: 'Före' }, 201)).id;
    const action = await newAction('Länken dör');
    const made = await toPlan(people.editor, action, first);
    expect(made.status).toBe(201);
    const { activityId } = (await made.json()) as { activityId: string };
    await unlink(first.planId, activityId, before);
    const target = what === 'the plan is deleted' ? await ownPlan() : first;
    const again = await toPlan(people.editor, action, target);
    expect(again.status).toBe(201);
    const { activityId: second } = (await again.json()) as { activityId: string };
    const activities = actionPlanToJSON(await server.deps.rooms.read(target.planId)).goals.flatMap((g) => g.activities);
    expect(activities.filter((a) => a.source === `${agenda}:${action}`).map((a) => a.id)).toEqual([second]);
    const link = (await server.deps.rooms.read(agenda)).getMap<Y.Map<unknown>>('actions').get(action)?.get('planActivity');
    expect(link).toBe(`${target.planId}:${second}`);
    expect((await toPlan(people.editor, action, target)).status).toBe(409);
  });
});

async function peer(documentId: string): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: people.viewer.sessionCookie });
  peers.push(p);
  await synced(p);
  return p;
}
