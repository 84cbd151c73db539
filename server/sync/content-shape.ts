/**
 * Issue 17 (x17 findings 1 and 5a; DESIGN "Document schemas": nothing the schema does not
 * name gets into a document): what kind of content a struct may be, from the kind of type
 * it is placed in.
 * - A text (a root like `vision`, or a Y.Text field: a title, a description, notes) holds
 *   characters only: ContentString, or ContentDeleted. An embed (a 5 MB JSON object that
 *   counts as one character), a formatting attribute, a nested type, JSON, Any, Binary or a
 *   subdocument is refused, and so is a struct under a key (a text has no keys).
 * - A map (a map root like `meta` or `goals`, an item map, any Y.Map) holds keyed entries
 *   only: content with no key (`meta` written as a text, `goals` as a list) is refused.
 * What the app writes passes: y-codemirror.next and the model insert and delete plain
 * strings in texts (never attributes or embeds) and set keys in maps.
 * The scan (update-scan.ts) asks `checkContentShape` of each placed struct; the exact check
 * (content-trial.ts) asks `newShapeOver` of what an update it could not place made.
 */
import * as Y from 'yjs';
import { RefusedUpdate } from './scan-errors.js';
import type { Place, SharedType } from './content-growth.js';

/** Content refs (Yjs `readItemContent`): the only ones a text holds. */
const DELETED_REF = 1;
const STRING_REF = 4;
/** Type refs (Yjs `typeRefs`) of a ContentType. */
const YMAP_REF = 1;
const YTEXT_REF = 2;

export const TEXT = 1;
export const MAP = 2;
/** A type's shape: TEXT, MAP, or 0 (not known: a list, a root of a document without a kind). */
export type Shape = 0 | typeof TEXT | typeof MAP;

/** The root names of the document's kind by shape; null: a document without a kind (roots not checked). */
export interface RootShapes {
  texts: ReadonlySet<string>;
  maps: ReadonlySet<string>;
}

/** The shape of a root by name. */
function rootShape(roots: RootShapes | null, name: string): Shape {
  if (roots === null) return 0;
  return roots.texts.has(name) ? TEXT : roots.maps.has(name) ? MAP : 0;
}

/** The shape of a document's type: a root by name (the server may hold it as a plain AbstractType), else by class. */
export function shapeOfType(roots: RootShapes | null, type: SharedType): Shape {
  if (type._item === null) return rootShape(roots, Y.findRootTypeKey(type));
  if (type instanceof Y.XmlText) return 0;
  return type instanceof Y.Text ? TEXT : type instanceof Y.Map ? MAP : 0;
}

/** The shape a new ContentType of `typeRef` makes (for `newShapes`), or 0. */
export function shapeOfTypeRef(typeRef: number): Shape {
  return typeRef === YTEXT_REF ? TEXT : typeRef === YMAP_REF ? MAP : 0;
}

/** The shape of a place's target: a document's type, a root not made yet (`root:<name>`), or a type this update makes (`new:<client>:<clock>`). */
function shapeOfTarget(roots: RootShapes | null, newShapes: ReadonlyMap<string, Shape> | null, target: Place['target']): Shape {
  if (typeof target !== 'string') return shapeOfType(roots, target);
  if (target.startsWith('root:')) return rootShape(roots, target.slice(5));
  return newShapes?.get(target) ?? 0;
}

/**
 * In the update scan, after a struct's content is read: refuses (`RefusedUpdate`, 1008) a
 * struct of content ref `ref` that its place's type cannot hold. Cost: a class check per
 * struct (a root's name for a root text's edit).
 */
export function checkContentShape(roots: RootShapes | null, newShapes: ReadonlyMap<string, Shape> | null, place: Place, ref: number): void {
  const shape = shapeOfTarget(roots, newShapes, place.target);
  if (shape === TEXT) {
    if (place.key !== null) throw new RefusedUpdate(`writes a key "${place.key}" into a text`);
    if (ref !== STRING_REF && ref !== DELETED_REF) throw new RefusedUpdate('writes into a text something other than characters (an embed, a format, a type or a value)');
  } else if (shape === MAP && place.key === null && ref !== DELETED_REF) {
    throw new RefusedUpdate('writes content without a key into a map');
  }
}

/** Whether a live item of a text is anything but characters. */
const notCharacters = (item: Y.Item): boolean => !item.deleted && !(item.content instanceof Y.ContentString);

/**
 * For the exact check: why `type` holds content of the wrong shape that `isNew` says this
 * update brought, or null. A text: a live non-string item or a live key; a map: a live
 * item with no key. Old content (an older server stored it) is left alone, so such a
 * document can still be edited.
 */
export function newShapeOver(roots: RootShapes | null, type: SharedType, isNew: (item: Y.Item) => boolean): string | null {
  const shape = shapeOfType(roots, type);
  if (shape === 0) return null;
  for (let item = type._start; item !== null; item = item.right) {
    if (shape === MAP && !item.deleted && isNew(item)) return 'content without a key in a map';
    if (shape === TEXT && notCharacters(item) && isNew(item)) return 'a text holds something other than characters';
  }
  if (shape === TEXT) for (const item of type._map.values()) if (!item.deleted && isNew(item)) return 'a text holds a key';
  return null;
}
