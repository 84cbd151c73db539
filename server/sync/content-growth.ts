/**
 * What one update adds to a document, gathered by the update scan (update-scan.ts) struct
 * by struct, and the cheap proof that it keeps the document within its content limits
 * (red team F5; shared/content-limits.ts; README "Contract notes"): titles and texts in
 * characters, entries per map, items per document. Each struct is placed — in the type its
 * origin (or right origin) lives in, found in the document or earlier in this update, or
 * in the parent it names — and its size added to that type; a map value's own size is
 * checked against its key's limit. The proof is an upper bound: UTF-16 units for
 * characters, deletions not subtracted. When it fails, or a struct cannot be placed, the
 * exact check (content-trial.ts) decides; typing, pasting and new items never need it.
 */
import * as Y from 'yjs';
import { ContentLimits, isCollectionRoot, textLimitOf } from '../../shared/content-limits.js';
import { characterLength, MAX_UNITS_PER_CHARACTER } from '../../shared/strings.js';

/** Any Yjs type of a document (what `doc.share` holds, and `ContentType.type`). */
export type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

/** A type of the document, or one this update makes (`new:<client>:<clock>`), or a root not yet in the document (`root:<name>`). */
type Target = SharedType | string;

/** Where a struct goes: its parent and, in a map, its key (null in a sequence). */
export interface Place {
  target: Target;
  key: string | null;
}

interface Placed {
  clocks: number[];
  /** Each struct's end clock: a reference into a clock range no placed struct covers (a GC run) has no place. */
  ends: number[];
  places: Place[];
  /** The clock after the last struct of this client scanned so far. */
  end: number;
}

/** What one parent gains: sequence units and the structs they come in, the map keys written. */
interface Added {
  units: number;
  structs: number;
  /** Units of the text this update deletes: deleting a ZWJ splits one character in two. */
  deleted: number;
  /** Map keys written: whether every struct under the key carries content (not ContentDeleted), and whether one follows the key's entry now. */
  keys: Map<string, KeyWrite> | null;
}

/** How a struct writes its map key: with content (`live`), right after the key's current entry (`follows`: its origin is that entry's last clock). */
export interface KeyWrite {
  live: boolean;
  follows: boolean;
  /** Whether any struct under the key carries content (the key is set by this update: title-field.ts). */
  someLive?: boolean;
}

const newAdded = (): Added => ({ units: 0, structs: 0, deleted: 0, keys: null });

/** Items of deleted ranges looked at per update; past it the exact check decides. */
const MAX_DELETED_ITEMS = 1_000;

export interface Growth {
  /** Places of this update's structs, per client, by first clock (ascending within a group). */
  placed: Map<number, Placed> | null;
  /** Types this update makes: id → the key they are set under (null: in a sequence). */
  newTypes: Map<string, string | null> | null;
  /** Sequence units and map keys written per parent. */
  added: Map<Target, Added> | null;
  /** A struct could not be placed or a value not proven small: the exact check decides. */
  unsure: boolean;
  /** Items of deleted ranges looked at so far (see MAX_DELETED_ITEMS). */
  deletedSeen?: number;
  /** Keys of root maps whose live entry now this update deletes (item-count.ts). */
  removed?: Map<SharedType, Set<string>>;
  /** Whether a deleted range reaches past the document's clocks (it may delete this update's own structs). */
  deletesOwn?: boolean;
}

/** An empty record, one per scanned update (its maps are made when first needed). */
export const newGrowth = (): Growth => ({ placed: null, newTypes: null, added: null, unsure: false });

/** The item of `client` at `clock` in the document, if it holds one (not a GC'd range). */
function itemAt(store: Y.Doc['store'], client: number, clock: number): Y.Item | null {
  const structs = store.clients.get(client);
  if (!structs || clock >= Y.getState(store, client)) return null;
  const struct = structs[Y.findIndexSS(structs, clock)];
  return struct instanceof Y.Item ? struct : null;
}

/** The place of this update's struct covering (client, clock), if scanned already. */
function placedInUpdate(growth: Growth, client: number, clock: number): Place | null {
  const placed = growth.placed?.get(client);
  if (!placed || clock >= placed.end) return null;
  const { clocks } = placed;
  let low = 0;
  let high = clocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((clocks[middle] ?? Infinity) <= clock) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found < 0 || clock >= (placed.ends[found] ?? 0) ? null : (placed.places[found] ?? null);
}

