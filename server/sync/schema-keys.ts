/**
 * The keys the document schemas name for their fixed maps (DESIGN "Document schemas",
 * plus schemaVersion 2's `session` root and `priority`, `source`, `planActivity` from
 * "Facilitation"): an action plan's `budget` and the item map of every collection. A
 * client's write of any other key into one of them — `budget.{"x":1}`, a `goals` item's
 * `evil` — is refused like the other protected writes (update-scan.ts: socket closed 1008,
 * nothing stored or relayed). Keys of the maps inside items (a goal's `objectives` and
 * `links`, an indicator's `measurements`) are ids, codes and years: free.
 *
 * `meta` is left open on purpose: DESIGN protects only its `kind` and `schemaVersion`
 * (protected-fields.ts) and names the roots a client may not add, not meta's other keys, so
 * a y-websocket client writing a descriptor of its own into `meta` is within the contract;
 * its size is bounded like any map's (entries per map, content-limits.ts).
 *
 * The lists are the model's (shared/model: what `createDocument`, the collection edits,
 * the migrations and to-plan write); tests/unit/schema-keys.test.ts proves every key those
 * writers write is named here, so a new field cannot be refused by an old list unnoticed.
 * A document whose `schemaVersion` is newer than this server's is read-only anyway (every
 * write refused), so a newer schema's keys never meet these lists.
 */
import type * as Y from 'yjs';
import { isDocumentKind, type DocumentKind } from '../../shared/model/kinds.js';

type KeyLists = Readonly<Record<string, readonly string[]>>;

/** Other root maps of fixed keys (`budget`); collections and `session` are not among them. */
const ROOT_KEYS: Record<DocumentKind, KeyLists> = {
  'action-plan': { budget: ['frame', 'frameWithIncome', 'spentBefore', 'spentBeforeDate'] },
  strategy: {},
  agenda: {},
};

/** Each collection's item map. `order` is on every item the collection edits add (shared/model/collections.ts). */
const ITEM_KEYS: Record<DocumentKind, KeyLists> = {
  'action-plan': {
    goals: ['order', 'number', 'title', 'description', 'priority'],
    activities: ['goalId', 'order', 'number', 'title', 'description', 'budget', 'responsible', 'start', 'end', 'recipients', 'status', 'progress', 'priority', 'source'],
    costs: ['order', 'section', 'label', 'description', 'amount'],
  },
  strategy: {
    focusAreas: ['order', 'title', 'description', 'priority'],
    goals: ['focusAreaId', 'order', 'number', 'title', 'description', 'objectives', 'links', 'priority'],
    indicators: ['goalId', 'order', 'name', 'unit', 'direction', 'baselineYear', 'baselineValue', 'targetYear', 'targetValue', 'measurements'],
  },
  agenda: {
    participants: ['order', 'organisation', 'name', 'email', 'role'],
    meetings: ['order', 'title', 'date', 'start', 'end', 'location', 'link'],
    items: ['meetingId', 'order', 'title', 'presenter', 'minutes', 'notes', 'priority'],
    decisions: ['itemId', 'order', 'text'],
    actions: ['itemId', 'order', 'text', 'owner', 'due', 'done', 'planActivity'],
    milestones: ['order', 'title', 'date', 'done'],
  },
};

/** Fixed-key maps of one document: root map → keys, collection root → its items' keys. */
export interface SchemaKeys {
  roots: ReadonlyMap<string, ReadonlySet<string>>;
  items: ReadonlyMap<string, ReadonlySet<string>>;
}

const NONE: SchemaKeys = { roots: new Map(), items: new Map() };

const setsOf = (lists: KeyLists) => new Map(Object.entries(lists).map(([name, keys]) => [name, new Set(keys)]));

/** Built once per kind: the scan looks a key up in a Set, nothing more. */
const BY_KIND = new Map<DocumentKind, SchemaKeys>(
  (Object.keys(ROOT_KEYS) as DocumentKind[]).map((kind) => [kind, { roots: setsOf(ROOT_KEYS[kind]), items: setsOf(ITEM_KEYS[kind]) }]),
);

/** The schema keys of `kind`; none (nothing refused) for a value that is not a kind. */
export function schemaKeysOfKind(kind: unknown): SchemaKeys {
  return (isDocumentKind(kind) && BY_KIND.get(kind)) || NONE;
}

/** The fixed-key maps of `doc`'s kind (`meta.kind`, which only the server writes); none for a document without a kind. */
export function schemaKeysOf(doc: Y.Doc): SchemaKeys {
  return schemaKeysOfKind(doc.getMap<unknown>('meta').get('kind'));
}

/** Whether writing `key` (null: list content, no key) into root map `root` is outside its schema. */
export function isUnknownRootKey(keys: SchemaKeys, root: string, key: string | null): boolean {
  const named = keys.roots.get(root);
  return named !== undefined && (key === null || !named.has(key));
}
