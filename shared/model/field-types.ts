/**
 * The type of every field the document schemas name (DESIGN "Document schemas", version 1,
 * and "Facilitation", schemaVersion 2), one table per kind: what a client may write under a
 * named key of a fixed map — `meta`, `budget`, `session`, each collection's items and the
 * maps inside them (a goal's `objectives`/`links`, an indicator's `measurements`). A value
 * of another type (`activities[id].budget = "abc"`, a Y.Map where DESIGN says Y.Text, a
 * float as money, `meta.title = 42`) is refused like a key the schema does not name
 * (server/sync/update-scan.ts: socket closed 1008, nothing stored or relayed), so one editor
 * cannot write what a reader would choke on. The key lists of server/sync/schema-keys.ts are
 * this table's keys. Here in shared/ so the client's undo (client/sync/undo-types.ts) never
 * writes back a value the server refuses.
 *
 * Where DESIGN leaves a case open, what the shared model and the client write decides:
 * - money is a safe integer or null, negatives included (validation reports
 *   `budget.negative`; an undo may write one back);
 * - dates and times are strings (validation reports `date.invalid`); `date|null` fields and
 *   an indicator's years and values take null (the client writes null for an empty field);
 * - `progress` 0..100 (DESIGN) and `minutes` 0..1440 (the client's bound) are integers;
 * - `meta` keys the table does not name stay free (schema-keys.ts), and so do `session`'s.
 * Owned fields (`priority`, `source`, `planActivity`, server/sync/item-fields.ts) and protected ones
 * (`meta.kind`, `meta.schemaVersion`, `session.rounds`) are refused before their type matters.
 *
 * tests/unit/schema-keys.test.ts proves every value the model's writers write passes, so a
 * model change cannot be refused by an old table unnoticed.
 */
import * as Y from 'yjs';
import { ACTIVITY_STATUSES, CURRENCIES, INDICATOR_DIRECTIONS, PARTICIPANT_ROLES, type DocumentKind } from './kinds.js';
import { asSingleLine } from '../strings.js';

/** A shared type of a document (a root or one nested in it). */
export type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

/**
 * A field: a plain value (`accepts`), a `Y.Text`, or a `Y.Map` (whose keys `map` types).
 * `optional`: an item may lack it (see `requiredItemKeys`); every other field of an item is required.
 */
export type FieldType = ({ content: 'any'; accepts: (value: unknown) => boolean } | { content: 'text' } | { content: 'map'; map: MapSpec }) & { optional?: true };

/** A map: its named keys' types, and the type of every other key's value (`entries`; absent: free). */
export interface MapSpec {
  fields: Readonly<Record<string, FieldType>>;
  entries?: FieldType;
}

const any = (accepts: (value: unknown) => boolean): FieldType => ({ content: 'any', accepts });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

const STRING = any((v) => typeof v === 'string');
const STRING_OR_NULL = any((v) => v === null || typeof v === 'string');
/** Money: integer minor units (DESIGN), null = not given. */
const MONEY = any((v) => v === null || isInt(v));
const INT_OR_NULL = MONEY;
const NUMBER = any((v) => typeof v === 'number' && Number.isFinite(v));
const NUMBER_OR_NULL = any((v) => v === null || (typeof v === 'number' && Number.isFinite(v)));
const BOOLEAN = any((v) => typeof v === 'boolean');
const TRUE = any((v) => v === true);
const TEXT: FieldType = { content: 'text' };
/** A document's title (DESIGN: 1–200 characters): a string with something visible in it (x17 finding 3; the length is content-limits.ts's). */
const TITLE = any((v) => typeof v === 'string' && asSingleLine(v) !== '');
const within = (max: number) => any((v) => isInt(v) && v >= 0 && v <= max);
const oneOf = (options: readonly string[]) => any((v) => typeof v === 'string' && options.includes(v));
/** An item field DESIGN's version-1 schema does not list: an item may lack it (an offline client of schema 1 writes none). */
const optional = (type: FieldType): FieldType => ({ ...type, optional: true });
/** Owned fields (item-fields.ts refuses all but a first `null`); typed anyway, for the model test. Added in schemaVersion 2, so optional. */
const PRIORITY = optional(any((v) => v === null || (isInt(v) && v >= 1)));
/** An activity's `source`, an action's `planActivity` (DESIGN "Facilitation", to-plan): owned, schemaVersion 2. */
const LINK = optional(STRING_OR_NULL);
/** `order` of meetings and milestones: the model writes one, DESIGN orders them by date and does not list it. */
const DATE_ORDER = optional(STRING);
const mapOf = (fields: Record<string, FieldType>, entries?: FieldType): FieldType => ({ content: 'map', map: entries ? { fields, entries } : { fields } });
/** A collection root: every entry an item map of `fields`. */
const collection = (fields: Record<string, FieldType>): MapSpec => ({ fields: {}, entries: mapOf(fields) });

