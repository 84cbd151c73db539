/**
 * DESIGN "Document schemas" and "Protected document fields", through the real server: a
 * key the schema does not name, written into `budget` or a collection's item map (`meta` is
 * open beyond its protected fields; the red team's `budget.{"x":1}`), is refused like the
 * other protected writes — socket closed 1008, nothing stored or relayed — also when the
 * item it is written into arrives in a later update (Yjs would keep the write waiting, then
 * apply it unchecked). Known keys pass. The table of kinds × maps × keys is tests/unit/schema-keys.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActivity, addGoal } from '../../shared/model/action-plan.js';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { openRaw } from '../support/raw-socket.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount } from '../support/sql.js';
import { usePeers } from '../support/peers.js';
import { until } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let erik: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer({ signupsPerMinute: 1000 });
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'), 'Anna Samordnare');
  ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Schema' }, 201)).id;
  erik = new ApiClient(server.url);
  await erik.signup(email('erik'), 'Erik Redaktör');
  await joinWorkspace(anna, erik, ws, 'editor');
});

afterAll(async () => {
  await server.stop();
});

const newPlan = async () => (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

const peer = usePeers(() => server.url);

const goalOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('goals').values()][0] ?? new Y.Map();

describe('a key the schema does not name', () => {
  it.each<[string, (doc: Y.Doc) => void, (doc: Y.Doc) => boolean]>([
    ['budget.{"x":1}', (doc) => doc.getMap('budget').set('{"x":1}', 1), (doc) => doc.getMap('budget').has('{"x":1}')],
    ['a goal’s evil', (doc) => goalOf(doc).set('evil', 'x'), (doc) => goalOf(doc).has('evil')],
    ['a goal’s source (an activity’s key)', (doc) => goalOf(doc).set('source', null), (doc) => goalOf(doc).has('source')],
  ])('%s is refused 1008, not stored, not relayed; the document goes on', async (_what, write, has) => {
    const documentId = await newPlan();
    const setup = await peer(anna, documentId);
    addGoal(setup.doc, { number: '1', title: 'Mål' });
    const [attacker, witness] = [await peer(erik, documentId), await peer(anna, documentId)];
    await until(() => goalOf(attacker.doc).has('title') && goalOf(witness.doc).has('title'), 5_000, 'the goal arrives');
    const before = await storedUpdates(documentId);
    const closed = new Promise<number>((resolve) => attacker.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    write(attacker.doc);
    expect(await closed).toBe(1008);
    attacker.destroy();
    expect(await storedUpdates(documentId)).toBe(before);
    // The witness's own later edit arrives at a new peer: the refused write came nowhere before it.
    addGoal(witness.doc, { number: '2', title: 'Efter' });
    const late = await peer(anna, documentId);
    await until(() => late.doc.getMap('goals').size === 2, 5_000, 'the later edit arrives');
    expect(has(witness.doc) || has(late.doc)).toBe(false);
  });

  it('passes every key the model writes (a goal, an activity, the budget, meta) and a key of its own in meta', async () => {
    const documentId = await newPlan();
    const [writer, reader] = [await peer(erik, documentId), await peer(anna, documentId)];
    const goalId = addGoal(writer.doc, { number: '1', title: 'Mål' });
    addActivity(writer.doc, goalId, { title: 'Aktivitet', budget: 100, responsible: 'Kommunen', start: '2027-01-01', end: '2027-06-30', recipients: 'Alla', status: 'ongoing', progress: 10 });
    writer.doc.getMap('budget').set('frame', 1_000);
    writer.doc.getMap('meta').set('subtitle', 'Underrubrik');
    // meta is open beyond kind and schemaVersion (schema-keys.ts): a descriptor of a client's own passes.
    writer.doc.getMap('meta').set('probe', 1);
    await until(
      () => reader.doc.getMap('activities').size === 1 && reader.doc.getMap('meta').get('subtitle') === 'Underrubrik' && reader.doc.getMap('meta').get('probe') === 1,
      5_000,
      'the edits arrive',
    );
    expect(writer.provider.wsconnected).toBe(true);
  });

  it('is refused when the item it is written into comes in a later update (out of order)', async () => {
    const documentId = await newPlan();
    const setup = await peer(erik, documentId);
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(setup.doc));
    const at = Y.encodeStateVector(local);
    const goalId = addGoal(local, { number: '1', title: 'Mål' });
    const makesGoal = Y.encodeStateAsUpdate(local, at);
    const after = Y.encodeStateVector(local);
    goalOf(local).set('evil', 'x');
    const writesEvil = Y.encodeStateAsUpdate(local, after);
    const raw = await openRaw(server.url, documentId, erik.sessionCookie);
    const before = await storedUpdates(documentId);
    raw.ws.send(syncMessage(SyncStep.Update, writesEvil));
    raw.ws.send(syncMessage(SyncStep.Update, makesGoal));
    expect(await raw.closed).toBe(1008);
    const late = await peer(anna, documentId);
    expect(await storedUpdates(documentId)).toBe(before);
    expect((late.doc.getMap('goals').get(goalId) as Y.Map<unknown> | undefined)?.has('evil') ?? false).toBe(false);
  });
});