/** The place of a struct whose origin (or right origin) is (client, clock): the same parent and key. */
export function placeByReference(doc: Y.Doc, growth: Growth, client: number, clock: number): Place | null {
  if (clock < Y.getState(doc.store, client)) {
    const item = itemAt(doc.store, client, clock);
    const parent = item?.parent;
    return item && parent instanceof Y.AbstractType ? { target: parent, key: item.parentSub } : null;
  }
  return placedInUpdate(growth, client, clock);
}

/** The place of a struct that names its parent type (client, clock) and, in a map, its key. */
export function placeUnderParent(doc: Y.Doc, growth: Growth, client: number, clock: number, key: string | null): Place | null {
  if (clock < Y.getState(doc.store, client)) {
    const content = itemAt(doc.store, client, clock)?.content;
    return content instanceof Y.ContentType ? { target: content.type, key } : null;
  }
  const id = `new:${client}:${clock}`;
  return growth.newTypes?.has(id) ? { target: id, key } : null;
}

/** The place of a struct directly under the root `name`. */
export function placeAtRoot(doc: Y.Doc, name: string, key: string | null): Place {
  return { target: doc.share.get(name) ?? `root:${name}`, key };
}

/**
 * Notes one struct of `client` at [clock, end): `place` (null: it could not be placed), its
 * content's size, whether it is a type (so later structs may name it as their parent) and
 * whether it carries content (`live`: not ContentDeleted, so in a map it makes its key live).
 */
export function noteStruct(growth: Growth, place: Place | null, at: { client: number; clock: number; end: number }, size: number, isType: boolean, write: KeyWrite = { live: true, follows: false }): void {
  if (place === null) {
    growth.unsure = true;
    return;
  }
  const placed = (growth.placed ??= new Map());
  let ofClient = placed.get(at.client);
  if (!ofClient) placed.set(at.client, (ofClient = { clocks: [], ends: [], places: [], end: at.end }));
  ofClient.clocks.push(at.clock);
  ofClient.ends.push(at.end);
  ofClient.places.push(place);
  ofClient.end = at.end;
  if (isType) (growth.newTypes ??= new Map()).set(`new:${at.client}:${at.clock}`, place.key);
  const added = (growth.added ??= new Map());
  let sum = added.get(place.target);
  if (!sum) added.set(place.target, (sum = newAdded()));
  if (place.key === null) {
    sum.units += size;
    sum.structs += 1;
    return;
  }
  if (size > textLimitOf(place.key)) growth.unsure = true;
  const keys = (sum.keys ??= new Map());
  const before = keys.get(place.key);
  keys.set(place.key, { live: (before?.live ?? true) && write.live, follows: (before?.follows ?? false) || write.follows, someLive: (before?.someLive ?? false) || write.live });
}

/**
 * Notes a deleted range of `client`'s clocks [clock, clock + length) in the document's
 * texts: a deletion can make a text more characters (`👨‍👩‍👧` without its ZWJs is three).
 */
export function noteDeletion(doc: Y.Doc, growth: Growth, client: number, clock: number, length: number): void {
  const structs = doc.store.clients.get(client);
  const state = Y.getState(doc.store, client);
  if (clock + length > state) growth.deletesOwn = true;
  if (growth.unsure || !structs || clock >= state) return;
  const end = clock + length;
  const added = (growth.added ??= new Map());
  for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
    const item = structs[index];
    if (!item || item.id.clock >= end) return;
    if ((growth.deletedSeen = (growth.deletedSeen ?? 0) + 1) > MAX_DELETED_ITEMS) {
      growth.unsure = true;
      return;
    }
    if (item instanceof Y.Item && !item.deleted) noteRemovedEntry(growth, item);
    if (!(item instanceof Y.Item) || item.deleted || !(item.parent instanceof Y.Text)) continue;
    let sum = added.get(item.parent);
    if (!sum) added.set(item.parent, (sum = newAdded()));
    sum.deleted += Math.min(end, item.id.clock + item.length) - Math.max(clock, item.id.clock);
  }
}

/** A root map's live entry this update deletes (item-count.ts counts it as one item fewer, at least). */
function noteRemovedEntry(growth: Growth, item: Y.Item): void {
  const { parent, parentSub } = item;
  if (parentSub === null || !(parent instanceof Y.AbstractType) || parent._item !== null || parent._map.get(parentSub) !== item) return;
  const removed = (growth.removed ??= new Map());
  let keys = removed.get(parent);
  if (!keys) removed.set(parent, (keys = new Set()));
  keys.add(parentSub);
}

/** Live entries of a map: `_map` keeps deleted keys too, so its size is an upper bound first. */
function entriesAtMost(type: SharedType, limit: number): number {
  if (type._map.size <= limit) return type._map.size;
  let live = 0;
  for (const item of type._map.values()) if (!item.deleted) live++;
  return live;
}