/** `session.spotlight`: `{collection, id}` or null (DESIGN "Facilitation"). */
const SPOTLIGHT = any((v) => v === null || (isRecord(v) && typeof v.collection === 'string' && typeof v.id === 'string'));
/** `session.timer`: `{itemId, durationSec, startedAt, pausedRemainingSec}` or null. */
const TIMER = any(
  (v) =>
    v === null ||
    (isRecord(v) &&
      (v.itemId === null || typeof v.itemId === 'string') &&
      // Any whole number: the client's −1 min may take it below zero (its reader then shows no timer).
      isInt(v.durationSec) &&
      (v.startedAt === null || typeof v.startedAt === 'string') &&
      (v.pausedRemainingSec === null || isInt(v.pausedRemainingSec))),
);
const SESSION: MapSpec = { fields: { spotlight: SPOTLIGHT, spotlightBy: STRING_OR_NULL, timer: TIMER } };

/** Root maps (by name) of each kind; `vision` (a root Y.Text) has no keys. */
export const FIELD_TYPES: Record<DocumentKind, Readonly<Record<string, MapSpec>>> = {
  'action-plan': {
    meta: { fields: { title: TITLE, subtitle: STRING, currency: oneOf(CURRENCIES), periodStart: STRING_OR_NULL, periodEnd: STRING_OR_NULL } },
    budget: { fields: { frame: MONEY, frameWithIncome: MONEY, spentBefore: MONEY, spentBeforeDate: STRING_OR_NULL } },
    goals: collection({ order: STRING, number: STRING, title: TEXT, description: TEXT, priority: PRIORITY }),
    activities: collection({
      goalId: STRING, order: STRING, number: STRING, title: TEXT, description: TEXT, budget: MONEY, responsible: STRING, start: STRING_OR_NULL,
      end: STRING_OR_NULL, recipients: STRING, status: oneOf(ACTIVITY_STATUSES), progress: within(100), priority: PRIORITY, source: LINK,
    }),
    costs: collection({ order: STRING, section: STRING, label: STRING, description: STRING, amount: MONEY }),
    session: SESSION,
  },
  strategy: {
    meta: { fields: { title: TITLE, adopted: STRING_OR_NULL, periodStart: STRING_OR_NULL, periodEnd: STRING_OR_NULL } },
    focusAreas: collection({ order: STRING, title: STRING, description: TEXT, priority: PRIORITY }),
    goals: collection({
      focusAreaId: STRING_OR_NULL, order: STRING, number: STRING, title: TEXT, description: TEXT, objectives: mapOf({}, TRUE), links: mapOf({}, TRUE), priority: PRIORITY,
    }),
    indicators: collection({
      goalId: STRING, order: STRING, name: STRING, unit: STRING, direction: oneOf(INDICATOR_DIRECTIONS), baselineYear: INT_OR_NULL, baselineValue: NUMBER_OR_NULL,
      targetYear: INT_OR_NULL, targetValue: NUMBER_OR_NULL, measurements: mapOf({}, mapOf({ value: NUMBER, source: STRING })),
    }),
    session: SESSION,
  },
  agenda: {
    meta: { fields: { title: TITLE, network: STRING, registrationDeadline: STRING_OR_NULL } },
    participants: collection({ order: STRING, organisation: STRING, name: STRING, email: STRING, role: oneOf(PARTICIPANT_ROLES) }),
    meetings: collection({ order: DATE_ORDER, title: STRING, date: STRING, start: STRING, end: STRING, location: STRING, link: STRING }),
    items: collection({ meetingId: STRING, order: STRING, title: TEXT, presenter: STRING, minutes: within(1440), notes: TEXT, priority: PRIORITY }),
    decisions: collection({ itemId: STRING, order: STRING, text: STRING }),
    actions: collection({ itemId: STRING, order: STRING, text: STRING, owner: STRING, due: STRING_OR_NULL, done: BOOLEAN, planActivity: LINK }),
    milestones: collection({ order: DATE_ORDER, title: STRING, date: STRING, done: BOOLEAN }),
    session: SESSION,
  },
};

