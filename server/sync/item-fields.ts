/**
 * Item fields only the server writes (red-team FA2-7; DESIGN "Facilitation": the tally is
 * the server's): each ranked item's `priority` (written when a round closes), an activity's
 * `source` and an action's `planActivity` (written by to-plan). Every client creates items
 * with these fields `null`, so the rule the update scan (update-scan.ts) enforces is:
 * - a struct that sets such a field on an item for the first time (a new item, or an old
 *   one without the key) must be exactly `null` (one ContentAny value);
 * - a struct that overwrites one — its origin is the field's current or earlier value, in
 *   the document or earlier in the same update — is refused, whatever its value.
 * - a deletion of one (x17 finding 4: deleting `planActivity` let to-plan copy the same
 *   action twice) is refused unless the item itself goes: its map is deleted by the same
 *   update (deleting an item deletes its fields with it, and Yjs names them all) or already.
 *   The same rule keeps an item's required fields (required-fields.ts), which may also be set anew.
 * Every refusal closes the socket 1008 and nothing is applied, like the other protected
 * writes; docs/facilitation.md says so.
 *
 * Cost: a struct is looked at only when it names its parent (a first write of a key, which
 * `checkItemKey` looks up once for both checks), or it is a new type; a plain text edit pays
 * one Set lookup per reference at most.
 */
import type { NewTypeDepths } from './type-depth.js';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { isDocumentKind, PRIORITY_COLLECTIONS, type DocumentKind } from '../../shared/model/kinds.js';
import { RefusedUpdate } from './scan-errors.js';
import type { MapSpec } from './field-types.js';
import type { Shape } from './content-shape.js';
import type { GroupState, ScanContext } from './update-scan.js';

/** Content refs (Yjs ContentType, ContentAny). */
export const TYPE_REF = 7;
const ANY_REF = 8;

/** Link fields per kind (collection root, key); `priority` of every PRIORITY_COLLECTIONS root is added. */
const LINK_FIELDS: Record<DocumentKind, ReadonlyArray<readonly [string, string]>> = {
  'action-plan': [['activities', 'source']],
  strategy: [],
  agenda: [['actions', 'planActivity']],
};
/** Every owned key name, for the fast "not one of them" answer. */
const OWNED_NAMES: ReadonlySet<string> = new Set(['priority', 'source', 'planActivity']);

/** The owned item fields of the document's kind: collection root → keys (empty for a document without a kind). */
export function ownedItemKeysOf(doc: Y.Doc): ReadonlyMap<string, ReadonlySet<string>> {
  const kind = doc.getMap<unknown>('meta').get('kind');
  const owned = new Map<string, Set<string>>();
  if (!isDocumentKind(kind)) return owned;
  const add = (root: string, key: string) => owned.set(root, (owned.get(root) ?? new Set()).add(key));
  for (const root of PRIORITY_COLLECTIONS[kind]) add(root, 'priority');
  for (const [root, key] of LINK_FIELDS[kind]) add(root, key);
  return owned;
}

/** The collection root `type` is a direct item of, if it holds owned fields; else null. */
function collectionOfType(type: Y.AbstractType<unknown>, owned: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  const holder = type._item;
  const parent = holder?.parent;
  if (!holder || !(parent instanceof Y.AbstractType) || parent._item !== null) return null;
  const root = Y.findRootTypeKey(parent);
  return owned.has(root) ? root : null;
}

/** For the scan context: the collection (one of `collections`) whose direct item `item` is (a map under the root), or null. */
export function collectionOfItem(item: Y.Item | null, collections: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  if (!item || !(item.content instanceof Y.ContentType) || collections.size === 0) return null;
  return collectionOfType(item.content.type, collections);
}

/** For the scan context: whether `item` is the value (now or earlier) of an owned field of a collection item. */
export function isOwnedValue(item: Y.Item, owned: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  return isValueOf(item, owned, OWNED_NAMES);
}

/** Whether `item` is the value (now or earlier) of a field `kept` (root → keys; `names`: all its keys) names of a collection item. */
function isValueOf(item: Y.Item, kept: ReadonlyMap<string, ReadonlySet<string>>, names: ReadonlySet<string>): boolean {
  const key = item.parentSub;
  if (key === null || !names.has(key) || !(item.parent instanceof Y.AbstractType)) return false;
  const collection = collectionOfType(item.parent, kept);
  return collection !== null && kept.get(collection)?.has(key) === true;
}

/**
 * What one update adds that later structs of it may refer to; allocated only when needed.
 * Keyed client → clock (numbers, no string per lookup: this is on every reference's path).
 */
