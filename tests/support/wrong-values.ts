/**
 * Values of the wrong type under a named key (issue 17, untrusted clients; DESIGN "Document
 * schemas" and "Facilitation"): for every field of the three kinds, which classes of value
 * the schema allows, written here from DESIGN (not from the server's own table, so the two
 * are checked against each other), and a seeded document with one item in every
 * collection to write them into. Used by tests/integration/field-types.test.ts (through the
 * server) and tests/unit/field-types-read.test.ts (stored before the check: readers survive).
 */
import * as Y from 'yjs';
import { addItem, toggleInSet } from '../../shared/model/collections.js';
import { addActivity, addCost, addGoal } from '../../shared/model/action-plan.js';
import { addIndicator, addStrategyGoal, setMeasurement, STRATEGY_COLLECTIONS } from '../../shared/model/strategy.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import type { DocumentKind } from '../../shared/model/kinds.js';

/** One class of value each; a fresh value (Yjs types are single-use) per call. */
export const VALUE_CLASSES = {
  string: () => 'abc',
  integer: () => 42,
  float: () => 1.5,
  negative: () => -5,
  huge: () => 1e308,
  unsafe: () => 2 ** 60,
  nan: () => NaN,
  infinity: () => Infinity,
  boolean: () => true,
  null: () => null,
  undefined: () => undefined,
  object: () => ({ a: 1 }),
  array: () => [1],
  bytes: () => new Uint8Array([1, 2]),
  'Y.Map': () => new Y.Map<unknown>(),
  'Y.Text': () => new Y.Text('x'),
  'Y.Array': () => new Y.Array<unknown>(),
} as const satisfies Record<string, () => unknown>;
export type ValueClass = keyof typeof VALUE_CLASSES;

/** What DESIGN allows, as the classes above (an enum's members are none of them). */
const TEXT: ValueClass[] = ['Y.Text'];
const STRING: ValueClass[] = ['string'];
const STRING_OR_NULL: ValueClass[] = ['string', 'null'];
/** Money (int|null, minor units; negatives are storable: validation reports `budget.negative`). */
const MONEY: ValueClass[] = ['integer', 'negative', 'null'];
/** A count within a range from 0 (progress 0..100, minutes). */
const COUNT: ValueClass[] = ['integer'];
/** Years of an indicator (the model and the client write null for "not given"). */
const YEAR: ValueClass[] = ['integer', 'negative', 'null'];
const NUMBER_OR_NULL: ValueClass[] = ['integer', 'float', 'negative', 'huge', 'unsafe', 'null'];
const NUMBER: ValueClass[] = ['integer', 'float', 'negative', 'huge', 'unsafe'];
const BOOLEAN: ValueClass[] = ['boolean'];
const ENUM: ValueClass[] = [];
const MAP: ValueClass[] = ['Y.Map'];
/** `spotlight`, `timer`: an object of a fixed shape, or null; `{a:1}` is not one. */
const SHAPE_OR_NULL: ValueClass[] = ['null'];

/**
 * Path → allowed classes. `*` is the seeded item of the collection, `+` a new key of the
 * map (a new item, year or set entry). Owned fields (`priority`, `source`, `planActivity`)
 * and `meta.kind`/`schemaVersion`, `session.rounds` are refused whatever the value already.
 */
