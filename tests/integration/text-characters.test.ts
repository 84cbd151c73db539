/**
 * Issue 17 (red team): one rule for text whichever way it arrives. HTTP refuses a title with
 * a control, a bidi override or a lone surrogate (shared/strings.ts `singleLineProblem`);
 * over the websocket an update inserting such a character into a text or a value is refused
 * too (shared/strings.ts `hasForbiddenCharacter`, server/sync/struct-content.ts): the socket
 * is closed 1008, nothing is stored or relayed, and a bystander's later edit still arrives.
 * The same holds for the keys a client names (an item id, a field, a key of `meta`).
 * TAB, LF and ordinary Arabic/Hebrew text (no override characters) pass. An embed in a text
 * is refused whatever it holds (a text holds characters only: content-shape tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ApiClient, teamWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until } from '../support/yclient.js';
import { sqlCount } from '../support/sql.js';
import { wholeItem } from '../support/required-items.js';

let server: TestServer;
let coordinator: ApiClient;
let editor: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer({ signupsPerMinute: 1000 });
  ({ coordinator, ws, members: [editor] } = await teamWorkspace(server.url, 'Tecken', [['Erik Redaktör', 'editor']]));
});
afterAll(async () => {
  await server.stop();
});

const peer = usePeers(() => server.url);

/** Updates the server stored for the document, on SQLite or PostgreSQL (tests/support/sql.ts). */
const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

/** The activity `a1` (made whole on first use: an item keeps its required fields, required-fields.ts). */
function activity(doc: Y.Doc): Y.Map<unknown> {
  const existing = doc.getMap<unknown>('activities').get('a1');
  if (existing instanceof Y.Map) return existing;
  const made = wholeItem('action-plan', 'activities');
  doc.getMap<unknown>('activities').set('a1', made);
  return made;
}

/** What a reader sees of `a1`'s `key` (never writes: a witness that wrote would race the writer). */
function readActivity(doc: Y.Doc, key: string): unknown {
  const item = doc.getMap<unknown>('activities').get('a1');
  const value = item instanceof Y.Map ? item.get(key) : undefined;
  return value instanceof Y.Text ? value.toString() : value;
}

/** A place text is written to: how to write `text` there and what a reader sees. */
interface Place {
  write: (doc: Y.Doc, text: string) => void;
  read: (doc: Y.Doc) => string;
}

const typedIn = (key: string): Place => ({
  write: (doc, text) => {
    const item = activity(doc);
    const existing = item.get(key);
    const target = existing instanceof Y.Text ? existing : new Y.Text();
    if (target !== existing) item.set(key, target);
    target.insert(target.length, text);
  },
  read: (doc) => String(readActivity(doc, key) ?? ''),
});
const PLACES: Record<string, Place> = {
  'activity title typed': typedIn('title'),
  'activity description typed': typedIn('description'),
  'activity responsible set': {
    write: (doc, text) => activity(doc).set('responsible', text),
    read: (doc) => String(readActivity(doc, 'responsible') ?? ''),
  },
  'meta subtitle set': {
    write: (doc, text) => doc.getMap<unknown>('meta').set('subtitle', text),
    read: (doc) => String(doc.getMap<unknown>('meta').get('subtitle') ?? ''),
  },
};

/** Every kind of refused character (lone surrogates cannot cross the wire: lib0 writes them as U+FFFD). */
const FORBIDDEN: Array<[string, string]> = [
  ['NUL', '\u0000'], ['BEL', '\u0007'], ['VT', '\u000b'], ['FF', '\u000c'], ['ESC', '\u001b'], ['US', '\u001f'],
  ['DEL', '\u007f'], ['C1 PAD', '\u0080'], ['NEL', '\u0085'], ['CSI', '\u009b'], ['APC', '\u009f'],
  ['LRE', '\u202a'], ['RLE', '\u202b'], ['PDF', '\u202c'], ['LRO', '\u202d'], ['RLO', '\u202e'],
  ['LRI', '\u2066'], ['RLI', '\u2067'], ['FSI', '\u2068'], ['PDI', '\u2069'],
];
const CASES: Array<[string, string, string]> = [
  ...FORBIDDEN.flatMap(([name, char]): Array<[string, string, string]> => [
    [name, 'activity title typed', char],
    [name, 'activity description typed', char],
  ]),
  ...FORBIDDEN.filter(([name]) => ['NUL', 'RLO', 'CSI'].includes(name)).flatMap(([name, char]): Array<[string, string, string]> => [
    [name, 'activity responsible set', char],
    [name, 'meta subtitle set', char],
  ]),
];

