/**
 * Defensive readers and writers for the Y.Maps that hold Samplan's items.
 *
 * A document is edited by many peers, some of them older or buggy clients, so a field may
 * be missing or hold the wrong type. Readers never throw: they fall back to the empty
 * value of the field's type, and validation reports what matters to the user.
 */
import * as Y from 'yjs';
import { textLimitOf } from '../content-limits.js';
import { cutToLength, withoutForbiddenCharacters } from '../strings.js';
import { compareOrdered } from './order.js';

export type YItem = Y.Map<unknown>;

export function readString(map: YItem, key: string): string {
  const value = map.get(key);
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return '';
}

/** A `Y.Text` field as a string; a plain string is accepted too (older writers). */
export const readText = readString;

export function readNullableString(map: YItem, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function readNumber(map: YItem, key: string): number | null {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Money and counts: integers only; a float written by a buggy peer is not money. */
export function readInt(map: YItem, key: string): number | null {
  const value = readNumber(map, key);
  // Exact integers only: 1e300 or 2^60 "are integers" but not exact ones, and as amounts
  // they would be summed and written wrongly (red team F6: "1.0 000 000 000 000 001e+298").
  return value !== null && Number.isSafeInteger(value) ? value : null;
}

export function readBoolean(map: YItem, key: string): boolean {
  return map.get(key) === true;
}

export function readEnum<T extends string>(map: YItem, key: string, allowed: readonly T[], fallback: T): T {
  const value = map.get(key);
  return allowed.find((option) => option === value) ?? fallback;
}

/** Keys of a `Y.Map<key, true>` set, sorted for stable output. */
export function readSet(map: YItem, key: string): string[] {
  const value = map.get(key);
  if (!(value instanceof Y.Map)) return [];
  return [...value.keys()].filter((k) => value.get(k) === true).sort();
}

/** The `Y.Map` items of a keyed collection, skipping anything else a peer put there. */
export function itemsOf(collection: Y.Map<unknown>): Array<[string, YItem]> {
  const items: Array<[string, YItem]> = [];
  collection.forEach((value, id) => {
    if (value instanceof Y.Map) items.push([id, value as YItem]);
  });
  return items;
}

/**
 * Writes plain values into an item. Keys listed in `textKeys` become `Y.Text` (or, when the
 * field already is one, its content is replaced) so people can co-edit them. A string is
 * cut to its key's limit (shared/content-limits.ts, whole characters): the server refuses
 * an update past it (1008), and a refused update would be sent again on every reconnect.
 * For the same reason controls, bidi overrides and lone surrogates are removed first
 * (`fieldText`; issue 17).
 */
export function writeFields(map: YItem, fields: Record<string, unknown>, textKeys: readonly string[] = []): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (textKeys.includes(key)) {
      writeText(map, key, typeof value === 'string' ? value : '');
    } else {
      map.set(key, typeof value === 'string' ? fieldText(key, value) : value);
    }
  }
}

/**
 * A string as a field may hold it: without the characters the server refuses (shared/strings.ts
 * `hasForbiddenCharacter`: controls but TAB/LF/CR, DEL, C1, bidi overrides, lone surrogates),
 * cut to the key's limit (shared/content-limits.ts).
 */
export function fieldText(key: string, text: string): string {
  return cutToLength(withoutForbiddenCharacters(text), textLimitOf(key));
}

/** Replaces the co-edited text under `key` (made when missing) with `value`, cleaned and cut to the key's limit (`fieldText`). */
export function writeText(map: YItem, key: string, whole: string): void {
  const value = fieldText(key, whole);
  const current = map.get(key);
  if (current instanceof Y.Text) {
    if (current.toString() === value) return;
    current.delete(0, current.length);
    current.insert(0, value);
    return;
  }
  map.set(key, new Y.Text(value));
}

/** A `Y.Map<key, true>` built from a list of keys. */
export function toYSet(keys: readonly string[]): Y.Map<true> {
  const set = new Y.Map<true>();
  for (const key of keys) set.set(key, true);
  return set;
}

/**
 * Items of a collection in display order: by `order` (a fractional index), or by what
 * `sortKey` returns, tie-broken by id so every peer agrees.
 */
export function itemsInOrder(
  collection: Y.Map<unknown>,
  sortKey: (map: YItem) => string = (map) => readString(map, 'order'),
): Array<[string, YItem]> {
  return itemsOf(collection)
    .map(([id, map]) => ({ id, order: sortKey(map), map }))
    .sort(compareOrdered)
    .map(({ id, map }): [string, YItem] => [id, map]);
}

/**
 * The document's root maps by name, typed: `rootMaps(doc, ['meta', 'goals'] as const).goals`.
 * Naming a root only defines it locally (Yjs writes nothing until the map is changed).
 */
export function rootMaps<const N extends readonly string[]>(doc: Y.Doc, names: N): { [K in N[number]]: Y.Map<unknown> } {
  return Object.fromEntries(names.map((name) => [name, doc.getMap<unknown>(name)])) as { [K in N[number]]: Y.Map<unknown> };
}
