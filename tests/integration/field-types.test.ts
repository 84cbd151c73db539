/**
 * Issue 17 (untrusted clients; DESIGN "Document schemas", "Wave 2 contract"): an editor with
 * a plain y-websocket client writes a value of the wrong type under a key the schema names —
 * `activities[id].budget = "abc"`, a Y.Map where a Y.Text belongs, `meta.title = 42`, a
 * measurement value that is not a number, a timer of the wrong shape. Every such write is
 * refused like a key the schema does not name (socket closed 1008, nothing stored, nothing
 * relayed), and every read of the document keeps working: a new client syncs and reads it,
 * and the document, its exports (json, csv, xlsx, docx, ics), compare, changes, history, a
 * version's export and a guest's export answer 2xx. The table (tests/support/wrong-values.ts)
 * is written from DESIGN; here a rotating sample of it (3 wrong classes per field), the
 * whole table in tests/unit/field-types.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.js';
import { toJSON } from '../../shared/model/document.js';
import { sessionToJSON } from '../../shared/model/session.js';
import { validate } from '../../shared/validate/index.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sqlCount } from '../support/sql.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';
import { readAt, sampledWrongWrites, seedItems, VALUE_CLASSES, writeAt, type WrongWrite } from '../support/wrong-values.js';

let server: TestServer;
let anna: ApiClient;
let erik: ApiClient;
let ws: string;

beforeAll(async () => {
  const defaults = loadConfig({});
  server = await startTestServer({ limits: { ...defaults.limits, exportsPerUser: 100_000, historyPerMinute: 100_000, duplicatesPerMinute: 100_000, roundsPerMinute: 100_000, creationsPerHour: 100_000 } });
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'), 'Anna Samordnare');
  ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Typer' }, 201)).id;
  erik = new ApiClient(server.url);
  await erik.signup(email('erik'), 'Erik Redaktör');
  await joinWorkspace(anna, erik, ws, 'editor');
});

afterAll(async () => {
  await server.stop();
});

const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

async function peer(api: ApiClient, documentId: string): Promise<Peer> {
  const p = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  await synced(p);
  return p;
}

/** A document of `kind` with one item in every collection, a named version and a share link. */
async function seededDocument(kind: DocumentKind): Promise<{ id: string; version: string; token: string; before: string }> {
  const id = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind, title: 'Dokument' }, 201)).id;
  const setup = await peer(anna, id);
  seedItems(setup.doc, kind);
  const size = Y.encodeStateAsUpdate(setup.doc).length;
  const check = await peer(erik, id);
  await until(() => Y.encodeStateAsUpdate(check.doc).length >= size, 5_000, 'the seeded items arrive');
  setup.destroy();
  check.destroy();
  const version = (await anna.json<{ id: string }>('POST', `/api/documents/${id}/versions`, { name: 'Före' }, 201)).id;
  const link = await anna.json<{ url: string }>('POST', `/api/documents/${id}/share-links`, { label: 'Gäst' }, 201);
  return { id, version, token: link.url.split('/s/')[1] ?? '', before: new Date(Date.now() - 1_000).toISOString() };
}

/** Every read route of the document, with the status it answered (a 2xx expected of each). */
async function readRoutes(kind: DocumentKind, doc: { id: string; version: string; token: string; before: string }): Promise<Array<[string, number]>> {
  const files = kind === 'action-plan' ? ['json', 'tsv', 'csv', 'xlsx', 'docx'] : kind === 'agenda' ? ['json', 'xlsx', 'docx', 'ics'] : ['json', 'xlsx', 'docx'];
  const paths = [
    `/api/documents/${doc.id}`,
    `/api/documents/${doc.id}/validation`,
    ...files.map((format) => `/api/documents/${doc.id}/export.${format}`),
    `/api/documents/${doc.id}/compare?from=${doc.version}&to=live`,
    `/api/documents/${doc.id}/changes?since=${encodeURIComponent(doc.before)}`,
    `/api/documents/${doc.id}/history?limit=50`,
    `/api/documents/${doc.id}/versions/${doc.version}/export.json`,
  ];
  const answers: Array<[string, number]> = [];
  for (const path of paths) answers.push([path.replace(doc.id, ':doc').replace(doc.version, ':v').split('?')[0] ?? path, (await anna.request('GET', path)).status]);
  const guest = await fetch(`${server.url}/api/shared/${doc.token}/export.json`);
  answers.push(['/api/shared/:token/export.json', guest.status]);
  return answers;
}

/** Whether two values read by `readAt` are the same (NaN too). */
const sameValue = (a: unknown, b: unknown): boolean => {
  const plain = (v: unknown) => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? 'undefined'));
  return plain(a) === plain(b);
};

/** The close code the attacker's socket gets. */
function closeCode(p: Peer): Promise<number> {
  return new Promise((resolve) => p.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
}

describe('a value of the wrong type under a named key', () => {
  const rows = sampledWrongWrites(3);

  it.each(rows.map((row): [string, WrongWrite] => [`${row.kind} ${row.path} = ${row.what}`, row]))('%s is refused 1008 and every read keeps working', async (_name, row) => {
    const doc = await seededDocument(row.kind);
    // `session` is written only by coordinators (protected-fields.ts): they are the writer of those rows.
    const writer = row.path.startsWith('session.') ? anna : erik;
    const [attacker, witness] = [await peer(writer, doc.id), await peer(anna, doc.id)];
    const before = await storedUpdates(doc.id);
    const was = readAt(witness.doc, row.path);
    const closed = closeCode(attacker);
    writeAt(attacker.doc, row.path, VALUE_CLASSES[row.what]());
    // Refused: the socket closes. Taken: the witness gets the value (no timer either way).
    const relayed = until(() => !sameValue(readAt(witness.doc, row.path), was), 20_000, 'the value arrives').then(() => null);
    const code = await Promise.race([closed, relayed.catch(() => null)]);
    attacker.destroy();
    expect.soft(code, 'socket closed 1008').toBe(1008);
    expect.soft(await storedUpdates(doc.id), 'nothing stored').toBe(before);
    // A new client syncs, and what the client and every reader do with the document works.
    const late = await peer(erik, doc.id);
    const reads = () => {
      toJSON(late.doc);
      sessionToJSON(late.doc);
      validate(late.doc, { today: '2027-01-15' });
    };
    expect.soft(reads, 'the client reads the document').not.toThrow();
    expect.soft(sameValue(readAt(late.doc, row.path), was), 'the server holds the value it had').toBe(true);
    expect.soft(sameValue(readAt(witness.doc, row.path), was), 'nothing relayed').toBe(true);
    witness.destroy();
    late.destroy();
    for (const [route, status] of await readRoutes(row.kind, doc)) expect.soft(status, route).toBeLessThan(300);
  });
});
