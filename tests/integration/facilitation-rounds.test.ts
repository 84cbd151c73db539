/**
 * Dot-vote rounds through the real server (DESIGN "Facilitation", dot voting;
 * docs/facilitation.md): every rule by role, ballots over the allowance, a second vote
 * replacing the first, a closed round refusing votes, ballots shown to coordinators only,
 * and the close writing results and priorities into the document that a y-websocket
 * client sees live — which clients themselves may not forge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoal, actionPlanToJSON } from '../../shared/model/action-plan.js';
import { sessionToJSON } from '../../shared/model/session.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until } from '../support/yclient.js';

let server: TestServer;
const people: Record<'coordinator' | 'editor' | 'viewer' | 'outsider' | 'guest', ApiClient> = {} as never;
let ws: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['coordinator', 'editor', 'viewer', 'outsider', 'guest'] as const) people[who] = new ApiClient(server.url);
  await people.coordinator.signup(email('coordinator'), 'Anna Samordnare');
  ws = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Röstning' }, 201)).id;
  await people.editor.signup(email('editor'), 'Erik Redaktör');
  await joinWorkspace(people.coordinator, people.editor, ws, 'editor');
  await people.viewer.signup(email('viewer'), 'Lena Läsare');
  await joinWorkspace(people.coordinator, people.viewer, ws, 'viewer');
  await people.outsider.signup(email('outsider'));
  // `guest` never signs in: what a share-link visitor has towards the API.
});

afterAll(async () => {
  await server.stop();
});

/** A plan with three goals (a, b, c) and a cost line; returns ids. */
async function planWithGoals(): Promise<{ doc: string; a: string; b: string; c: string; cost: string }> {
  const doc = (await people.coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  const ids: string[] = [];
  await server.deps.rooms.change(doc, (d) => {
    for (const title of ['A', 'B', 'C']) ids.push(addGoal(d, { number: title, title }));
    d.getMap('costs').set('cost-1', new Y.Map([['label', 'Lön']]));
  });
  const [a = '', b = '', c = ''] = ids;
  return { doc, a, b, c, cost: 'cost-1' };
}

const goalsOf = (...ids: string[]) => ids.map((id) => ({ collection: 'goals', id }));

async function newRound(doc: string, items: Array<{ collection: string; id: string }>, extra: Record<string, unknown> = {}): Promise<string> {
  const body = { title: 'Vad är viktigast?', items, dotsPerPerson: 3, anonymous: false, ...extra };
  return (await people.coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, body, 201)).id;
}

const peer = usePeers(() => server.url);

const ROLES = [
  ['coordinator', 201, 204, 200, 200],
  ['editor', 403, 204, 200, 403],
  ['viewer', 403, 204, 200, 403],
  ['outsider', 404, 404, 404, 404],
  ['guest', 401, 401, 401, 401],
] as const;

