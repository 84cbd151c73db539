/**
 * User test U13: closing a later vote wiped priorities an earlier vote set (a round nobody
 * voted in cleared 3.1's "Prioritet 1" and left 2.1 with "Prioritet 2", no 1). Through the
 * real close route, a table over the kinds of later round (docs/facilitation.md "Priority"):
 * an empty round changes nothing; otherwise the plan holds one ranking 1..n — the round's
 * voted items first, earlier priorities outside the round after them in their old order, a
 * round item nobody gave a dot unranked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const anna = {} as { api: ApiClient; ws: string };

beforeAll(async () => {
  server = await startTestServer();
  anna.api = new ApiClient(server.url);
  await anna.api.signup(email('coordinator'), 'Anna Samordnare');
  anna.ws = (await anna.api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Prioriteringar' }, 201)).id;
});
afterAll(async () => {
  await server.stop();
});

type Name = 'A' | 'B' | 'C' | 'D';
type Priorities = Partial<Record<Name, number | null>>;

/** Opens a round on `items`, gives `dots` (one ballot: Anna's), closes it; the plan's goal priorities after. */
async function vote(doc: string, ids: Record<Name, string>, items: Name[], dots: Partial<Record<Name, number>>): Promise<Record<Name, number | null>> {
  const body = { title: 'Snabbfråga', items: items.map((n) => ({ collection: 'goals', id: ids[n] })), dotsPerPerson: 5, anonymous: false };
  const round = (await anna.api.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, body, 201)).id;
  const ballot = Object.fromEntries(Object.entries(dots).map(([n, count]) => [`goals:${ids[n as Name]}`, count]));
  if (Object.keys(ballot).length > 0) await anna.api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: ballot }, 204);
  await anna.api.json('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);
  const exported = await anna.api.json<{ goals: Array<{ id: string; priority: number | null }> }>('GET', `/api/documents/${doc}/export.json`);
  const byId = new Map(exported.goals.map((g) => [g.id, g.priority]));
  return Object.fromEntries((Object.keys(ids) as Name[]).map((n) => [n, byId.get(ids[n]) ?? null])) as Record<Name, number | null>;
}

// Round 1 on A, B, C: A 2 dots, B 1 → A = 1, B = 2, C unranked.
const CASES: Array<{ name: string; items: Name[]; dots: Partial<Record<Name, number>>; after: Priorities }> = [
  { name: 'empty round on an earlier first (the U13 steps)', items: ['A', 'D'], dots: {}, after: { A: 1, B: 2, C: null, D: null } },
  { name: 'empty round on every earlier prioritised item', items: ['A', 'B'], dots: {}, after: { A: 1, B: 2, C: null, D: null } },
  { name: 'subset of earlier prioritised, order turned', items: ['A', 'B'], dots: { B: 2, A: 1 }, after: { A: 2, B: 1, C: null, D: null } },
  { name: 'subset of earlier prioritised, one voted', items: ['A', 'B'], dots: { B: 1 }, after: { A: null, B: 1, C: null, D: null } },
  { name: 'the earlier first alone, voted', items: ['A'], dots: { A: 1 }, after: { A: 1, B: 2, C: null, D: null } },
  { name: 'the earlier second alone, voted', items: ['B'], dots: { B: 1 }, after: { A: 2, B: 1, C: null, D: null } },
  { name: 'the earlier first with a new item, only the new voted', items: ['A', 'D'], dots: { D: 1 }, after: { A: null, B: 2, C: null, D: 1 } },
  { name: 'new items, both voted', items: ['C', 'D'], dots: { D: 2, C: 1 }, after: { A: 3, B: 4, C: 2, D: 1 } },
  { name: 'new items, one voted', items: ['C', 'D'], dots: { C: 1 }, after: { A: 2, B: 3, C: 1, D: null } },
];

describe('a later round and the priorities an earlier one set', () => {
  it.each(CASES)('$name', async ({ items, dots, after }) => {
    const doc = (await anna.api.json<{ id: string }>('POST', `/api/workspaces/${anna.ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
    const ids = {} as Record<Name, string>;
    await server.deps.rooms.change(doc, (d) => {
      for (const n of ['A', 'B', 'C', 'D'] as const) ids[n] = addGoal(d, { number: n, title: n });
    });
    expect(await vote(doc, ids, ['A', 'B', 'C'], { A: 2, B: 1 })).toEqual({ A: 1, B: 2, C: null, D: null });
    const result = await vote(doc, ids, items, dots);
    expect(result).toEqual(after);
    // One ranking: the numbers given are exactly 1..n.
    const given = Object.values(result).filter((p): p is number => p !== null).sort((a, b) => a - b);
    expect(given).toEqual(given.map((_, i) => i + 1));
  });

});
