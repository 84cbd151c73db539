/**
 * Keys the schema does not name (server/sync/schema-keys.ts; DESIGN "Document schemas",
 * "Protected document fields"): the lists hold every key the model writes (so no real
 * edit is refused), and the update scan refuses any other key in `budget` and
 * every collection's item map — kinds × maps × (known key / unknown key), new items and
 * old ones, in order and out of order — at one parent lookup per key written.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActivity, addCost, addGoal, PLAN_COLLECTIONS, updatePlanBudget } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem, type CollectionSpec } from '../../shared/model/collections.js';
import { createDocument } from '../../shared/model/document.js';
import { DOCUMENT_KINDS, ROOTS, type DocumentKind } from '../../shared/model/kinds.js';
import { migrateDocument } from '../../shared/model/migrations.js';
import { addIndicator, addStrategyGoal, setMeasurement, STRATEGY_COLLECTIONS } from '../../shared/model/strategy.js';
import { importPlanTable } from '../../shared/table/import.js';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { schemaKeysOf, schemaKeysOfKind } from '../../server/sync/schema-keys.js';
import { fieldTypeOf, itemFits, type MapSpec } from '../../server/sync/field-types.js';
import { RefusedUpdate, scanUpdate, type ScanContext } from '../../server/sync/update-scan.js';
import { readSample } from '../support/samples.js';
import { asVersion1, V1_CONTENT } from '../support/v1-document.js';
import { editOfReplica } from '../support/replica-edit.js';

const COLLECTIONS: Record<DocumentKind, Readonly<Record<string, CollectionSpec>>> = {
  'action-plan': PLAN_COLLECTIONS,
  strategy: STRATEGY_COLLECTIONS,
  agenda: AGENDA_COLLECTIONS,
};

/**
 * Every document the model's writers make: created, imported, demo, items added by every edit, migrated from version 1.
 * `bare`: also an item of every collection added with no fields (`addItem(doc, spec, {})`: the defaults alone, not what
 * any editor writes — a new item without its required fields is refused, required-fields.ts).
 */
function writtenByTheModel({ bare = true } = {}): Y.Doc[] {
  const plan = createDocument('action-plan', { ...importPlanTable(readSample('handlingsplan-smaland.tsv')).plan, budget: { frame: 1, frameWithIncome: 2, spentBefore: 3, spentBeforeDate: '2027-01-01' } });
  const goal = addGoal(plan, { number: '9', title: 'Mål' });
  addActivity(plan, goal, { title: 'A', source: 'agenda:action' });
  addCost(plan, { section: 'S', label: 'L', description: 'D', amount: 1 });
  updatePlanBudget(plan, { frame: 5 });
  const strategy = createDocument('strategy', DEMO_STRATEGY);
  const strategyGoal = addStrategyGoal(strategy, null, { number: '1', title: 'Mål' });
  const indicator = addIndicator(strategy, strategyGoal, { name: 'I', unit: 't', direction: 'decrease', baselineYear: 2020, baselineValue: 1, targetYear: 2030, targetValue: 0 });
  setMeasurement(strategy, indicator, 2027, { value: 1, source: 'SCB' });
  const docs = [plan, strategy, createDocument('agenda', DEMO_AGENDA), createDocument('action-plan', importPlanTable(readSample('handlingsplan-innherred.csv')).plan)];
  for (const doc of docs) {
    const kind = doc.getMap('meta').get('kind') as DocumentKind;
    if (bare) for (const spec of Object.values(COLLECTIONS[kind])) addItem(doc, spec, {});
  }
  for (const kind of DOCUMENT_KINDS) {
    const v1 = asVersion1(createDocument(kind, V1_CONTENT[kind] as never));
    migrateDocument(v1);
    docs.push(v1);
  }
  return docs;
}

describe('the schema keys hold every key the model writes', () => {
  it.each(writtenByTheModel().map((doc) => [doc.getMap('meta').get('kind') as string, doc] as const))('%s', (_kind, doc) => {
    const keys = schemaKeysOf(doc);
    const unnamed: string[] = [];
    for (const [root, named] of keys.roots) for (const key of doc.getMap<unknown>(root).keys()) if (!named.has(key)) unnamed.push(`${root}.${key}`);
    for (const [collection, named] of keys.items) {
      for (const item of doc.getMap<unknown>(collection).values()) {
        if (item instanceof Y.Map) for (const key of item.keys()) if (!named.has(key)) unnamed.push(`${collection}[].${key}`);
      }
    }
    expect(unnamed).toEqual([]);
    expect(keys.items.size).toBeGreaterThan(2);
  });

  it.each(DOCUMENT_KINDS)('%s: every root map but session and meta (open beyond its protected fields) is a fixed map or a collection', (kind) => {
    const keys = schemaKeysOfKind(kind);
    const maps = ROOTS[kind].maps.filter((name) => name !== 'session' && name !== 'meta');
    expect(keys.roots.has('meta') || keys.items.has('meta')).toBe(false);
    expect(maps.filter((name) => keys.roots.has(name) === keys.items.has(name))).toEqual([]);
  });
});