describe.each(ROLES)('as %s', (who, create, ballot, read, close) => {
  it(`create ${create}, vote ${ballot}, read ${read}, close ${close}`, async () => {
    const { doc, a, b } = await planWithGoals();
    const api = people[who];
    const body = { title: 'Runda', items: goalsOf(a, b), dotsPerPerson: 3, anonymous: false };
    expect((await api.request('POST', `/api/documents/${doc}/rounds`, body)).status).toBe(create);
    const round = await newRound(doc, goalsOf(a, b));
    expect((await api.request('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: { [`goals:${a}`]: 2 } })).status).toBe(ballot);
    expect((await api.request('GET', `/api/documents/${doc}/rounds/${round}`)).status).toBe(read);
    expect((await api.request('POST', `/api/documents/${doc}/rounds/${round}/close`)).status).toBe(close);
  });
});

describe('creating a round', () => {
  it.each<[string, (ids: { a: string; cost: string }) => Record<string, unknown>]>([
    ['an item of a collection nobody votes on (costs)', ({ cost }) => ({ items: [{ collection: 'costs', id: cost }] })],
    ['an item that is not in the document', () => ({ items: goalsOf('no-such-goal') })],
    ['a collection another kind has (focusAreas)', ({ a }) => ({ items: [{ collection: 'focusAreas', id: a }] })],
    ['no items', () => ({ items: [] })],
    ['the same item twice', ({ a }) => ({ items: goalsOf(a, a) })],
    ['0 dots per person', () => ({ dotsPerPerson: 0 })],
    ['21 dots per person', () => ({ dotsPerPerson: 21 })],
    ['1.5 dots per person', () => ({ dotsPerPerson: 1.5 })],
    ['maxPerItem over dotsPerPerson', () => ({ maxPerItem: 4 })],
    ['an empty title', () => ({ title: '  ' })],
    ['no anonymous flag', () => ({ anonymous: undefined })],
  ])('refuses %s with 400 validation, writing nothing', async (_what, change) => {
    const { doc, a, cost } = await planWithGoals();
    const body = { title: 'Runda', items: goalsOf(a), dotsPerPerson: 3, anonymous: false, ...change({ a, cost }) };
    const response = await people.coordinator.request('POST', `/api/documents/${doc}/rounds`, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation');
    expect(sessionToJSON(await server.deps.rooms.read(doc)).rounds).toEqual({});
  });

  it('writes the open round into session.rounds, seen live by a client', async () => {
    const { doc, a } = await planWithGoals();
    const viewer = await peer(people.viewer, doc);
    const round = await newRound(doc, goalsOf(a), { title: 'Prioritera målen' });
    await until(() => sessionToJSON(viewer.doc).rounds[round]?.status === 'open', 10_000, 'the open round reaches the viewer');
    expect(sessionToJSON(viewer.doc).rounds[round]).toEqual({ title: 'Prioritera målen', status: 'open', closedAt: null, results: [] });
  });
});

describe('ballots', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['more dots than the allowance in total', { A: 2, B: 2 }, 'round.over-allowance'],
    ['more dots on one item than maxPerItem', { A: 3 }, 'round.over-allowance'],
    ['an item that is not in the round', { C: 1 }, 'validation'],
    ['a key that is no item at all', { 'goals:nope': 1 }, 'validation'],
    ['a negative count', { A: -1 }, 'validation'],
    ['a fractional count', { A: 1.5 }, 'validation'],
    ['a count as text', { A: '2' }, 'validation'],
  ])('refuses %s (400 %s) and keeps the earlier ballot', async (_what, dots, code) => {
    const { doc, a, b, c } = await planWithGoals();
    const round = await newRound(doc, goalsOf(a, b), { dotsPerPerson: 3, maxPerItem: 2 });
    const keyOf: Record<string, string> = { A: `goals:${a}`, B: `goals:${b}`, C: `goals:${c}` };
    const url = `/api/documents/${doc}/rounds/${round}`;
    await people.editor.json('PUT', `${url}/ballot`, { dots: { [`goals:${a}`]: 1 } }, 204);
    const body = { dots: Object.fromEntries(Object.entries(dots).map(([k, v]) => [keyOf[k] ?? k, v])) };
    const response = await people.editor.request('PUT', `${url}/ballot`, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect((await people.editor.json<{ myDots: unknown }>('GET', url, undefined, 200)).myDots).toEqual({ [`goals:${a}`]: 1 });
  });

  it('a second vote replaces the first: nobody votes twice', async () => {
    const { doc, a, b } = await planWithGoals();
    const round = await newRound(doc, goalsOf(a, b));
    const url = `/api/documents/${doc}/rounds/${round}`;
    await people.editor.json('PUT', `${url}/ballot`, { dots: { [`goals:${a}`]: 3 } }, 204);
    await people.editor.json('PUT', `${url}/ballot`, { dots: { [`goals:${b}`]: 1 } }, 204);
    await people.viewer.json('PUT', `${url}/ballot`, { dots: { [`goals:${b}`]: 2 } }, 204);
    const seen = await people.editor.json<{ voters: number; myDots: unknown }>('GET', url, undefined, 200);
    expect(seen).toMatchObject({ status: 'open', voters: 2, myDots: { [`goals:${b}`]: 1 } });
    const { results } = await people.coordinator.json<{ results: unknown }>('POST', `${url}/close`, undefined, 200);
    expect(results).toEqual([
      { collection: 'goals', id: b, dots: 3, voters: 2, label: 'B B' },
      { collection: 'goals', id: a, dots: 0, voters: 0, label: 'A A' },
    ]);
  });

  it('an empty ballot withdraws the vote', async () => {
    const { doc, a } = await planWithGoals();
    const round = await newRound(doc, goalsOf(a));
    const url = `/api/documents/${doc}/rounds/${round}`;
    await people.viewer.json('PUT', `${url}/ballot`, { dots: { [`goals:${a}`]: 1 } }, 204);
    await people.viewer.json('PUT', `${url}/ballot`, { dots: {} }, 204);
    expect((await people.viewer.json<{ voters: number }>('GET', url, undefined, 200)).voters).toBe(0);
  });
});

describe('who sees the ballots', () => {
  it.each([
    [false, 'coordinator', true],
    [false, 'editor', false],
    [false, 'viewer', false],
    [true, 'coordinator', false],
    [true, 'editor', false],
  ] as const)('anonymous %s: %s sees ballots: %s (open and closed)', async (anonymous, who, sees) => {
    const { doc, a } = await planWithGoals();
    const round = await newRound(doc, goalsOf(a), { anonymous });
    const url = `/api/documents/${doc}/rounds/${round}`;
    await people.editor.json('PUT', `${url}/ballot`, { dots: { [`goals:${a}`]: 2 } }, 204);
    for (const phase of ['open', 'closed']) {
      if (phase === 'closed') await people.coordinator.json('POST', `${url}/close`, undefined, 200);
      const view = await people[who].json<Record<string, unknown>>('GET', url, undefined, 200);
      expect('ballots' in view).toBe(sees);
      if (sees) expect(view.ballots).toEqual([{ user: { id: expect.any(String), name: 'Erik Redaktör' }, dots: { [`goals:${a}`]: 2 } }]);
      expect('results' in view).toBe(phase === 'closed');
    }
  });
});

describe('closing a round', () => {
  it('ranks, writes results and priorities a client sees live, then refuses votes and a second close (409)', async () => {
    const { doc, a, b, c } = await planWithGoals();
    const round = await newRound(doc, goalsOf(a, b, c), { dotsPerPerson: 3 });
    const url = `/api/documents/${doc}/rounds/${round}`;
    const viewer = await peer(people.viewer, doc);
    await people.editor.json('PUT', `${url}/ballot`, { dots: { [`goals:${b}`]: 2, [`goals:${a}`]: 1 } }, 204);
    await people.viewer.json('PUT', `${url}/ballot`, { dots: { [`goals:${b}`]: 1, [`goals:${a}`]: 1 } }, 204);
    const { results } = await people.coordinator.json<{ results: unknown }>('POST', `${url}/close`, undefined, 200);
    expect(results).toEqual([
      { collection: 'goals', id: b, dots: 3, voters: 2, label: 'B B' },
      { collection: 'goals', id: a, dots: 2, voters: 2, label: 'A A' },
      { collection: 'goals', id: c, dots: 0, voters: 0, label: 'C C' },
    ]);
    const priority = () => Object.fromEntries(actionPlanToJSON(viewer.doc).goals.map((g) => [g.id, g.priority]));
    await until(() => sessionToJSON(viewer.doc).rounds[round]?.status === 'closed', 10_000, 'the closed round reaches the viewer');
    expect(priority()).toEqual({ [a]: 2, [b]: 1, [c]: null });
    expect(sessionToJSON(viewer.doc).rounds[round]).toMatchObject({ status: 'closed', results, closedAt: expect.stringMatching(/Z$/) });
    const late = await people.editor.request('PUT', `${url}/ballot`, { dots: { [`goals:${c}`]: 1 } });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('round.closed');
    expect((await people.coordinator.request('POST', `${url}/close`)).status).toBe(409);
    expect((await people.viewer.json<{ results: unknown }>('GET', url, undefined, 200)).results).toEqual(results);
  });

  it('answers 404 round.not-found for a round of another document', async () => {
    const first = await planWithGoals();
    const second = await planWithGoals();
    const round = await newRound(first.doc, goalsOf(first.a));
    const response = await people.coordinator.request('GET', `/api/documents/${second.doc}/rounds/${round}`);
    expect(response.status).toBe(404);
  });
});

describe('the session map over the websocket', () => {
  it.each<[string, 'coordinator' | 'editor', (doc: Y.Doc) => void, boolean]>([
    ['a coordinator forging a round result', 'coordinator', (d) => (d.getMap('session').get('rounds') as Y.Map<unknown>).set('forged', { title: 'x', status: 'closed', results: [] }), false],
    ['a coordinator replacing session.rounds', 'coordinator', (d) => d.getMap('session').set('rounds', new Y.Map()), false],
    ['an editor moving the spotlight', 'editor', (d) => d.getMap('session').set('spotlight', { collection: 'goals', id: 'x' }), false],
    ['an editor starting the timer', 'editor', (d) => d.getMap('session').set('timer', { itemId: null, durationSec: 60, startedAt: null, pausedRemainingSec: 60 }), false],
    ['a coordinator moving the spotlight', 'coordinator', (d) => d.getMap('session').set('spotlight', { collection: 'goals', id: 'x' }), true],
  ])('%s: accepted %s', async (_what, who, write, accepted) => {
    const { doc } = await planWithGoals();
    const writer = await peer(people[who], doc);
    const witness = await peer(people.viewer, doc);
    let closed: number | null = null;
    writer.provider.ws?.addEventListener('close', (event) => (closed = event.code));
    write(writer.doc);
    if (accepted) {
      await until(() => sessionToJSON(witness.doc).spotlight !== null, 10_000, 'the spotlight reaches the witness');
      expect(closed).toBeNull();
    } else {
      await until(() => closed !== null, 10_000, 'the writer is closed');
      expect(closed).toBe(1008);
      expect(sessionToJSON(await server.deps.rooms.read(doc))).toEqual({ spotlight: null, spotlightBy: null, timer: null, rounds: {} });
    }
  });
});
