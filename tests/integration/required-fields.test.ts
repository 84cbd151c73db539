/**
 * X17 finding 5b (server/sync/required-fields.ts; DESIGN "Document schemas"): over a real
 * server and real y-websocket peers, for every collection of the three kinds, an editor who
 * adds an item with no fields or without a required one, deletes a required field of an
 * item that stays, or deletes a goal's title Y.Text is closed 1008: nothing stored, nothing
 * relayed. The app's writers (what each add button of the client calls, with the same
 * fields) and deleting an item whole still sync, with the socket open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActivity, addCost, addGoal } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { addIndicator, addStrategyGoal, setMeasurement, STRATEGY_COLLECTIONS } from '../../shared/model/strategy.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { collectionsOfAllKinds, wholeItem } from '../support/required-items.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount } from '../support/sql.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let erik: ApiClient;
const documents = new Map<DocumentKind, string>();

/** What each add button of the client writes (client/components/…: the same calls, the same fields). */
const WRITERS: Record<DocumentKind, (doc: Y.Doc) => void> = {
  'action-plan': (doc) => {
    const goal = addGoal(doc, { number: '1', title: '' });
    addActivity(doc, goal, { title: '', number: '1.1' });
    addCost(doc, { section: 'Projektledning', label: '', description: '', amount: null });
  },
  strategy: (doc) => {
    const area = addItem(doc, STRATEGY_COLLECTIONS.focusAreas, { title: '', description: '' });
    const goal = addStrategyGoal(doc, area, { number: '1', title: '' });
    const indicator = addIndicator(doc, goal, { name: '', unit: '', direction: 'decrease', baselineYear: null, baselineValue: null, targetYear: null, targetValue: null });
    setMeasurement(doc, indicator, 2026, { value: 1, source: 'SCB' });
  },
  agenda: (doc) => {
    const C = AGENDA_COLLECTIONS;
    const meeting = addItem(doc, C.meetings, { title: '', date: '', start: '09:00', end: '12:00', location: '', link: '' });
    addItem(doc, C.participants, { organisation: '', name: '', email: '', role: 'official' });
    addItem(doc, C.milestones, { title: '', date: '2026-12-01', done: false });
    const item = addItem(doc, C.items, { meetingId: meeting, title: '', presenter: '', minutes: 15, notes: '' });
    addItem(doc, C.decisions, { itemId: item, text: '' });
    addItem(doc, C.actions, { itemId: item, text: '', owner: '', due: null, done: false, planActivity: null });
  },
};

const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

async function peer(api: ApiClient, documentId: string): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  await synced(p);
  return p;
}

const sameState = (a: Y.Doc, b: Y.Doc) => Y.encodeStateVector(a).toString() === Y.encodeStateVector(b).toString();
const closeCode = (p: Peer): Promise<number> => new Promise((resolve) => p.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
const holdsClient = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).has(client);
/** The id of some item of `root` in `doc`. */
const anyItem = (doc: Y.Doc, root: string) => [...doc.getMap<unknown>(root).keys()][0] ?? '';

beforeAll(async () => {
  server = await startTestServer();
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'), 'Anna Samordnare');
  const ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Fält' }, 201)).id;
  erik = new ApiClient(server.url);
  await erik.signup(email('erik'), 'Erik Redaktör');
  await joinWorkspace(anna, erik, ws, 'editor');
  for (const kind of ['action-plan', 'strategy', 'agenda'] as const) {
    documents.set(kind, (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind, title: 'Dokument' }, 201)).id);
  }
});

afterAll(async () => {
  await server.stop();
});

describe("every writer of the app makes whole items: they sync and the socket stays open", () => {
  it.each(['action-plan', 'strategy', 'agenda'] as const)('%s: every add, then an item deleted whole', async (kind) => {
    const id = documents.get(kind) ?? '';
    const [editor, witness] = [await peer(erik, id), await peer(anna, id)];
    WRITERS[kind](editor.doc);
    await until(() => sameState(editor.doc, witness.doc), 10_000, 'the new items arrive');
    const first = collectionsOfAllKinds().find((row) => row.kind === kind)?.root ?? '';
    editor.doc.getMap(first).delete(anyItem(editor.doc, first));
    await until(() => sameState(editor.doc, witness.doc), 10_000, 'the deletion arrives');
    expect(editor.provider.wsconnected).toBe(true);
    editor.destroy();
    witness.destroy();
  });
});

const ATTACKS = collectionsOfAllKinds().flatMap(({ kind, root, keys }) => [
  [kind, `${root}: a new item with no fields`, (doc: Y.Doc) => doc.getMap(root).set('leer', new Y.Map())] as const,
  [kind, `${root}: a new item without ${keys[0] ?? ''}`, (doc: Y.Doc) => doc.getMap(root).set('halv', wholeItem(kind, root, { [keys[0] ?? '']: undefined }))] as const,
  [kind, `${root}: deleting ${keys[0] ?? ''} of an item kept`, (doc: Y.Doc) => (doc.getMap(root).get(anyItem(doc, root)) as Y.Map<unknown>).delete(keys[0] ?? '')] as const,
]);
const TITLES = [
  ['action-plan', 'goals: deleting the title Y.Text', (doc: Y.Doc) => (doc.getMap('goals').get(anyItem(doc, 'goals')) as Y.Map<unknown>).delete('title')] as const,
  ['strategy', 'goals: deleting the title Y.Text', (doc: Y.Doc) => (doc.getMap('goals').get(anyItem(doc, 'goals')) as Y.Map<unknown>).delete('title')] as const,
];

describe('an item keeps its required fields over the websocket', () => {
  it.each([...ATTACKS, ...TITLES])('%s %s: closed 1008, nothing stored or relayed', async (kind, _what, edit) => {
    const id = documents.get(kind) ?? '';
    const seed = await peer(anna, id);
    // Every collection holds an item to attack (the writers' test may have deleted one).
    if (collectionsOfAllKinds().some((row) => row.kind === kind && anyItem(seed.doc, row.root) === '')) WRITERS[kind](seed.doc);
    await until(async () => (await storedUpdates(id)) > 0, 10_000, 'the seed is stored');
    const [attacker, witness] = [await peer(erik, id), seed];
    await until(() => sameState(attacker.doc, witness.doc), 10_000, 'the attacker has the items');
    const before = await storedUpdates(id);
    const closed = closeCode(attacker);
    edit(attacker.doc);
    expect(await closed).toBe(1008);
    const client = attacker.doc.clientID;
    attacker.destroy();
    expect(await storedUpdates(id), 'nothing stored').toBe(before);
    const late = await peer(erik, id);
    expect(holdsClient(late.doc, client), 'the server holds nothing of it').toBe(false);
    expect(holdsClient(witness.doc, client), 'nothing relayed').toBe(false);
    late.destroy();
    witness.destroy();
  });
});
