/**
 * X17 finding 3 through the real server with y-websocket peers (DESIGN: names and titles
 * 1–200 characters, empty refused): an editor writing a blank `meta.title` or deleting it is
 * closed 1008, nothing stored or relayed, and the listing, the document and its export keep
 * the title; a real title change still reaches the listing (`GET /api/documents/:doc`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
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
  ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Titlar' }, 201)).id;
  erik = new ApiClient(server.url);
  await erik.signup(email('erik'), 'Erik Redaktör');
  await joinWorkspace(anna, erik, ws, 'editor');
});

afterAll(async () => {
  await server.stop();
});

async function peer(api: ApiClient, documentId: string): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  await synced(p);
  return p;
}

const listed = async (id: string) => (await anna.json<{ title: string }>('GET', `/api/documents/${id}`, undefined, 200)).title;
const storedUpdates = (id: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', id);

const WRITES: Array<[string, (meta: Y.Map<unknown>) => void]> = [
  ['an empty title', (meta) => meta.set('title', '')],
  ['a title of spaces', (meta) => meta.set('title', '   ')],
  ['a title of invisible characters', (meta) => meta.set('title', '\u200b\u2060')],
  ['a deleted title', (meta) => meta.delete('title')],
];
const KINDS: DocumentKind[] = ['action-plan', 'strategy', 'agenda'];
const ROWS = KINDS.flatMap((kind) => WRITES.map(([what, edit]): [string, DocumentKind, (meta: Y.Map<unknown>) => void] => [what, kind, edit]));

describe('meta.title over the websocket', () => {
  it.each(ROWS)('%s in a %s is refused 1008; the title stays everywhere', async (_what, kind, edit) => {
    const id = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind, title: 'Namnet' }, 201)).id;
    const [attacker, witness] = [await peer(erik, id), await peer(anna, id)];
    const before = await storedUpdates(id);
    const closed = new Promise<number>((resolve) => attacker.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    edit(attacker.doc.getMap('meta'));
    expect(await closed).toBe(1008);
    attacker.destroy();
    expect(await storedUpdates(id), 'nothing stored').toBe(before);
    expect(witness.doc.getMap('meta').get('title'), 'nothing relayed').toBe('Namnet');
    witness.destroy();
    const late = await peer(erik, id);
    expect(late.doc.getMap('meta').get('title')).toBe('Namnet');
    late.destroy();
    expect(await listed(id)).toBe('Namnet');
    const exported = await anna.request('GET', `/api/documents/${id}/export.json`);
    expect(((await exported.json()) as { title: string }).title).toBe('Namnet');
  });

  it('a real title change reaches the listing', async () => {
    const id = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Före' }, 201)).id;
    const editor = await peer(erik, id);
    editor.doc.getMap('meta').set('title', '  Efter  ');
    await until(async () => (await listed(id)) === 'Efter', 10_000, 'the listing follows');
    expect(editor.provider.wsconnected).toBe(true);
    editor.destroy();
  });
});