const contextOf = (doc: Y.Doc): ScanContext => scanContextOf(doc, 1_000_000, allowedRootsOf(doc));
/** A replica of `server` with its own client id; `edit` on it, as the update a provider sends. */
const editOf = (server: Y.Doc, edit: (doc: Y.Doc) => void, clientID = 4_242): Uint8Array => editOfReplica(server, edit, { clientID });
const refuses = (server: Y.Doc, update: Uint8Array) => {
  try {
    scanUpdate(update, contextOf(server));
    return false;
  } catch (error) {
    if (error instanceof RefusedUpdate) return true;
    throw error;
  }
};

/** A value of the key's type (field-types.ts): server-owned keys only take `null` on a new key (item-fields.ts), so null first. */
function validValue(kind: DocumentKind, map: string, key: string): unknown {
  const spec = schemaKeysOfKind(kind).types[map];
  const entry = spec?.entries;
  const field = entry?.content === 'map' ? fieldTypeOf(entry.map, key) : spec ? fieldTypeOf(spec, key) : null;
  if (field?.content === 'text') return new Y.Text('x');
  if (field?.content === 'map') return new Y.Map();
  return [null, 'x', 'planned', 'decrease', 'official', 1, true].find((value) => field === null || (field.content === 'any' && field.accepts(value)));
}

const CASES = DOCUMENT_KINDS.flatMap((kind) => {
  const keys = schemaKeysOfKind(kind);
  const roots = [...keys.roots].map(([map, named]) => ({ kind, map, item: false, known: [...named].filter((k) => k !== 'kind' && k !== 'schemaVersion') }));
  const items = [...keys.items].map(([map, named]) => ({ kind, map, item: true, known: [...named] }));
  return [...roots, ...items];
});

describe.each(CASES)('$kind $map', ({ kind, map, item, known }) => {
  const server = createDocument(kind, { title: 'Dokument' } as never);
  if (item) server.getMap(map).set('old', new Y.Map());
  const target = (doc: Y.Doc) => (item ? (doc.getMap(map).get('old') as Y.Map<unknown>) : doc.getMap<unknown>(map));
  const unknown = ['evil', '{"x":1}', '__proto__', 'Title', 'title ', ...CASES.flatMap((c) => c.known).filter((k) => !known.includes(k)).slice(0, 5)];

  it.each(known)('writing %s passes', (key) => {
    expect(refuses(server, editOf(server, (doc) => target(doc).set(key, validValue(kind, map, key))))).toBe(false);
  });

  it.each(unknown)('writing %j is refused', (key) => {
    expect(refuses(server, editOf(server, (doc) => target(doc).set(key, null)))).toBe(true);
  });

  it.runIf(item)('a new item with every known key passes; with one unknown key it is refused', () => {
    const make = (keys: string[]) => (doc: Y.Doc) => doc.getMap(map).set('new', new Y.Map(keys.map((key) => [key, validValue(kind, map, key)])));
    expect(refuses(server, editOf(server, make(known)))).toBe(false);
    expect(refuses(server, editOf(server, make([...known, 'evil'])))).toBe(true);
  });
});

