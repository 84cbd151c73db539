/**
 * The update scan's check of field types (DESIGN "Document schemas", "Facilitation"): the
 * table itself is shared/model/field-types.ts (the client's undo reads it too); here, what
 * the scan reads of each struct is held against it.
 */
import type { Place } from './content-growth.js';
import { RefusedUpdate } from './scan-errors.js';
import type { GroupState } from './update-scan.js';
import { fieldTypeOf, specOfType, type FieldType, type MapSpec } from '../../shared/model/field-types.js';

export { FIELD_TYPES, fieldTypeOf, itemFits, specOfType, type FieldType, type MapSpec } from '../../shared/model/field-types.js';

/** Content refs (Yjs `readItemContent`) and type refs (`typeRefs`) the table admits. */
export const DELETED_REF = 1;
export const TYPE_REF = 7;
export const ANY_REF = 8;
export const YMAP_REF = 1;
export const YTEXT_REF = 2;

/**
 * Whether content read by the update scan fits `type`: a ContentAny of exactly one accepted
 * value, or a ContentType of the field's Yjs type (`typeRef`). Deleted content always fits.
 * Any other content (strings, JSON, binary, embeds, subdocuments) under a typed key does not.
 */
export function contentFits(type: FieldType, ref: number, count: number, value: unknown, typeRef: number): boolean {
  if (ref === DELETED_REF) return true;
  if (type.content === 'any') return ref === ANY_REF && count === 1 && type.accepts(value);
  return ref === TYPE_REF && typeRef === (type.content === 'text' ? YTEXT_REF : YMAP_REF);
}

/** The spec of the map a struct is placed in: a document's type, a root not made yet, or a type this update makes. */
function specOfTarget(types: Readonly<Record<string, MapSpec>>, group: GroupState, target: Place['target']): MapSpec | null {
  if (typeof target !== 'string') return specOfType(types, target);
  if (target.startsWith('root:')) return types[target.slice(5)] ?? null;
  return group.owned.specs?.get(target) ?? null;
}

/**
 * In the update scan, after a struct's content is read (`group.sized`): a struct placed under
 * `place.key` of a typed map must hold what the key's type allows, else `RefusedUpdate`. A
 * new typed map (an item, a year's measurement) is noted, so what this update writes into it
 * is checked too. Cost: the parent's spec (a few pointer steps and, for a root, its name)
 * per keyed struct; text edits never get here (no key).
 */
export function checkFieldType(types: Readonly<Record<string, MapSpec>>, group: GroupState, place: Place, ref: number, clock: number): void {
  const key = place.key;
  if (key === null) return;
  const spec = specOfTarget(types, group, place.target);
  const type = spec === null ? null : fieldTypeOf(spec, key);
  if (type === null) return;
  const { count, value, typeRef } = group.sized;
  if (!contentFits(type, ref, count, value, typeRef)) throw new RefusedUpdate(`writes ${key} as a value of a type the schema does not give it`);
  if (type.content === 'map' && ref === TYPE_REF) (group.owned.specs ??= new Map()).set(`new:${group.client}:${clock}`, type.map);
}
