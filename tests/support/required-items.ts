/**
 * Items whole and items short of their required fields (x17 finding 5b; shared/model/field-types.ts
 * `requiredItemKeys`), for the tests of server/sync/required-fields.ts and of fixtures that add an item.
 */
import * as Y from 'yjs';
import { FIELD_TYPES, requiredItemKeys, type FieldType } from '../../shared/model/field-types.js';
import { ACTIVITY_STATUSES, CURRENCIES, DOCUMENT_KINDS, INDICATOR_DIRECTIONS, PARTICIPANT_ROLES, type DocumentKind } from '../../shared/model/kinds.js';

/** Plain values to try, first accepted wins: what an editor would write into an empty new item. */
const CANDIDATES: readonly unknown[] = [null, 'a0', 0, false, ACTIVITY_STATUSES[0], CURRENCIES[0], INDICATOR_DIRECTIONS[0], PARTICIPANT_ROLES[0]];

/** A value of `type` (a new Y.Text / Y.Map for a co-edited field). */
function valueOf(type: FieldType): unknown {
  if (type.content === 'text') return new Y.Text('');
  if (type.content === 'map') return new Y.Map<unknown>();
  const found = CANDIDATES.find((candidate) => type.accepts(candidate));
  if (found === undefined) throw new Error('no candidate value fits');
  return found;
}

/** The required keys of an item of `root` in a document of `kind`, in the table's order. */
export function requiredKeys(kind: DocumentKind, root: string): string[] {
  return [...(requiredItemKeys(kind).get(root) ?? [])];
}

/** Every collection root of every kind with its required keys (the attack table's rows). */
export function collectionsOfAllKinds(): Array<{ kind: DocumentKind; root: string; keys: string[] }> {
  return DOCUMENT_KINDS.flatMap((kind) => [...requiredItemKeys(kind).keys()].map((root) => ({ kind, root, keys: requiredKeys(kind, root) })));
}

/** The fields of a whole item of `root` (every required field, valid), `overrides` applied; a key set to undefined is left out. */
export function itemFields(kind: DocumentKind, root: string, overrides: Record<string, unknown> = {}): Array<[string, unknown]> {
  const fields = FIELD_TYPES[kind][root]?.entries;
  if (fields?.content !== 'map') throw new Error(`${kind} ${root} is not a collection`);
  const entries = requiredKeys(kind, root).map((key): [string, unknown] => [key, key in overrides ? overrides[key] : valueOf(fields.map.fields[key] as FieldType)]);
  for (const [key, value] of Object.entries(overrides)) if (!entries.some(([known]) => known === key)) entries.push([key, value]);
  return entries.filter(([, value]) => value !== undefined);
}

/** A new item map holding `itemFields(kind, root, overrides)`. */
export function wholeItem(kind: DocumentKind, root: string, overrides: Record<string, unknown> = {}): Y.Map<unknown> {
  return new Y.Map<unknown>(itemFields(kind, root, overrides));
}
