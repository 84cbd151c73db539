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
 * The lists are the keys of field-types.ts's table, which also says what each key's value
 * must be. They are the model's (shared/model: what `createDocument`, the collection edits,
 * the migrations and to-plan write); tests/unit/schema-keys.test.ts proves every key those
 * writers write is named here, so a new field cannot be refused by an old list unnoticed.
 * A document whose `schemaVersion` is newer than this server's is read-only anyway (every
 * write refused), so a newer schema's keys never meet these lists.
 */
import type * as Y from 'yjs';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../../shared/model/kinds.js';
import { FIELD_TYPES, type MapSpec } from './field-types.js';

/** Roots whose keys beyond the protected ones are free: `meta` (see above) and `session` (coordinators' state). */
const OPEN_ROOTS: ReadonlySet<string> = new Set(['meta', 'session']);

const keysOf = (spec: MapSpec) => new Set(Object.keys(spec.fields));

/**
 * The key lists of `kind`, from its field types (field-types.ts): a root map of fixed keys
 * (`budget`) names its fields; a collection (entries that are item maps) its items' fields.
 */
function keysOfKind(kind: DocumentKind): SchemaKeys {
  const roots = new Map<string, ReadonlySet<string>>();
  const items = new Map<string, ReadonlySet<string>>();
  for (const [root, spec] of Object.entries(FIELD_TYPES[kind])) {
    if (OPEN_ROOTS.has(root)) continue;
    if (spec.entries?.content === 'map') items.set(root, keysOf(spec.entries.map));
    else roots.set(root, keysOf(spec));
  }
  return { roots, items, types: FIELD_TYPES[kind] };
}

/** Fixed-key maps of one document: root map → keys, collection root → its items' keys. */
export interface SchemaKeys {
  roots: ReadonlyMap<string, ReadonlySet<string>>;
  items: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every typed map of the kind by root name (field-types.ts): what a value under a named key must be. */
  types: Readonly<Record<string, MapSpec>>;
}

const NONE: SchemaKeys = { roots: new Map(), items: new Map(), types: {} };

/** Built once per kind: the scan looks a key up in a Set, nothing more. */
const BY_KIND = new Map<DocumentKind, SchemaKeys>(DOCUMENT_KINDS.map((kind) => [kind, keysOfKind(kind)]));

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