async function newDocument(): Promise<string> {
  return (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Tecken' }, 201)).id;
}

/** Where a client names a key (a struct's parentSub): an item id, a field of an item, a key of `meta`. */
const KEY_PLACES: Record<string, { write: (doc: Y.Doc, key: string) => void; has: (doc: Y.Doc, key: string) => boolean }> = {
  'an item id': {
    write: (doc, key) => doc.getMap<unknown>('goals').set(key, wholeItem('action-plan', 'goals')),
    has: (doc, key) => doc.getMap<unknown>('goals').has(key),
  },
  'a field of an item': {
    write: (doc, key) => activity(doc).set(key, 'värde'),
    has: (doc, key) => {
      const item = doc.getMap<unknown>('activities').get('a1');
      return item instanceof Y.Map && item.has(key);
    },
  },
  'a key of meta': {
    write: (doc, key) => doc.getMap<unknown>('meta').set(key, 'värde'),
    has: (doc, key) => doc.getMap<unknown>('meta').has(key),
  },
};
const KEY_CASES: Array<[string, string, string]> = FORBIDDEN.flatMap(([name, char]) =>
  Object.keys(KEY_PLACES).map((where): [string, string, string] => [name, where, char]),
);

describe('characters no text may hold are refused over the websocket', () => {
  it.each(KEY_CASES)('%s in %s (a map key): refused (1008), not stored or relayed', { timeout: 30_000 }, async (_name, where, char) => {
    const place = KEY_PLACES[where];
    if (!place) throw new Error(where);
    const documentId = await newDocument();
    const attacker = await peer(editor, documentId);
    const witness = await peer(coordinator, documentId);
    attacker.doc.transact(() => activity(attacker.doc).set('status', 'ongoing'));
    await until(() => readActivity(witness.doc, 'status') === 'ongoing', 10_000, 'the harmless write reaches the witness');
    const before = await storedUpdates(documentId);
    const closed = new Promise<number>((resolve) => attacker.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    const key = `x${char}y`;
    place.write(attacker.doc, key);
    expect(await closed).toBe(1008);
    attacker.destroy();
    const bystander = await peer(coordinator, documentId);
    bystander.doc.transact(() => activity(bystander.doc).set('status', 'done'));
    await until(() => readActivity(witness.doc, 'status') === 'done', 10_000, 'the bystander edit arrives');
    expect(place.has(witness.doc, key)).toBe(false);
    expect(place.has(bystander.doc, key)).toBe(false);
    expect(await storedUpdates(documentId)).toBe(before + 1);
  });

  it.each(CASES)('%s in %s: refused (1008), not stored or relayed', { timeout: 30_000 }, async (_name, where, char) => {
    const place = PLACES[where];
    if (!place) throw new Error(where);
    const documentId = await newDocument();
    const attacker = await peer(editor, documentId);
    const witness = await peer(coordinator, documentId);
    place.write(attacker.doc, '1.4 ');
    await until(() => place.read(witness.doc) === '1.4 ', 10_000, 'the harmless write reaches the witness');
    const before = await storedUpdates(documentId);
    const closed = new Promise<number>((resolve) => attacker.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    place.write(attacker.doc, `${char}gpj.exe`);
    expect(await closed).toBe(1008);
    attacker.destroy();
    // A later edit arrives after anything stored before it: the refused one never comes.
    const bystander = await peer(coordinator, documentId);
    bystander.doc.transact(() => activity(bystander.doc).set('status', 'done'));
    await until(() => readActivity(witness.doc, 'status') === 'done', 10_000, 'the bystander edit arrives');
    expect(place.read(witness.doc)).toBe('1.4 ');
    expect(place.read(bystander.doc)).toBe('1.4 ');
    expect(await storedUpdates(documentId)).toBe(before + 1);
  });

  const ALLOWED: Array<[string, string]> = [
    ['TAB and LF', 'rad ett\trad\ntvå\r\n'],
    ['Arabic', 'خطة العمل ١.٤'],
    ['Hebrew', 'תוכנית עבודה'],
    ['marks LRM/RLM/ALM', 'a\u200eb\u200fc\u061c'],
    ['Swedish and emoji', 'Åtgärd 😀 🇸🇪'],
  ];
  it.each(ALLOWED)('%s pass in every place: relayed and kept', { timeout: 30_000 }, async (_name, text) => {
    const documentId = await newDocument();
    const writer = await peer(editor, documentId);
    const witness = await peer(coordinator, documentId);
    for (const place of Object.values(PLACES)) place.write(writer.doc, text);
    await until(() => Object.values(PLACES).every((place) => place.read(witness.doc) === text), 10_000, 'the text reaches the witness');
    expect(writer.provider.wsconnected).toBe(true);
  });
});
