/**
 * Red-team FA2-4: ballots outlived membership and items. At close only ballots of people who
 * are members of the workspace now count (viewers included), and only items still in the
 * document are ranked; a ballot giving dots to an item deleted since the round opened is
 * refused 400 `validation`. Table: each way a ballot can lose its standing, and what the
 * close counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let coordinator: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = new ApiClient(server.url);
  await coordinator.signup(email('anna'), 'Anna Samordnare');
  ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Röstning' }, 201)).id;
});
afterAll(async () => {
  await server?.stop();
});

async function member(role: 'editor' | 'viewer' | 'coordinator'): Promise<{ api: ApiClient; id: string }> {
  const api = new ApiClient(server.url);
  const address = email(role);
  const { id } = await api.signup(address);
  await joinWorkspace(coordinator, api, ws, role, address);
  return { api, id };
}

async function planWithGoals(): Promise<{ doc: string; goals: string[] }> {
  const doc = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  const goals: string[] = [];
  await server.deps.rooms.change(doc, (d) => {
    for (const title of ['A', 'B', 'C']) goals.push(addGoal(d, { number: title, title }));
  });
  return { doc, goals };
}

const deleteGoal = (doc: string, id: string) => server.deps.rooms.change(doc, (d) => void d.getMap('goals').delete(id));

type Result = { id: string; dots: number; voters: number };

describe('what a close counts', () => {
  // [what happens to the voter, counts at close]
  const cases: Array<[string, (doc: string, voter: { id: string }) => Promise<unknown>, boolean]> = [
    ['stays an editor', async () => undefined, true],
    ['is demoted to viewer (viewers vote too)', (_doc, voter) => coordinator.json('PATCH', `/api/workspaces/${ws}/members/${voter.id}`, { role: 'viewer' }, 200), true],
    ['is removed from the workspace', (_doc, voter) => coordinator.request('DELETE', `/api/workspaces/${ws}/members/${voter.id}`), false],
  ];
  it.each(cases)('a voter who %s: counted = %s', async (_what, afterVoting, counted) => {
    const { doc, goals } = await planWithGoals();
    const [a = '', b = ''] = goals;
    const round = (await coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Vad först?', items: goals.map((id) => ({ collection: 'goals', id })), dotsPerPerson: 3, anonymous: false }, 201)).id;
    const voter = await member('editor');
    await voter.api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: { [`goals:${a}`]: 3 } }, 204);
    await coordinator.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: { [`goals:${b}`]: 1 } }, 204);
    await afterVoting(doc, voter);
    const { results } = await coordinator.json<{ results: Result[] }>('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);
    expect(results.find((r) => r.id === a)).toMatchObject({ dots: counted ? 3 : 0, voters: counted ? 1 : 0 });
    expect(results.find((r) => r.id === b)).toMatchObject({ dots: 1, voters: 1 });
  });

  it('ranks only items still in the document: a deleted item gets no result and no priority', async () => {
    const { doc, goals } = await planWithGoals();
    const [a = '', b = '', c = ''] = goals;
    const round = (await coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Vad först?', items: goals.map((id) => ({ collection: 'goals', id })), dotsPerPerson: 3, anonymous: false }, 201)).id;
    await coordinator.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: { [`goals:${a}`]: 2, [`goals:${b}`]: 1 } }, 204);
    await deleteGoal(doc, a);
    const { results } = await coordinator.json<{ results: Result[] }>('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);
    expect(results.map((r) => [r.id, r.dots])).toEqual([
      [b, 1],
      [c, 0],
    ]);
  });
});

describe('a ballot naming a deleted item', () => {
  it.each([
    ['dots on the deleted item', (gone: string) => ({ [`goals:${gone}`]: 1 }), 400],
    ['zero dots on the deleted item (withdraws nothing there)', (gone: string) => ({ [`goals:${gone}`]: 0 }), 204],
  ])('%s → %i', async (_what, dots, status) => {
    const { doc, goals } = await planWithGoals();
    const [a = ''] = goals;
    const round = (await coordinator.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Runda', items: goals.map((id) => ({ collection: 'goals', id })), dotsPerPerson: 3, anonymous: false }, 201)).id;
    await deleteGoal(doc, a);
    const response = await coordinator.request('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: dots(a) });
    expect(response.status).toBe(status);
    if (status === 400) expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation');
  });
});
