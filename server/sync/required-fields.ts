/**
 * X17 finding 5b (DESIGN "Document schemas": what every item holds): an item keeps the
 * fields its schema requires (shared/model/field-types.ts `requiredItemKeys`: every field of
 * its table but those marked optional). Over the websocket, refused 1008 with nothing stored
 * or relayed:
 * - a new collection item (a Y.Map set under an id in `goals`, `activities`, …) that does
 *   not arrive with every required field in the same update — unless that update deletes
 *   it again. Every writer of the app (shared/model add*, create*, the undo of a deletion)
 *   writes an item whole in one transaction;
 * - the deletion of a required field's value from an item that stays (neither deleted by
 *   the same update nor already), unless the update sets the field anew (an overwrite
 *   deletes the value before it). The rule is item-fields.ts's for owned fields, with this one
 *   exception: `noteKeptDeletions` / `refuseKeptDeletions` check both.
 * Only what an update removes or omits is refused: an item stored before without a field
 * (an old document) opens and is edited as before; the readers take a missing field as empty.
 * When the scan cannot place a struct (content-growth.ts `unsure`) it does not judge; the
 * exact check (content-trial.ts, `missingRequired`) decides on the applied copy.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { requiredItemKeys } from '../../shared/model/field-types.js';
import { isDocumentKind } from '../../shared/model/kinds.js';
import type { Growth, SharedType } from './content-growth.js';
import { notDeletedBy, type OwnedInUpdate } from './item-fields.js';
import { RefusedUpdate } from './scan-errors.js';

type KeysByRoot = ReadonlyMap<string, ReadonlySet<string>>;

/** The required item fields of `doc`'s kind, root → keys (empty for a document without a kind). */
export function requiredItemKeysOf(doc: Y.Doc): KeysByRoot {
  const kind = doc.getMap<unknown>('meta').get('kind');
  return isDocumentKind(kind) ? requiredItemKeys(kind) : new Map();
}

/** The item fields a deletion must keep: owned (item-fields.ts) and required ones, root → keys. */
export function keptItemKeysOf(doc: Y.Doc, owned: KeysByRoot): KeysByRoot {
  const kept = new Map<string, Set<string>>();
  for (const source of [owned, requiredItemKeysOf(doc)]) {
    for (const [root, keys] of source) kept.set(root, new Set([...(kept.get(root) ?? []), ...keys]));
  }
  return kept;
}

/** For `refuseKeptDeletions`: whether the update sets `key` of `map` anew (content-growth.ts's record); when unsure, the exact check decides. */
export const setAnewBy =
  (growth: Growth) =>
  (map: Y.AbstractType<unknown>, key: string): boolean =>
    growth.unsure || growth.added?.get(map as SharedType)?.keys?.get(key)?.someLive === true;

/** A new item missing a required field: its id (client, clock) and why. */
export interface Incomplete {
  client: number;
  clock: number;
  why: string;
}

/**
 * After the structs are read: the new collection items (`owned.items`, item-fields.ts) that
 * lack a required field live in this update (content-growth.ts's record of the keys written
 * into each new type). None when the scan could not place every struct (the exact check decides).
 */
export function incompleteItems(required: KeysByRoot, owned: OwnedInUpdate, growth: Growth): Incomplete[] {
  const found: Incomplete[] = [];
  if (owned.items === null || required.size === 0 || growth.unsure) return found;
  for (const [client, items] of owned.items) {
    for (const [clock, root] of items) {
      const written = growth.added?.get(`new:${client}:${clock}`)?.keys;
      const missing = [...(required.get(root) ?? [])].find((key) => written?.get(key)?.someLive !== true);
      if (missing !== undefined) found.push({ client, clock, why: `adds a ${root} item without ${missing}, a field every such item holds` });
    }
  }
  return found;
}

/** After the delete set is read (`deleteSet`: a decoder at its start): refuses the first incomplete item the update does not delete too. */
export function refuseIncompleteItems(deleteSet: decoding.Decoder, incomplete: readonly Incomplete[]): void {
  if (incomplete.length === 0) return;
  const first = notDeletedBy(deleteSet, incomplete, (item) => item).values().next();
  if (!first.done) throw new RefusedUpdate(first.value.why);
}

const isLive = (map: SharedType, key: string): boolean => {
  const item = map._map.get(key);
  return item !== undefined && !item.deleted;
};

/**
 * The exact check (content-trial.ts), on the copy the update was applied to: why a type it
 * changed (`keys`) now misses a required field, or null. A collection root: each new item
 * (`isNew`) it set must hold every required field. An item: a required key it changed must
 * still be live if it was before (`before`: the same item in the document).
 */
export function missingRequired(required: KeysByRoot, type: SharedType, keys: ReadonlySet<string | null>, before: SharedType | null, isNew: (item: Y.Item) => boolean): string | null {
  const item = type._item;
  if (item === null) {
    const needed = required.get(Y.findRootTypeKey(type));
    for (const key of needed ? keys : []) {
      const entry = key === null ? undefined : type._map.get(key);
      const value = entry && !entry.deleted ? entry.content : null;
      if (!(value instanceof Y.ContentType) || !entry || !isNew(entry)) continue;
      const missing = [...(needed ?? [])].find((field) => !isLive(value.type, field));
      if (missing !== undefined) return `a new item without ${missing}, a field every such item holds`;
    }
    return null;
  }
  const parent = item.parent;
  const needed = !item.deleted && parent instanceof Y.AbstractType && parent._item === null ? required.get(Y.findRootTypeKey(parent)) : undefined;
  for (const key of needed && before ? keys : []) {
    if (key !== null && needed?.has(key) && before && isLive(before, key) && !isLive(type, key)) return `deletes ${key}, a field every item of its kind holds, of an item it keeps`;
  }
  return null;
}