export interface OwnedInUpdate {
  /** New collection items (types) of this update: client → clock → collection root. */
  items: Map<number, Map<number, string>> | null;
  /** Owned-field values this update sets: client → clocks. */
  values: Map<number, Set<number>> | null;
  /** Every type (Y.Map, Y.Text, …) this update adds: client → clocks. */
  types: Map<number, Set<number>> | null;
  /** Keys written into a type neither the document nor the update so far holds, decided at its end. */
  unresolved: Array<{ client: number; clock: number; key: string }> | null;
  /** Typed maps this update makes (`new:<client>:<clock>`, as content-growth.ts names them) → what their keys hold (field-types.ts). */
  specs: Map<string, MapSpec> | null;
  /** Types this update makes (`new:<client>:<clock>`) → text or map (content-shape.ts). */
  shapes?: Map<string, Shape> | null;
  /** Types this update makes (`new:<client>:<clock>`) → how deep they sit (type-depth.ts). */
  depths?: NewTypeDepths | null;
}

export const newOwnedInUpdate = (): OwnedInUpdate => ({ items: null, values: null, types: null, unresolved: null, specs: null });

/** Notes a type this update adds, so a key written into it before the scan reaches it is known to be free. */
export function noteNewType(owned: OwnedInUpdate, client: number, clock: number): void {
  const types = (owned.types ??= new Map());
  let ofClient = types.get(client);
  if (!ofClient) types.set(client, (ofClient = new Set()));
  ofClient.add(clock);
}

function collectionAt(context: ScanContext, owned: OwnedInUpdate, client: number, clock: number): string | null {
  return owned.items?.get(client)?.get(clock) ?? context.collectionOf(client, clock);
}

/**
 * Notes the struct the group is at (a new type) as an item of `root`, or — when `root` is
 * null — of the collection the item at (refClient, refClock) belongs to (it replaces it).
 */
export function collectionOfNew(context: ScanContext, group: GroupState, refClient: number, refClock: number, root: string | null): void {
  const collection = root ?? collectionAt(context, group.owned, refClient, refClock);
  if (collection === null || !context.schemaKeys.items.has(collection)) return;
  const items = (group.owned.items ??= new Map());
  let ofClient = items.get(group.client);
  if (!ofClient) items.set(group.client, (ofClient = new Map()));
  ofClient.set(group.clock, collection);
}

/** Whether `key`, set in an item of `collection` (from `checkItemKey`; null: not an item), is an owned field. */
export function isOwnedField(context: ScanContext, collection: string | null, key: string): boolean {
  return collection !== null && OWNED_NAMES.has(key) && context.ownedItemKeys.get(collection)?.has(key) === true;
}

/** Notes the struct the group is at as an owned-field value, so a later struct that overwrites it is refused. */
export function noteOwnedValue(group: GroupState): void {
  const values = (group.owned.values ??= new Map());
  let ofClient = values.get(group.client);
  if (!ofClient) values.set(group.client, (ofClient = new Set()));
  ofClient.add(group.clock);
}

/** Whether a reference to (client, clock) is one to an owned value set earlier in this update. */
export function overwritesOwned(group: GroupState, client: number, clock: number): boolean {
  return group.owned.values?.get(client)?.has(clock) === true;
}

/** Reads an owned field's content; true only for exactly one `null` (what clients create items with). */
export function readOwnedValue(decoder: decoding.Decoder, ref: number): boolean {
  if (ref !== ANY_REF || decoding.readVarUint(decoder) !== 1) return false;
  return decoding.readAny(decoder) === null;
}

function refuseUnknownItemKey(context: ScanContext, collection: string, key: string | null): void {
  if (key === null || context.schemaKeys.items.get(collection)?.has(key) !== true) {
    throw new RefusedUpdate(`writes ${collection} item key ${key ?? '(none)'}, which the schema does not name`);
  }
}

/**
 * A struct written into a type (not a root), the type's item being the group's last
 * reference: when that type is an item of a collection (in the document, or new in this
 * update), `key` must be one its schema names (schema-keys.ts); a struct with no key (list
 * content in an item map) is refused too. Cost: the struct's parent looked up (as the owned
 * fields do), then one Set lookup; only structs that name their parent (a first write of a
 * key, a first insert into an empty type) get here, never a text edit's ordinary struct.
 * A key written into a type the document does not hold yet is noted and decided once the
 * whole update is read (`resolveItemKeys`).
 */
export function checkItemKey(context: ScanContext, group: GroupState, key: string | null): string | null {
  if (context.schemaKeys.items.size === 0) return null;
  const collection = collectionAt(context, group.owned, group.refClient, group.refClock);
  if (collection !== null) {
    refuseUnknownItemKey(context, collection, key);
    return collection;
  }
  // In the document and not a collection's item: a text, or a map inside an item (ids, years: free keys).
  if (key !== null && group.refClock >= context.stateOf(group.refClient)) (group.owned.unresolved ??= []).push({ client: group.refClient, clock: group.refClock, key });
  return null;
}