describe('out of order: the item arrives in a later update (Yjs would keep the write pending)', () => {
  const server = createDocument('action-plan', { title: 'Plan' });
  const author = new Y.Doc();
  author.clientID = 100;
  Y.applyUpdate(author, Y.encodeStateAsUpdate(server));
  const at = Y.encodeStateVector(author);
  // A goal with a title only (as an older client made it), so a write of `number` names its key.
  const goal = 'g-late';
  author.getMap('goals').set(goal, new Y.Map<unknown>([['title', new Y.Text('Mål')]]));
  const makesGoal = Y.encodeStateAsUpdate(author, at);
  const goalOf = (doc: Y.Doc) => doc.getMap('goals').get(goal) as Y.Map<unknown>;
  // Another client that heard the goal directly writes into it.
  const writer = (key: string) => editOf(author, (doc) => goalOf(doc).set(key, 'x'), 900);

  it.each<[string, () => Uint8Array, boolean]>([
    ['an unknown key, before its item', () => writer('evil'), true],
    ['a known key, before its item', () => writer('number'), true],
    ['an unknown key, with its item in the same update (its group read after)', () => Y.mergeUpdates([makesGoal, writer('evil')]), true],
    ['a known key, with its item in the same update (its group read after)', () => Y.mergeUpdates([makesGoal, writer('number')]), false],
    ['a text typed into the missing item’s title (no key)', () => editOf(author, (doc) => (goalOf(doc).get('title') as Y.Text).insert(0, 'x'), 900), false],
  ])('%s: refused %s', (_what, update, refused) => {
    expect(refuses(server, update())).toBe(refused);
  });

  it('a key of a map inside a new item (a strategy goal’s objectives) is free, whichever group comes first', () => {
    const strategy = createDocument('strategy', { title: 'S' });
    const first = new Y.Doc();
    first.clientID = 100;
    Y.applyUpdate(first, Y.encodeStateAsUpdate(strategy));
    const before = Y.encodeStateVector(first);
    const id = addStrategyGoal(first, null, { number: '1', title: 'Mål' });
    const adds = Y.encodeStateAsUpdate(first, before);
    const objective = editOf(first, (doc) => ((doc.getMap('goals').get(id) as Y.Map<unknown>).get('objectives') as Y.Map<unknown>).set('se-01', true), 900);
    expect(refuses(strategy, Y.mergeUpdates([adds, objective]))).toBe(false);
  });
});

describe('cost: one parent lookup per key written, none for a text edit', () => {
  it.each<[string, (doc: Y.Doc, goal: Y.Map<unknown>) => void, number]>([
    ['typing inside a title', (_doc, goal) => (goal.get('title') as Y.Text).insert(2, 'abc'), 0],
    ['overwriting a known key', (_doc, goal) => goal.set('number', '2'), 0],
    ['a first write of a key', (_doc, goal) => goal.set('order', 'a1'), 1],
    ['a first write of a server-owned key (one lookup serves both checks)', (_doc, goal) => goal.set('priority', null), 1],
    ['setting the budget', (doc) => doc.getMap('budget').set('frame', 1), 0],
  ])('%s: %i lookups', (_what, edit, lookups) => {
    const server = createDocument('action-plan', { title: 'Plan' });
    // A goal with a title and a number only: a first write of another key names it (a later write names the earlier value).
    server.getMap('goals').set('g', new Y.Map<unknown>([['title', new Y.Text('Mål')], ['number', '1']]));
    const goalOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('goals').get('g') ?? new Y.Map<unknown>();
    const context = contextOf(server);
    let calls = 0;
    const counting: ScanContext = { ...context, collectionOf: (client, clock) => (calls++, context.collectionOf(client, clock)) };
    scanUpdate(editOf(server, (doc) => edit(doc, goalOf(doc))), counting);
    expect(calls).toBe(lookups);
  });
});

/** Keys of typed maps (field-types.ts) in `doc` whose value is not of the key's type, as paths. */
function misfits(doc: Y.Doc): string[] {
  const found: string[] = [];
  const walk = (map: Y.Map<unknown>, spec: MapSpec, path: string) => {
    for (const [key, item] of map._map) {
      const field = fieldTypeOf(spec, key);
      if (item.deleted || field === null) continue;
      if (!itemFits(field, item)) found.push(`${path}.${key}`);
      const value = map.get(key);
      if (field.content === 'map' && value instanceof Y.Map) walk(value as Y.Map<unknown>, field.map, `${path}.${key}`);
    }
  };
  for (const [root, spec] of Object.entries(schemaKeysOf(doc).types)) walk(doc.getMap<unknown>(root), spec, root);
  return found;
}

describe('the field types hold every value the model writes (created, imported, demo, every edit, migrated)', () => {
  it.each(writtenByTheModel().map((doc) => [doc.getMap('meta').get('kind') as string, doc] as const))('%s: every value fits its key’s type', (_kind, doc) => {
    expect(misfits(doc)).toEqual([]);
  });

  it.each(writtenByTheModel({ bare: false }).map((doc) => [doc.getMap('meta').get('kind') as string, doc] as const))('%s: the whole document, sent as a client’s update, passes the scan', (kind, doc) => {
    // The server's own copy knows the kind; protected and owned fields (to-plan's `source`) are the server's to write, not what this checks.
    const server = new Y.Doc();
    server.clientID = 1;
    server.getMap('meta').set('kind', kind);
    const context: ScanContext = { ...contextOf(server), protectsRootKey: () => false, touchesProtected: () => false, deletesProtected: () => false, ownedItemKeys: new Map() };
    expect(() => scanUpdate(Y.encodeStateAsUpdate(doc), context)).not.toThrow();
  });
});