const required = new Map<DocumentKind, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * The fields every item of each collection root of `kind` holds (x17 finding 5b; DESIGN
 * "Document schemas" lists them): each field of the item's table above but those marked
 * `optional`. The server refuses a new item without one and the deletion of one from an
 * item that stays (server/sync/required-fields.ts); items stored before may lack one.
 */
export function requiredItemKeys(kind: DocumentKind): ReadonlyMap<string, ReadonlySet<string>> {
  let byRoot = required.get(kind);
  if (byRoot) return byRoot;
  const built = new Map<string, ReadonlySet<string>>();
  for (const [root, spec] of Object.entries(FIELD_TYPES[kind])) {
    const item = spec.entries;
    if (Object.keys(spec.fields).length > 0 || item?.content !== 'map') continue;
    built.set(root, new Set(Object.entries(item.map.fields).filter(([, type]) => type.optional !== true).map(([key]) => key)));
  }
  required.set(kind, (byRoot = built));
  return byRoot;
}

/** The type `spec` gives `key` (a named field, else its entries' type), or null when free. */
export function fieldTypeOf(spec: MapSpec, key: string): FieldType | null {
  return spec.fields[key] ?? spec.entries ?? null;
}

/** Whether an item's value (a document's, in content-trial.ts or a reader) fits `type`. */
export function itemFits(type: FieldType, item: Y.Item): boolean {
  const content = item.content;
  if (item.deleted || content instanceof Y.ContentDeleted) return true;
  if (content instanceof Y.ContentAny) return type.content === 'any' && content.arr.length === 1 && type.accepts(content.arr[0]);
  if (!(content instanceof Y.ContentType)) return false;
  const value = content.type;
  if (type.content === 'text') return value instanceof Y.Text && !(value instanceof Y.XmlText);
  return type.content === 'map' && value instanceof Y.Map;
}

/**
 * The spec of the map `type` is, within a document of `specs` (FIELD_TYPES[kind]): a root
 * by name, else its parent's type for the key it is set under. Null: not a typed map (a
 * text, an untyped value's map). At most three steps (indicator → measurements → year).
 */
export function specOfType(specs: Readonly<Record<string, MapSpec>>, type: SharedType): MapSpec | null {
  const item = type._item;
  // A root the server only received is a plain AbstractType until someone calls getMap: its name decides.
  if (item === null) return specs[Y.findRootTypeKey(type)] ?? null;
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType) || item.parentSub === null) return null;
  const parentSpec = specOfType(specs, parent);
  const field = parentSpec ? fieldTypeOf(parentSpec, item.parentSub) : null;
  return field?.content === 'map' ? field.map : null;
}