/**
 * After every group of the update is read: each noted key's type is an item of a collection
 * this update adds (its key is checked), another type of this update (free), or held by
 * neither — it would wait in Yjs for an update that brings the item, and then be applied
 * unchecked, so it is refused. No provider sends that: it sends on top of what it has.
 */
export function resolveItemKeys(context: ScanContext, owned: OwnedInUpdate): void {
  for (const { client, clock, key } of owned.unresolved ?? []) {
    const collection = owned.items?.get(client)?.get(clock);
    if (collection !== undefined) {
      refuseUnknownItemKey(context, collection, key);
      // Its value was not read as an owned field's (the item was not known yet): an item's creator writes those.
      if (isOwnedField(context, collection, key)) throw new RefusedUpdate(`writes ${key} into another client's new item, which only the server may write`);
    } else if (owned.types?.get(client)?.has(clock) !== true) throw new RefusedUpdate(`writes ${key} into an item neither the document nor the update holds`);
  }
}

/** Every key name of `kept` (root → keys), for the fast "not one of them" answer; made once per map. */
const keptNames = new WeakMap<ReadonlyMap<string, ReadonlySet<string>>, ReadonlySet<string>>();
function namesOf(kept: ReadonlyMap<string, ReadonlySet<string>>): ReadonlySet<string> {
  let names = keptNames.get(kept);
  if (!names) keptNames.set(kept, (names = new Set([...kept.values()].flatMap((keys) => [...keys]))));
  return names;
}

/**
 * In the delete set's scan: the live values of kept item fields — owned ones (this file) and
 * required ones (required-fields.ts), `kept` root → keys — that a deleted range [clock,
 * clock + length) of `client` reaches, pushed to `values`; `refuseKeptDeletions` then asks
 * that each one's item goes too (or, for a required field, that the update sets it anew).
 * Cost: one Set lookup per live struct of the range (the typing's deletions: a few).
 */
export function noteKeptDeletions(doc: Y.Doc, kept: ReadonlyMap<string, ReadonlySet<string>>, client: number, clock: number, length: number, values: Y.Item[]): void {
  const structs = doc.store.clients.get(client);
  if (kept.size === 0 || !structs || clock >= Y.getState(doc.store, client)) return;
  const names = namesOf(kept);
  const end = clock + length;
  for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
    const item = structs[index];
    if (!item || item.id.clock >= end) return;
    if (!(item instanceof Y.Item) || item.deleted || item.parentSub === null || !names.has(item.parentSub)) continue;
    const holder = item.parent instanceof Y.AbstractType ? item.parent._item : null;
    if (holder && !holder.deleted && isValueOf(item, kept, names)) values.push(item);
  }
}

/**
 * After the delete set is read (`deleteSet`: a decoder at its start): refuses an update that
 * deletes a kept field's value (`values` from `noteKeptDeletions`) of an item it does not
 * delete too — an owned field's always; a required one's unless `setAnew(item's map, key)`
 * (the update writes the key again: every overwrite deletes the value before). Reads the
 * delete set a second time, only when such a value was hit.
 */
export function refuseKeptDeletions(deleteSet: decoding.Decoder, values: readonly Y.Item[], owned: ReadonlyMap<string, ReadonlySet<string>>, setAnew: (map: Y.AbstractType<unknown>, key: string) => boolean): void {
  if (values.length === 0) return;
  const holderOf = (value: Y.Item) => ((value.parent as Y.AbstractType<unknown>)._item as Y.Item).id;
  for (const value of notDeletedBy(deleteSet, values, holderOf)) {
    const key = value.parentSub ?? '';
    if (isOwnedValue(value, owned)) throw new RefusedUpdate('deletes a field only the server may write (priority, source or planActivity) of an item it keeps');
    if (!setAnew(value.parent as Y.AbstractType<unknown>, key)) throw new RefusedUpdate(`deletes ${key}, a field every item of its kind holds, of an item it keeps`);
  }
}

/** Those of `entries` whose struct (`idOf`) the delete set (`deleteSet`: a decoder at its start) does not delete. */
export function notDeletedBy<T>(deleteSet: decoding.Decoder, entries: readonly T[], idOf: (entry: T) => { client: number; clock: number }): Set<T> {
  const left = new Set(entries);
  const clients = decoding.readVarUint(deleteSet);
  for (let c = 0; c < clients && left.size > 0; c++) {
    const client = decoding.readVarUint(deleteSet);
    const count = decoding.readVarUint(deleteSet);
    for (let r = 0; r < count; r++) {
      const clock = decoding.readVarUint(deleteSet);
      const length = decoding.readVarUint(deleteSet);
      for (const entry of left) {
        const id = idOf(entry);
        if (id.client === client && id.clock >= clock && id.clock < clock + length) left.delete(entry);
      }
    }
  }
  return left;
}
