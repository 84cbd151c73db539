/**
 * The exact content-limit check (red team F5; shared/content-limits.ts), for the updates
 * content-growth.ts cannot prove small: the update is applied to a copy of the document,
 * and every type it changed is measured there — texts in user-perceived characters, map
 * entries, values by their key's limit, items per document. It is refused only for what
 * it makes larger than the limit allows and larger than it was, so a document already past
 * a limit (an import, an older server) can still be edited and shortened. Each changed
 * key's value is also checked against the type the schema gives it (issue 17,
 * field-types.ts): a struct the scan could not place, it could not type either; and a new
 * item must hold, an item kept must keep, its required fields (required-fields.ts).
 * Costs a copy of the document (≈ its load time); content-growth.ts keeps it off the path
 * of typing, pasting and adding items.
 */
import * as Y from 'yjs';
import { ContentLimits, isCollectionRoot, textLimitOf, valueSize } from '../../shared/content-limits.js';
import { isDocumentKind, ROOTS } from '../../shared/model/kinds.js';
import { fitsLength } from '../../shared/strings.js';
import { itemsIn, type SharedType } from './content-growth.js';
import { newShapeOver } from './content-shape.js';
import { rootShapesOf } from './protected-fields.js';
import { missingRequired, requiredItemKeysOf } from './required-fields.js';
import { FIELD_TYPES, fieldTypeOf, itemFits, specOfType, type MapSpec } from './field-types.js';
import { typeDepth } from './type-depth.js';

/** Typed maps of the document's kind (field-types.ts), by root name; none for a document without a kind. */
type Types = Readonly<Record<string, MapSpec>>;

/** A key of `keys` whose live value in `type` is not of the type the schema gives it (field-types.ts), or null. */
function typedValueOver(types: Types, type: SharedType, keys: Iterable<string | null>): string | null {
  const spec = specOfType(types, type);
  if (spec === null) return null;
  for (const key of keys) {
    const item = key === null ? undefined : type._map.get(key);
    const field = key === null ? null : fieldTypeOf(spec, key);
    if (item && field && !itemFits(field, item)) return `"${key}" holds a value of a type the schema does not give it`;
  }
  return null;
}

/** A measure of one text, sequence, map or value: whether it fits, and its size to compare with before. */
interface Measure {
  fits: boolean;
  size: number;
}

const isText = (type: SharedType): boolean => type instanceof Y.Text;
/** An item's value: its one value, or all of them (a crafted map entry may hold many). */
const valueOf = (item: Y.Item): unknown => {
  const values = item.content.getContent();
  return values.length === 1 ? values[0] : values;
};
const keyOf = (type: SharedType): string | null => type._item?.parentSub ?? null;

function liveEntries(type: SharedType): number {
  let live = 0;
  for (const item of type._map.values()) if (!item.deleted) live++;
  return live;
}

/** A type's sequence: a text in characters (its key's limit), any other in elements. */
function sequenceMeasure(type: SharedType): Measure {
  if (isText(type)) {
    const text = type.toString();
    return { fits: fitsLength(text, textLimitOf(keyOf(type))), size: text.length };
  }
  return { fits: type._length <= ContentLimits.maxTextLength, size: type._length };
}

function entriesMeasure(type: SharedType): Measure {
  const size = liveEntries(type);
  return { fits: size <= ContentLimits.maxEntriesPerMap, size };
}

function valueMeasure(key: string, value: unknown): Measure {
  const limit = textLimitOf(key);
  const size = valueSize(value, limit);
  return { fits: size <= limit, size };
}

/** The same type in `doc` (a root by name, another by its item's id), or null when the update made it. */
function sameIn(doc: Y.Doc, type: SharedType): SharedType | null {
  const item = type._item;
  if (item === null) return doc.share.get(Y.findRootTypeKey(type)) ?? null;
  const structs = doc.store.clients.get(item.id.client);
  if (!structs || item.id.clock >= Y.getState(doc.store, item.id.client)) return null;
  const found = structs[Y.findIndexSS(structs, item.id.clock)];
  return found instanceof Y.Item && found.content instanceof Y.ContentType ? found.content.type : null;
}

/** Refused when over its limit and larger than before (`before` null: new). */
function grewPast(after: Measure, before: Measure | null): boolean {
  return !after.fits && (before === null || before.fits || after.size > before.size);
}

