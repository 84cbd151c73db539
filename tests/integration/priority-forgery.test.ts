/**
 * Red-team FA2-7 through the real server and y-websocket clients: an editor (or a
 * coordinator) who writes a ranked item's `priority`, an activity's `source` or an action's
 * `planActivity` is closed 1008 and nothing is stored or relayed; creating items with these
 * fields `null` — what every client does — goes through and reaches a witness live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until } from '../support/yclient.js';
import { wholeItem } from '../support/required-items.js';

let server: TestServer;
const people = {} as Record<'coordinator' | 'editor' | 'viewer', ApiClient>;
let ws: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['coordinator', 'editor', 'viewer'] as const) people[who] = new ApiClient(server.url);
  await people.coordinator.signup(email('coordinator'));
  ws = (await people.coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Prioritet' }, 201)).id;
  await people.editor.signup(email('editor'));
  await joinWorkspace(people.coordinator, people.editor, ws, 'editor');
  await people.viewer.signup(email('viewer'));
  await joinWorkspace(people.coordinator, people.viewer, ws, 'viewer');
});
afterAll(async () => {
  await server?.stop();
});

const peer = usePeers(() => server.url);

const goalOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('goals').values()][0];

describe('server-owned item fields over the websocket', () => {
  it.each<[string, 'coordinator' | 'editor', (doc: Y.Doc) => void]>([
    ['an editor ranking a goal', 'editor', (d) => goalOf(d)?.set('priority', 1)],
    ['a coordinator ranking a goal', 'coordinator', (d) => goalOf(d)?.set('priority', 1)],
    // x17 finding 4: a deletion of the key is refused like a write (the item stays).
    ['an editor deleting a goal’s priority', 'editor', (d) => goalOf(d)?.delete('priority')],
    ['a coordinator deleting a goal’s priority', 'coordinator', (d) => goalOf(d)?.delete('priority')],
    ['an editor creating a goal ranked first', 'editor', (d) => d.getMap('goals').set('forged', wholeItem('action-plan', 'goals', { title: new Y.Text('Först'), priority: 1 }))],
    ['an editor linking an activity to an agenda', 'editor', (d) => d.getMap('activities').set('forged', wholeItem('action-plan', 'activities', { title: new Y.Text('A'), priority: null, source: 'agenda:action' }))],
  ])('%s: closed 1008, nothing stored', async (_what, who, write) => {
    const doc = (await people.coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
    await server.deps.rooms.change(doc, (d) => void addGoal(d, { number: '1', title: 'Mål' }));
    const writer = await peer(people[who], doc);
    let closed: number | null = null;
    writer.provider.ws?.addEventListener('close', (event) => (closed = event.code));
    write(writer.doc);
    await until(() => closed !== null, 10_000, 'the writer is closed');
    expect(closed).toBe(1008);
    const stored = actionPlanToJSON(await server.deps.rooms.read(doc));
    expect(stored.goals.map((goal) => goal.priority)).toEqual([null]);
    expect(stored.goals.flatMap((goal) => goal.activities)).toEqual([]);
  });

  it('an editor adding a goal the usual way (priority null) reaches a witness live', async () => {
    const doc = (await people.coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
    const writer = await peer(people.editor, doc);
    const witness = await peer(people.viewer, doc);
    let closed: number | null = null;
    writer.provider.ws?.addEventListener('close', (event) => (closed = event.code));
    addGoal(writer.doc, { number: '1', title: 'Nytt mål' });
    await until(() => actionPlanToJSON(witness.doc).goals.some((goal) => goal.title === 'Nytt mål'), 10_000, 'the goal reaches the witness');
    expect(closed).toBeNull();
  });
});