/** Items in the document's collections now. */
export function itemsIn(doc: Y.Doc): number {
  let items = 0;
  for (const [name, type] of doc.share) if (isCollectionRoot(name)) items += entriesAtMost(type, 0);
  return items;
}

/**
 * Entries a map may gain at most: the keys written that are not live in it now. A set of a
 * live key replaces its value; a set of a deleted key names the deleted value as its origin
 * (no new-entry mark in the update) yet makes the key live again, so it counts.
 */
export function entriesGainedAtMost(target: Target, added: Added): number {
  if (added.keys === null) return 0;
  if (typeof target === 'string') return added.keys.size;
  let gained = 0;
  for (const key of added.keys.keys()) {
    const current = target._map.get(key);
    if (!current || current.deleted) gained++;
  }
  return gained;
}

/** Whether a parent that gains `units` and new entries stays within its limits, from what the document holds now. */
function parentFits(target: Target, added: Added, newTypes: Map<string, string | null> | null): boolean {
  const { units, structs, deleted } = added;
  const entries = entriesGainedAtMost(target, added);
  if (typeof target === 'string') {
    const key = target.startsWith('root:') ? null : (newTypes?.get(target) ?? 'title');
    return units <= textLimitOf(key) && entries <= ContentLimits.maxEntriesPerMap;
  }
  const key = target._item === null ? null : target._item.parentSub;
  if (units + deleted > 0 && target._length + units > textLimitOf(key) && !textFits(target, units, structs + deleted, textLimitOf(key))) return false;
  return entries === 0 || entriesAtMost(target, ContentLimits.maxEntriesPerMap - entries) + entries <= ContentLimits.maxEntriesPerMap;
}

/**
 * Whether a text that gains `units` in `splits` insertions and deleted units stays within
 * `limit` characters, from its characters now (linear: shared/strings.ts): each inserted
 * unit is at most one character, and each insertion or deleted unit may split one
 * character of the text in two. So an
 * emoji-heavy title or description, longer in units than its limit, is still typed into
 * without the exact check.
 */
function textFits(type: SharedType, units: number, splits: number, limit: number): boolean {
  if (!(type instanceof Y.Text)) return false;
  const text = type.toString();
  return text.length + units <= limit * MAX_UNITS_PER_CHARACTER && characterLength(text) + units + splits <= limit;
}

/** Whether the root a target stands for is a collection (its new entries are items). */
export function collectionOf(doc: Y.Doc, target: Target): boolean {
  if (typeof target === 'string') return target.startsWith('root:') && isCollectionRoot(target.slice(5));
  return target._item === null && target.doc === doc && isCollectionRoot(Y.findRootTypeKey(target));
}

/**
 * Whether this update brings a struct some waiting ("pending") struct of the document is
 * missing: then those join the document with it, unscanned by this update's proof. Only
 * then: an attacker's pending structs must not make everyone else's typing take the exact check.
 */
export function releasesPending(doc: Y.Doc, growth: Growth): boolean {
  const missing = doc.store.pendingStructs?.missing;
  if (!missing) return false;
  for (const [client, clock] of missing) if ((growth.placed?.get(client)?.end ?? 0) > clock) return true;
  return false;
}

/**
 * Whether the update is proven to keep `doc` within its content limits (false: the exact
 * check must decide, which also sees the pending structs this update releases). `items`:
 * the document's items now when the caller keeps count (item-count.ts), else counted here.
 * Items it may add: keys written in collections that are not live now, less the live
 * items it surely deletes (their key not written again), so deleting one item and adding
 * another in a full document is proven too.
 */
export function provenWithinLimits(doc: Y.Doc, growth: Growth, maxItems: number = ContentLimits.maxItemsPerDocument, items?: number): boolean {
  if (growth.unsure || releasesPending(doc, growth)) return false;
  let newItems = 0;
  for (const [target, added] of growth.added ?? []) {
    if (!collectionOf(doc, target)) {
      if (!parentFits(target, added, growth.newTypes)) return false;
    } else if (added.units > 0) return false;
    else newItems += entriesGainedAtMost(target, added);
  }
  if (newItems === 0) return true;
  for (const [target, keys] of growth.removed ?? []) {
    if (!collectionOf(doc, target)) continue;
    const written = growth.added?.get(target)?.keys;
    for (const key of keys) if (!written?.has(key)) newItems--;
  }
  return (items ?? itemsIn(doc)) + newItems <= maxItems;
}