/** Why a type the update made (and everything in it) is over a limit, or null. */
function newTypeOver(type: SharedType, types: Types): string | null {
  // Checked on the way down, so a chain of any length costs the limit's levels (type-depth.ts).
  if (typeDepth(type) > ContentLimits.maxTypeDepth) return `types nested deeper than ${ContentLimits.maxTypeDepth}`;
  const typed = typedValueOver(types, type, type._map.keys()) ?? newShapeOver(null, type, () => true);
  if (typed !== null) return typed;
  if (!sequenceMeasure(type).fits) return `a new text or list under "${keyOf(type) ?? ''}" longer than allowed`;
  if (!entriesMeasure(type).fits) return 'a new map with more entries than allowed';
  for (const [key, item] of type._map) {
    if (item.deleted) continue;
    const value = valueOf(item);
    const over = value instanceof Y.AbstractType ? newTypeOver(value, types) : valueMeasure(key, value).fits ? null : `a value of "${key}" longer than allowed`;
    if (over !== null) return over;
  }
  return newElementsOver(type, null, types);
}

/** Why a type made by the update inside `type`'s sequence is over a limit (`doc`: those it holds already are not new), or null. */
function newElementsOver(type: SharedType, doc: Y.Doc | null, types: Types): string | null {
  if (isText(type)) return null;
  for (let item = type._start; item !== null; item = item.right) {
    const value = item.deleted ? null : valueOf(item);
    if (value instanceof Y.AbstractType && (doc === null || sameIn(doc, value) === null)) {
      const over = newTypeOver(value, types);
      if (over !== null) return over;
    }
  }
  return null;
}

/** Why a changed type of the trial is over a limit the current document was not, or null. */
function changedTypeOver(doc: Y.Doc, type: SharedType, keys: Set<string | null>, types: Types): string | null {
  const typed = typedValueOver(types, type, keys);
  if (typed !== null) return typed;
  const before = sameIn(doc, type);
  const root = type._item === null ? Y.findRootTypeKey(type) : null;
  if (keys.has(null) && grewPast(sequenceMeasure(type), before ? sequenceMeasure(before) : null)) return `"${keyOf(type) ?? root ?? ''}" is longer than allowed`;
  const inSequence = keys.has(null) ? newElementsOver(type, doc, types) : null;
  if (inSequence !== null) return inSequence;
  if ((root === null || !isCollectionRoot(root)) && grewPast(entriesMeasure(type), before ? entriesMeasure(before) : null)) return 'a map with more entries than allowed';
  for (const key of keys) {
    const item = key === null ? undefined : type._map.get(key);
    if (key === null || !item || item.deleted) continue;
    const value = valueOf(item);
    if (value instanceof Y.AbstractType) {
      const over = newTypeOver(value, types);
      if (over !== null) return over;
      continue;
    }
    const old = before?._map.get(key);
    const oldValue = old && !old.deleted ? valueOf(old) : null;
    const was = oldValue === null || oldValue instanceof Y.AbstractType ? null : valueMeasure(key, oldValue);
    if (grewPast(valueMeasure(key, value), was)) return `"${key}" is longer than allowed`;
  }
  return null;
}

/** A copy of `doc` with the same root types (so the update's changes land in typed roots). */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (isDocumentKind(kind)) {
    for (const name of ROOTS[kind].maps) copy.getMap(name);
    for (const name of ROOTS[kind].texts) copy.getText(name);
  }
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

let trials = 0;

/** How many exact checks (document copies) this process has run: tests prove a path takes none. */
export const exactChecks = (): number => trials;

/**
 * Why `update` would take `doc` past a content limit (`maxItems`: items per document), or
 * null when it would not. Throws
 * what Yjs throws for an update it cannot read (the caller refuses it as malformed).
 */
export function contentOverLimits(doc: Y.Doc, update: Uint8Array, maxItems: number = ContentLimits.maxItemsPerDocument): string | null {
  trials++;
  const trial = copyOf(doc);
  try {
    const changed: Array<[SharedType, Set<string | null>]> = [];
    trial.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const entry of transaction.changed) changed.push(entry);
    });
    Y.applyUpdate(trial, update);
    const kind = doc.getMap<unknown>('meta').get('kind');
    const types: Types = isDocumentKind(kind) ? FIELD_TYPES[kind] : {};
    const roots = rootShapesOf(doc);
    const required = requiredItemKeysOf(doc);
    // What the update brought: clocks past the document's (content-shape.ts leaves older content alone).
    const isNew = (item: Y.Item) => item.id.clock >= Y.getState(doc.store, item.id.client);
    for (const [type, keys] of changed) {
      const over = newShapeOver(roots, type, isNew) ?? changedTypeOver(doc, type, keys, types) ?? missingRequired(required, type, keys, sameIn(doc, type), isNew);
      if (over !== null) return over;
    }
    const items = itemsIn(trial);
    if (items > maxItems && items > itemsIn(doc)) return `more than ${maxItems} items in one document`;
    return null;
  } finally {
    trial.destroy();
  }
}
