/**
 * DESIGN "Protected document fields": `meta.kind` and `meta.schemaVersion` are written only
 * by the server, and a client may not add a root type its document's schema does not name.
 * DESIGN "Facilitation" (docs/facilitation.md): `session.rounds` (vote results) is written
 * only by the server too, and the rest of `session` (spotlight, timer) only by coordinators.
 * Item fields the server owns (`priority`, `source`, `planActivity`): item-fields.ts; keys
 * the schema does not name in `meta`, `budget` and items: schema-keys.ts.
 * This builds the `ScanContext` an incoming update is checked against (update-scan.ts).
 */
import * as Y from 'yjs';
import { ROOTS, isDocumentKind } from '../../shared/model/kinds.js';
import { collectionOfItem, isOwnedValue, ownedItemKeysOf } from './item-fields.js';
import { keptItemKeysOf, requiredItemKeysOf } from './required-fields.js';
import { schemaKeysOf } from './schema-keys.js';
import type { ScanContext } from './update-scan.js';
import type { RootShapes } from './content-shape.js';

export const PROTECTED_META_KEYS: ReadonlySet<string> = new Set(['kind', 'schemaVersion']);
/** Keys of the `session` root only the server writes (the rounds API). */
export const SERVER_OWNED_SESSION_KEYS: ReadonlySet<string> = new Set(['rounds']);

/** Who sends the update: whether they facilitate (coordinators), so may write `session`. */
export interface Writer {
  facilitates: boolean;
  /** Whose share of the main thread admitting the update is charged to (work-budget.ts). */
  userId?: string;
}

/** The roots the document's schema names, or null for a document without a kind. */
export function allowedRootsOf(doc: Y.Doc): ReadonlySet<string> | null {
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (!isDocumentKind(kind)) return null;
  const roots = ROOTS[kind];
  return new Set<string>([...roots.maps, ...roots.texts]);
}

/** Whether `writer` may not write `key` of root `root`. */
export function protectsRootKey(writer: Writer, root: string, key: string | null): boolean {
  if (root === 'meta') return key !== null && PROTECTED_META_KEYS.has(key);
  if (root === 'session') return !writer.facilitates || (key !== null && SERVER_OWNED_SESSION_KEYS.has(key));
  return false;
}

/** The root and root key an item lives under (its own, or its outermost ancestor's); null for a GC'd struct. */
function placeOf(item: Y.Item): { root: string; key: string | null } | null {
  let current = item;
  for (;;) {
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    const holder: Y.Item | null = parent._item;
    if (holder === null) return { root: Y.findRootTypeKey(parent), key: current.parentSub };
    current = holder;
  }
}

/** The item of `client` at `clock`, if the document holds it. */
function itemAt(store: Y.Doc['store'], client: number, clock: number): Y.Item | null {
  const structs = store.clients.get(client);
  if (!structs || clock >= Y.getState(store, client)) return null;
  const struct = structs[Y.findIndexSS(structs, clock)];
  return struct instanceof Y.Item ? struct : null;
}

/** Live (not deleted) items of a type's subtree: its map values, its list, theirs in turn. */
function liveItemsUnder(type: Y.AbstractType<unknown>, into: Y.Item[]): void {
  const visit = (item: Y.Item) => {
    if (item.deleted) return;
    into.push(item);
    if (item.content instanceof Y.ContentType) liveItemsUnder(item.content.type, into);
  };
  for (const item of type._map.values()) visit(item);
  for (let item = type._start; item !== null; item = item.right) visit(item);
}

/** The only roots `protectsRootKey` protects keys of. */
export const ROOTS_WITH_PROTECTED_KEYS = ['meta', 'session'] as const;

/**
 * Every live item `writer` may not delete: few (meta's protected values, the session state).
 * Only the roots that hold any are read: listing every root's keys cost a walk of every
 * item of the document after each change (a 2 000-activity plan's deletions paid it).
 */
function liveProtectedItems(doc: Y.Doc, writer: Writer): Y.Item[] {
  const items: Y.Item[] = [];
  for (const root of ROOTS_WITH_PROTECTED_KEYS) {
    const type = doc.share.get(root);
    if (!type) continue;
    for (const [key, item] of type._map) {
      if (item.deleted || !protectsRootKey(writer, root, key)) continue;
      items.push(item);
      if (item.content instanceof Y.ContentType) liveItemsUnder(item.content.type, items);
    }
  }
  return items;
}

/**
 * The context an update from `writer` is scanned in; `maxStructs` from the room's limits.
 * It reads the live document, so what the server writes later (a round closed, a
 * migration) is protected at once: references are looked up per struct (a binary search),
 * and the few live protected items are listed again after each change to the document.
 */
export function scanContextOf(
  doc: Y.Doc,
  maxStructs: number,
  allowedRoots: ReadonlySet<string> | null,
  writer: Writer = { facilitates: false },
): ScanContext {
  const store = doc.store;
  let live: Y.Item[] | null = null;
  doc.on('afterTransaction', () => {
    live = null;
  });
  // The document's kind never changes after creation (a protected field), so read once.
  const ownedItemKeys = ownedItemKeysOf(doc);
  const keptItemKeys = keptItemKeysOf(doc, ownedItemKeys);
  const schemaKeys = schemaKeysOf(doc);
  const overlaps = (item: Y.Item, client: number, clock: number, length: number) =>
    item.id.client === client && clock < item.id.clock + item.length && item.id.clock < clock + length;
  return {
    maxStructs,
    allowedRoots,
    protectedMetaKeys: PROTECTED_META_KEYS,
    protectsRootKey: (root, key) => protectsRootKey(writer, root, key),
    touchesProtected: (client, clock) => {
      const item = itemAt(store, client, clock);
      if (item !== null && ownedItemKeys.size > 0 && isOwnedValue(item, ownedItemKeys)) return true;
      const place = item ? placeOf(item) : null;
      return place !== null && protectsRootKey(writer, place.root, place.key);
    },
    deletesProtected: (client, clock, length) =>
      (live ??= liveProtectedItems(doc, writer)).some((item) => overlaps(item, client, clock, length)),
    stateOf: (client) => Y.getState(store, client),
    ownedItemKeys,
    keptItemKeys,
    requiredItemKeys: requiredItemKeysOf(doc),
    schemaKeys,
    collectionOf: (client, clock) => collectionOfItem(itemAt(store, client, clock), schemaKeys.items),
    doc,
    rootShapes: rootShapesOf(doc),
  };
}

/** The document's text and map roots by name (content-shape.ts), or null for a document without a kind. */
export function rootShapesOf(doc: Y.Doc): RootShapes | null {
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (!isDocumentKind(kind)) return null;
  return { texts: new Set<string>(ROOTS[kind].texts), maps: new Set<string>(ROOTS[kind].maps) };
}
