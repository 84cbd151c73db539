/**
 * Red team F5 through the real server with real y-websocket providers: what one editor
 * pushes may not take a document past its content limits (shared/content-limits.ts;
 * README "Contract notes"), or others could not open or export it. For every kind of text
 * — titles (200 characters) and other texts (20 000), as `Y.Text` typed into and as
 * values set, in every kind of document, counted in whole characters whatever the
 * characters are made of — and for every count (items per document, entries per map):
 * at the limit is accepted, relayed and stored; one more is refused (1008), neither stored
 * nor relayed, and the room carries on. The items-per-document limit is lowered to 30 here
 * so the case runs in milliseconds (the default is 20 000: content-growth unit test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { characterLength } from '../../shared/strings.js';
import { type ApiClient, teamWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until } from '../support/yclient.js';
import { sqlCount } from '../support/sql.js';
import { wholeItem } from '../support/required-items.js';

const MAX_ITEMS = 30;
let server: TestServer;
let coordinator: ApiClient;
let editor: ApiClient;
let ws: string;

beforeAll(async () => {
  server = await startTestServer({ sync: { ...DEFAULT_SYNC_LIMITS, maxItemsPerDocument: MAX_ITEMS }, signupsPerMinute: 1000 });
  ({ coordinator, ws, members: [editor] } = await teamWorkspace(server.url, 'Gränser', [['Erik Redaktör', 'editor']]));
});
afterAll(async () => {
  await server.stop();
});

type Kind = 'action-plan' | 'strategy' | 'agenda';

const peer = usePeers(() => server.url);

/** Updates the server stored for the document, on SQLite or PostgreSQL (tests/support/sql.ts). */
const storedUpdates = (documentId: string) => sqlCount(server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

/** An item map `item-1` in `collection`, with a Y.Text under `textKey` if given. */
function itemIn(doc: Y.Doc, collection: string): Y.Map<unknown> {
  const existing = doc.getMap<unknown>(collection).get('item-1');
  if (existing instanceof Y.Map) return existing;
  // A whole item (required-fields.ts): its texts are there, empty, and every other field.
  const kind = doc.getMap<unknown>('meta').get('kind') as Kind;
  return doc.getMap<unknown>(collection).set('item-1', wholeItem(kind, collection));
}

/** What a reader sees (never writes: a witness that wrote its own item would race the attacker's). */
function read(doc: Y.Doc, collection: string, key: string): unknown {
  if (collection === 'vision') return doc.getText('vision').toString();
  const holder = collection === 'meta' ? doc.getMap<unknown>('meta') : doc.getMap<unknown>(collection).get('item-1');
  const value = holder instanceof Y.Map ? holder.get(key) : undefined;
  return value instanceof Y.Text ? value.toString() : value;
}

function textOf(doc: Y.Doc, collection: string, key: string): Y.Text {
  if (collection === 'vision') return doc.getText('vision');
  const item = itemIn(doc, collection);
  const text = item.get(key);
  if (text instanceof Y.Text) return text;
  const made = new Y.Text();
  item.set(key, made);
  return made;
}

/** One class of content: how to write it at the limit, one past it, and what a reader sees of it. */
interface Case {
  kind: Kind;
  prepare: (doc: Y.Doc) => void;
  atLimit: (doc: Y.Doc) => void;
  over: (doc: Y.Doc) => void;
  size: (doc: Y.Doc) => number;
}

// Linear, unlike Intl.Segmenter over a whole 40 000-unit text (quadratic in V8; checked against it in tests/unit/content-limits.test.ts).
const characters = (text: string) => characterLength(text);
/** Characters made of one, two, several code points and UTF-16 units. */
const UNITS = ['a', 'å', '😀', 'e\u0301', '👨‍👩‍👧', '🇸🇪'];

/** Typing into a `Y.Text`: the whole limit, then one character more at the end. */
const typed = (kind: Kind, collection: string, key: string, limit: number, unit: string): Case => ({
  kind,
  prepare: (doc) => void textOf(doc, collection, key),
  atLimit: (doc) => textOf(doc, collection, key).insert(0, unit.repeat(limit)),
  over: (doc) => {
    const text = textOf(doc, collection, key);
    text.insert(text.length, unit);
  },
  size: (doc) => characters(String(read(doc, collection, key) ?? '')),
});

/** A value set under a key: the whole limit, then replaced by one character more. */
const setValue = (kind: Kind, collection: string, key: string, limit: number, unit: string): Case => {
  const map = (doc: Y.Doc) => (collection === 'meta' ? doc.getMap<unknown>('meta') : itemIn(doc, collection));
  return {
    kind,
    prepare: (doc) => void map(doc),
    atLimit: (doc) => map(doc).set(key, unit.repeat(limit)),
    over: (doc) => map(doc).set(key, unit.repeat(limit + 1)),
    size: (doc) => characters(String(read(doc, collection, key) ?? '')),
  };
};

/** Entries of a map: the limit in one change, then one more. */
const entries = (kind: Kind, collection: string, mapOf: (doc: Y.Doc) => Y.Map<unknown>, limit: number): Case => ({
  kind,
  prepare: (doc) => void mapOf(doc),
  atLimit: (doc) => doc.transact(() => {
    const map = mapOf(doc);
    for (let i = map.size; i < limit; i++) map.set(`k${i}`, collection === 'measurements' ? new Y.Map() : i);
  }),
  over: (doc) => mapOf(doc).set('one-more', 1),
  size: (doc) => {
    const map = collection === 'measurements' ? read(doc, 'indicators', 'measurements') : collection === 'meta' ? doc.getMap('meta') : doc.getMap(collection).get('item-1');
    return map instanceof Y.Map ? map.size : 0;
  },
});

const measurements = (doc: Y.Doc): Y.Map<unknown> => {
  const indicator = itemIn(doc, 'indicators');
  const byYear = indicator.get('measurements');
  if (byYear instanceof Y.Map) return byYear;
  const made = new Y.Map<unknown>();
  indicator.set('measurements', made);
  return made;
};

/** Items: the first collection filled to the document's limit, then one more in `collection`. */
const items = (kind: Kind, first: string, collection: string): Case => ({
  kind,
  prepare: () => undefined,
  atLimit: (doc) => doc.transact(() => {
    for (let i = 0; i < MAX_ITEMS; i++) doc.getMap<unknown>(first).set(`i${i}`, wholeItem(kind, first));
  }),
  over: (doc) => doc.getMap<unknown>(collection).set('one-more', wholeItem(kind, collection)),
  size: (doc) => doc.getMap(first).size + (collection === first ? 0 : doc.getMap(collection).size),
});

const TITLE = 200;
const TEXT = 20_000;
const CASES: Array<[string, Case]> = [
  ...UNITS.map((unit): [string, Case] => [`a goal's title typed, in ${JSON.stringify(unit)}`, typed('action-plan', 'goals', 'title', TITLE, unit)]),
  ...UNITS.map((unit): [string, Case] => [`the document's title set, in ${JSON.stringify(unit)}`, setValue('action-plan', 'meta', 'title', TITLE, unit)]),
  ['an activity title typed', typed('action-plan', 'activities', 'title', TITLE, 'b')],
  ['an activity description typed', typed('action-plan', 'activities', 'description', TEXT, 'c')],
  ['an activity description typed in emoji', typed('action-plan', 'activities', 'description', TEXT, '😀')],
  ['a goal description typed', typed('action-plan', 'goals', 'description', TEXT, 'd')],
  ['a cost label set', setValue('action-plan', 'costs', 'label', TITLE, 'é')],
  ['a cost description set', setValue('action-plan', 'costs', 'description', TEXT, 'f')],
  ["an activity's responsible set", setValue('action-plan', 'activities', 'responsible', TEXT, 'g')],
  ['the strategy vision typed', typed('strategy', 'vision', '', TEXT, 'h')],
  ['a focus area title set', setValue('strategy', 'focusAreas', 'title', TITLE, '🌍')],
  ['a strategy goal title typed', typed('strategy', 'goals', 'title', TITLE, 'i')],
  ["an indicator's name set", setValue('strategy', 'indicators', 'name', TITLE, 'j')],
  ['an agenda item title typed', typed('agenda', 'items', 'title', TITLE, 'k')],
  ['agenda item notes typed', typed('agenda', 'items', 'notes', TEXT, 'l')],
  ['a meeting title set', setValue('agenda', 'meetings', 'title', TITLE, 'm')],
  ['a decision text set', setValue('agenda', 'decisions', 'text', TEXT, 'n')],
  ['a milestone title set', setValue('agenda', 'milestones', 'title', TITLE, 'o')],
  ["a participant's name set", setValue('agenda', 'participants', 'name', TITLE, 'p')],
  ['measurements of an indicator', entries('strategy', 'measurements', measurements, 200)],
  // meta takes keys DESIGN does not name (schema-keys.ts), so its size is this limit's.
  ['keys of meta', entries('action-plan', 'meta', (doc) => doc.getMap('meta'), 200)],
  // An item's and `meta`'s keys are their schema's, far fewer than 200: any other is refused
  // (server/sync/schema-keys.ts, tests/integration/schema-keys.test.ts).
  ['goals, then one more goal', items('action-plan', 'goals', 'goals')],
  ['activities, then one more cost', items('action-plan', 'activities', 'costs')],
  ['indicators, then one more focus area', items('strategy', 'indicators', 'focusAreas')],
  ['agenda items, then one more action', items('agenda', 'items', 'actions')],
  ['meetings, then one more milestone', items('agenda', 'meetings', 'milestones')],
];

describe('content pushed over the websocket keeps to the limits', () => {
  it.each(CASES)('%s: at the limit accepted, one more refused (1008), not stored or relayed', { timeout: 60_000 }, async (_what, limit) => {
    const documentId = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: limit.kind, title: 'Gränsfall' }, 201)).id;
    const attacker = await peer(editor, documentId);
    const witness = await peer(coordinator, documentId);
    limit.prepare(attacker.doc);
    limit.atLimit(attacker.doc);
    const expected = limit.size(attacker.doc);
    await until(() => limit.size(witness.doc) === expected, 15_000, 'the at-limit write reaches the witness');
    const before = await storedUpdates(documentId);
    const closed = new Promise<number>((resolve) => attacker.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    limit.over(attacker.doc);
    expect(await closed).toBe(1008);
    attacker.destroy();
    // A later edit arrives after anything stored before it: the refused one never comes.
    const bystander = await peer(coordinator, documentId);
    // A key of `meta` in this kind's schema (`subtitle` is an action plan's only) that no case measures.
    const field = { 'action-plan': 'subtitle', strategy: 'adopted', agenda: 'network' }[limit.kind];
    bystander.doc.getMap('meta').set(field, 'efter');
    await until(() => witness.doc.getMap('meta').get(field) === 'efter', 10_000, 'the bystander edit arrives');
    expect(limit.size(witness.doc)).toBe(expected);
    expect(await storedUpdates(documentId)).toBe(before + 1);
    const exported = await coordinator.request('GET', `/api/documents/${documentId}/export.json`);
    expect(exported.status).toBe(200);
  });
});