export const FIELDS: Record<DocumentKind, Record<string, ValueClass[]>> = {
  'action-plan': {
    'meta.title': STRING, 'meta.subtitle': STRING, 'meta.currency': ENUM, 'meta.periodStart': STRING_OR_NULL, 'meta.periodEnd': STRING_OR_NULL,
    'budget.frame': MONEY, 'budget.frameWithIncome': MONEY, 'budget.spentBefore': MONEY, 'budget.spentBeforeDate': STRING_OR_NULL,
    'goals.+': MAP, 'goals.*.order': STRING, 'goals.*.number': STRING, 'goals.*.title': TEXT, 'goals.*.description': TEXT,
    'activities.*.goalId': STRING, 'activities.*.order': STRING, 'activities.*.number': STRING, 'activities.*.title': TEXT, 'activities.*.description': TEXT,
    'activities.*.budget': MONEY, 'activities.*.responsible': STRING, 'activities.*.start': STRING_OR_NULL, 'activities.*.end': STRING_OR_NULL,
    'activities.*.recipients': STRING, 'activities.*.status': ENUM, 'activities.*.progress': COUNT,
    'costs.+': MAP, 'costs.*.order': STRING, 'costs.*.section': STRING, 'costs.*.label': STRING, 'costs.*.description': STRING, 'costs.*.amount': MONEY,
    'session.spotlight': SHAPE_OR_NULL, 'session.spotlightBy': STRING_OR_NULL, 'session.timer': SHAPE_OR_NULL,
  },
  strategy: {
    'meta.title': STRING, 'meta.adopted': STRING_OR_NULL, 'meta.periodStart': STRING_OR_NULL, 'meta.periodEnd': STRING_OR_NULL,
    'focusAreas.+': MAP, 'focusAreas.*.order': STRING, 'focusAreas.*.title': STRING, 'focusAreas.*.description': TEXT,
    'goals.*.focusAreaId': STRING_OR_NULL, 'goals.*.order': STRING, 'goals.*.number': STRING, 'goals.*.title': TEXT, 'goals.*.description': TEXT,
    'goals.*.objectives': MAP, 'goals.*.objectives.+': BOOLEAN, 'goals.*.links': MAP, 'goals.*.links.+': BOOLEAN,
    'indicators.*.goalId': STRING, 'indicators.*.order': STRING, 'indicators.*.name': STRING, 'indicators.*.unit': STRING, 'indicators.*.direction': ENUM,
    'indicators.*.baselineYear': YEAR, 'indicators.*.baselineValue': NUMBER_OR_NULL, 'indicators.*.targetYear': YEAR, 'indicators.*.targetValue': NUMBER_OR_NULL,
    'indicators.*.measurements': MAP, 'indicators.*.measurements.+': MAP, 'indicators.*.measurements.*.value': NUMBER, 'indicators.*.measurements.*.source': STRING,
    'session.spotlight': SHAPE_OR_NULL, 'session.timer': SHAPE_OR_NULL,
  },
  agenda: {
    'meta.title': STRING, 'meta.network': STRING, 'meta.registrationDeadline': STRING_OR_NULL,
    'participants.*.order': STRING, 'participants.*.organisation': STRING, 'participants.*.name': STRING, 'participants.*.email': STRING, 'participants.*.role': ENUM,
    'meetings.+': MAP, 'meetings.*.order': STRING, 'meetings.*.title': STRING, 'meetings.*.date': STRING, 'meetings.*.start': STRING, 'meetings.*.end': STRING,
    'meetings.*.location': STRING, 'meetings.*.link': STRING,
    'items.*.meetingId': STRING, 'items.*.order': STRING, 'items.*.title': TEXT, 'items.*.presenter': STRING, 'items.*.minutes': COUNT, 'items.*.notes': TEXT,
    'decisions.*.itemId': STRING, 'decisions.*.order': STRING, 'decisions.*.text': STRING,
    'actions.*.itemId': STRING, 'actions.*.order': STRING, 'actions.*.text': STRING, 'actions.*.owner': STRING, 'actions.*.due': STRING_OR_NULL, 'actions.*.done': BOOLEAN,
    'milestones.*.order': STRING, 'milestones.*.title': STRING, 'milestones.*.date': STRING, 'milestones.*.done': BOOLEAN,
    'session.spotlight': SHAPE_OR_NULL, 'session.spotlightBy': STRING_OR_NULL, 'session.timer': SHAPE_OR_NULL,
  },
};

export interface WrongWrite {
  kind: DocumentKind;
  path: string;
  what: ValueClass;
}

/** Every (kind, path, wrong class): the full table. */
export function allWrongWrites(): WrongWrite[] {
  const rows: WrongWrite[] = [];
  for (const [kind, fields] of Object.entries(FIELDS) as Array<[DocumentKind, Record<string, ValueClass[]>]>) {
    for (const [path, allowed] of Object.entries(fields)) {
      for (const what of Object.keys(VALUE_CLASSES) as ValueClass[]) if (!allowed.includes(what)) rows.push({ kind, path, what });
    }
  }
  return rows;
}

