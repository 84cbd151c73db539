/**
 * A NUL in JSON free text (docs/database.md "NUL"): PostgreSQL refuses `\u0000` in text
 * (SQLSTATE 22021), so every text the version, visit and round routes store is refused at
 * the boundary with 400 `validation` — on SQLite as on PostgreSQL (`npm run test:pg`), and
 * nothing is stored. Table-driven over every such field; the round's item id case uses an
 * item that really has a NUL in its id (written into the document server-side).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let anna: ApiClient;
let plan: string;
let goal = '';
const NUL_ID = 'g\u0000x';

beforeAll(async () => {
  server = await startTestServer();
  anna = new ApiClient(server.url);
  await anna.signup(email('anna-nul'), 'Anna Samordnare');
  const ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nätverket' }, 201)).id;
  plan = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  await server.deps.rooms.change(plan, (d) => {
    goal = addGoal(d, { number: '1', title: 'Mål' });
    const forged = new Y.Map<unknown>();
    d.getMap('goals').set(NUL_ID, forged);
    forged.set('title', 'NUL');
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const decision = { body: 'KF', date: '2027-03-15', reference: '§ 1' };
const round = (over: Record<string, unknown>) => ({ title: 'Prio', items: [{ collection: 'goals', id: goal }], dotsPerPerson: 3, anonymous: false, ...over });

describe('a NUL in JSON text', () => {
  it.each([
    ['a version name', 'versions', { name: 'Version\u0000' }],
    ['a decision body', 'versions', { name: 'V', decision: { ...decision, body: 'K\u0000F' } }],
    ['a decision reference', 'versions', { name: 'V', decision: { ...decision, reference: '\u0000' } }],
    ['a round title', 'rounds', round({ title: 'Pr\u0000io' })],
    ['a round item id', 'rounds', round({ items: [{ collection: 'goals', id: NUL_ID }] })],
    ['a round item collection', 'rounds', round({ items: [{ collection: 'goals\u0000', id: goal }] })],
  ])('%s is refused 400 validation, nothing stored', async (_what, path, body) => {
    const before = (await anna.json<{ versions: unknown[] }>('GET', `/api/documents/${plan}/versions`, undefined, 200)).versions.length;
    const answer = await anna.json<{ error: { code: string } }>('POST', `/api/documents/${plan}/${path}`, body, 400);
    expect(answer.error.code).toBe('validation');
    expect((await anna.json<{ versions: unknown[] }>('GET', `/api/documents/${plan}/versions`, undefined, 200)).versions).toHaveLength(before);
  });

  it('a ballot naming an item with a NUL is refused 400 validation; the round still takes good ones', async () => {
    const { id } = await anna.json<{ id: string }>('POST', `/api/documents/${plan}/rounds`, round({}), 201);
    const refused = await anna.json<{ error: { code: string } }>('PUT', `/api/documents/${plan}/rounds/${id}/ballot`, { dots: { [`goals:${NUL_ID}`]: 1 } }, 400);
    expect(refused.error.code).toMatch(/^(validation|round\.)/);
    await anna.request('PUT', `/api/documents/${plan}/rounds/${id}/ballot`, { dots: { [`goals:${goal}`]: 2 } });
    expect(await anna.json('GET', `/api/documents/${plan}/rounds/${id}`, undefined, 200)).toMatchObject({ voters: 1, myDots: { [`goals:${goal}`]: 2 } });
  });
});
