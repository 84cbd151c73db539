/**
 * Issue 17, x17 findings 1 and 5a (server/sync/content-shape.ts; README "Lengths"): an
 * editor with a real y-websocket client puts into a co-edited text something other than
 * characters (an embed, a format, a nested type, a value, binary, a subdocument, a key), or
 * writes a map root as a text or a list. Each is refused: socket closed 1008, nothing stored,
 * nothing relayed (a client joining later holds nothing of the attacker's). What the app
 * writes (typing, deleting, a new goal) still syncs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStrategyGoal } from '../../shared/model/strategy.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { HOSTILE, LEGITIMATE } from '../support/content-shapes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount } from '../support/sql.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let erik: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer();
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'), 'Anna Samordnare');
  ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Former' }, 201)).id;
  erik = new ApiClient(server.url);
  await erik.signup(email('erik'), 'Erik Redaktör');
  await joinWorkspace(anna, erik, ws, 'editor');
});

afterAll(async () => {
  await server.stop();
});

const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

async function peer(api: ApiClient, documentId: string, doc?: Y.Doc): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie }, doc);
  await synced(p);
  return p;
}

/** A strategy with a vision and one goal; its id and the goal's. */
async function strategy(): Promise<{ id: string; goal: string }> {
  const id = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'strategy', title: 'Strategi' }, 201)).id;
  const setup = await peer(anna, id);
  setup.doc.getText('vision').insert(0, 'Vision');
  const goal = addStrategyGoal(setup.doc, null, { number: '1', title: 'Mål' });
  const size = Y.encodeStateAsUpdate(setup.doc).length;
  const check = await peer(erik, id);
  await until(() => Y.encodeStateAsUpdate(check.doc).length >= size, 5_000, 'the goal arrives');
  setup.destroy();
  check.destroy();
  return { id, goal };
}

const closeCode = (p: Peer): Promise<number> => new Promise((resolve) => p.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
/** Whether `doc` holds anything of client `client`. */
const holdsClient = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).has(client);

describe('texts hold characters, maps keyed entries, over the websocket', () => {
  it.each(HOSTILE)('%s is refused 1008, nothing stored or relayed', async (_what, edit, prepare) => {
    const { id, goal } = await strategy();
    const doc = new Y.Doc();
    prepare?.(doc);
    const [attacker, witness] = [await peer(erik, id, doc), await peer(anna, id)];
    const before = await storedUpdates(id);
    const closed = closeCode(attacker);
    edit(attacker.doc, goal);
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

  it.each(LEGITIMATE)('%s syncs', async (_what, edit) => {
    const { id, goal } = await strategy();
    const [editor, witness] = [await peer(erik, id), await peer(anna, id)];
    edit(editor.doc, goal);
    const want = Y.encodeStateVector(editor.doc);
    await until(() => Y.encodeStateVector(witness.doc).toString() === want.toString(), 10_000, 'the edit arrives');
    expect(editor.provider.wsconnected).toBe(true);
    editor.destroy();
    witness.destroy();
  });
});