/**
 * A subset for the server test: per field `perField` wrong classes, rotating through the
 * classes so every class meets every kind's fields (the full table is the unit test's).
 */
export function sampledWrongWrites(perField: number): WrongWrite[] {
  const classes = Object.keys(VALUE_CLASSES) as ValueClass[];
  const rows: WrongWrite[] = [];
  let turn = 0;
  for (const [kind, fields] of Object.entries(FIELDS) as Array<[DocumentKind, Record<string, ValueClass[]>]>) {
    for (const [path, allowed] of Object.entries(fields)) {
      const wrong = classes.filter((what) => !allowed.includes(what));
      for (let k = 0; k < perField; k++) rows.push({ kind, path, what: wrong[(turn + k * 5) % wrong.length] as ValueClass });
      turn += 1;
    }
  }
  return rows;
}

/** One item in every collection (through the model's own edits), so `*` paths have a target. */
export function seedItems(doc: Y.Doc, kind: DocumentKind): void {
  if (kind === 'action-plan') {
    const goalId = addGoal(doc, { number: '1', title: 'Mål' });
    addActivity(doc, goalId, { title: 'Aktivitet', budget: 100, start: '2027-01-01', end: '2027-02-01' });
    addCost(doc, { section: 'Projektledning', label: 'Lön', description: '', amount: 50 });
  } else if (kind === 'strategy') {
    const areaId = addItem(doc, STRATEGY_COLLECTIONS.focusAreas, { title: 'Område', description: '' });
    const goalId = addStrategyGoal(doc, areaId, { number: '1', title: 'Mål' });
    toggleInSet(doc, STRATEGY_COLLECTIONS.goals, goalId, 'objectives', 'climate', true);
    const indicatorId = addIndicator(doc, goalId, { name: 'Utsläpp', unit: 't', direction: 'decrease', baselineYear: 2020, baselineValue: 10, targetYear: 2030, targetValue: 5 });
    setMeasurement(doc, indicatorId, 2024, { value: 8, source: 'SCB' });
  } else {
    const C = AGENDA_COLLECTIONS;
    addItem(doc, C.participants, { organisation: 'Kommunen', name: 'Anna', email: 'a@example.se', role: 'official' });
    const meetingId = addItem(doc, C.meetings, { title: 'Träff', date: '2027-03-01', start: '09:00', end: '12:00', location: 'Växjö', link: '' });
    const itemId = addItem(doc, C.items, { meetingId, title: 'Punkt', presenter: 'Anna', minutes: 30, notes: '' });
    addItem(doc, C.decisions, { itemId, text: 'Beslut' });
    addItem(doc, C.actions, { itemId, text: 'Göra', owner: 'Erik', due: '2027-04-01', done: false });
    addItem(doc, C.milestones, { title: 'Anmälan', date: '2027-02-01', done: false });
  }
}

const firstMap = (map: Y.Map<unknown>): Y.Map<unknown> => {
  for (const value of map.values()) if (value instanceof Y.Map) return value as Y.Map<unknown>;
  throw new Error('no seeded item');
};

/** The map `path` (see FIELDS) names a key of, and that key (`+`: 2099, a year or an id nobody uses). */
function placeOf(doc: Y.Doc, path: string): { map: Y.Map<unknown>; key: string } {
  const [root = '', ...rest] = path.split('.');
  let map = doc.getMap<unknown>(root);
  const last = rest.pop() ?? '';
  for (const step of rest) map = step === '*' ? firstMap(map) : (map.get(step) as Y.Map<unknown>);
  return { map, key: last === '+' ? '2099' : last };
}

/** Writes `value` at `path` in `doc`. */
export function writeAt(doc: Y.Doc, path: string, value: unknown): void {
  const { map, key } = placeOf(doc, path);
  doc.transact(() => map.set(key, value));
}

/** What `doc` holds at `path`, comparable across documents (a Yjs type as its class name and JSON). */
export function readAt(doc: Y.Doc, path: string): unknown {
  const { map, key } = placeOf(doc, path);
  if (!map.has(key)) return '<absent>';
  const value = map.get(key);
  return value instanceof Y.AbstractType ? { type: value.constructor.name, json: value.toJSON() as unknown } : value;
}
