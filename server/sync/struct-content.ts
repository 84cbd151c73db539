/**
 * Reading past one struct's content in the update scan (update-scan.ts) without building
 * Yjs objects: its length in clock units, and its size in the units content limits count
 * (shared/content-limits.ts: a string's UTF-16 length, an upper bound of its characters;
 * a value's `valueSize`), for the content-growth check (content-growth.ts).
 * The format is Yjs's `readItemContent` (yjs/src/structs/Item.js).
 */
import * as decoding from 'lib0/decoding';
import { ContentLimits, valueSize } from '../../shared/content-limits.js';
import { hasForbiddenCharacter, valueHasForbiddenCharacter } from '../../shared/strings.js';
import { MalformedUpdate, RefusedUpdate } from './scan-errors.js';

/** Type refs (ContentType) whose read includes a key string: XmlElement and XmlHook. */
const TYPE_REFS_WITH_KEY = new Set([3, 5]);
const MAX_TYPE_REF = 6;
/**
 * One struct's content: a ContentAny or ContentJSON of 7 million `undefined` (7 MB, one
 * struct) took Yjs 3.7 s; one 15 MB string 0.95 s. No field of the schemas holds a list,
 * and a pasted text of a megabyte is a book. Larger ones are refused (1008).
 */
export const MAX_ELEMENTS_PER_STRUCT = 100_000;
export const MAX_STRING_BYTES_PER_STRUCT = 1_000_000;

/**
 * Where `skipContent` leaves the content's size (one per scan, so reading allocates nothing),
 * and for the field-type check (field-types.ts) a ContentAny's value count and last value,
 * a ContentType's type ref: what the struct writes, read once on the way past.
 */
export interface ContentSize {
  size: number;
  count: number;
  value: unknown;
  typeRef: number;
}

export const newContentSize = (): ContentSize => ({ size: 0, count: 0, value: undefined, typeRef: -1 });

/** A deleted range's or run's length (≥ 1; 0 is malformed). */
export function readLength(decoder: decoding.Decoder): number {
  const length = decoding.readVarUint(decoder);
  if (length < 1) throw new MalformedUpdate('struct of length 0');
  return length;
}

/**
 * Skips an item's content; returns its length in clock units (ContentX.getLength()) and
 * leaves its size in `sized.size` (0 for deleted content, a format and a type: none of them
 * is text or a value; a type's own content is counted struct by struct).
 */
export function skipContent(decoder: decoding.Decoder, ref: number, sized: ContentSize): number {
  sized.size = 0;
  switch (ref) {
    case 1: // Deleted
      return readLength(decoder);
    case 2: // JSON: a count, then that many JSON strings
      return skipJson(decoder, readElementCount(decoder), sized);
    case 3: // Binary
      sized.size = decoding.readVarUint8Array(decoder).length;
      return 1;
    case 4: {
      // String: its length in UTF-16 code units
      if (decoding.peekVarUint(decoder) > MAX_STRING_BYTES_PER_STRUCT) throw new RefusedUpdate('a string of more than a megabyte in one struct');
      const text = decoding.readVarString(decoder);
      refuseForbidden(hasForbiddenCharacter(text));
      sized.size = text.length;
      return text.length;
    }
    case 5: // Embed: one JSON value, checked like JSON content (escapes hide controls)
      return skipJson(decoder, 1, sized);
    case 6: // Format: key and JSON value
      refuseForbiddenKey(decoding.readVarString(decoder));
      skipJson(decoder, 1, newContentSize());
      return 1;
    case 7: // Type
      return skipTypeRef(decoder, sized);
    case 8: // Any: a count, then that many lib0 "any" values
      return skipAnys(decoder, readElementCount(decoder), sized);
    case 9: // Doc: guid, then options
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      sized.size = 1;
      return 1;
    default:
      throw new MalformedUpdate(`unknown content ref ${ref}`);
  }
}

function readElementCount(decoder: decoding.Decoder): number {
  const count = decoding.readVarUint(decoder);
  if (count > MAX_ELEMENTS_PER_STRUCT) throw new RefusedUpdate(`more than ${MAX_ELEMENTS_PER_STRUCT} values in one struct`);
  return count;
}

/**
 * Issue 17: an inserted text or value holding a control, a bidi override or a lone surrogate
 * (shared/strings.ts `hasForbiddenCharacter`) is refused like a content-limit breach, here
 * where every inserted string is read anyway: cost per inserted string, no pass over the document.
 */
function refuseForbidden(found: boolean): void {
  if (found) throw new RefusedUpdate('a text with a control, bidi override or lone surrogate character');
}

/**
 * A map key (a struct's parentSub), a format's key or an XML element's name: names the
 * client chooses are text like any other (an item id is shown, stored and exported), so
 * the same characters are refused, with the same close code (1008).
 */
export function refuseForbiddenKey(key: string): void {
  if (hasForbiddenCharacter(key)) throw new RefusedUpdate('a key with a control, bidi override or lone surrogate character');
}

/** JSON content (legacy): each element parsed as Yjs does, since JSON escapes hide `\u0000` and lone surrogates. */
function skipJson(decoder: decoding.Decoder, count: number, sized: ContentSize): number {
  for (let i = 0; i < count; i++) {
    const json = decoding.readVarString(decoder);
    sized.size += json.length;
    if (json === 'undefined') continue;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw new MalformedUpdate('JSON content that is not JSON');
    }
    refuseForbidden(valueHasForbiddenCharacter(value));
  }
  return count;
}

function skipAnys(decoder: decoding.Decoder, count: number, sized: ContentSize): number {
  sized.count = count;
  for (let i = 0; i < count; i++) {
    const value = (sized.value = decoding.readAny(decoder));
    refuseForbidden(valueHasForbiddenCharacter(value));
    sized.size += valueSize(value, ContentLimits.maxTextLength);
  }
  return count;
}

function skipTypeRef(decoder: decoding.Decoder, sized: ContentSize): number {
  const typeRef = (sized.typeRef = decoding.readVarUint(decoder));
  if (typeRef > MAX_TYPE_REF) throw new MalformedUpdate(`unknown type ref ${typeRef}`);
  if (TYPE_REFS_WITH_KEY.has(typeRef)) refuseForbiddenKey(decoding.readVarString(decoder));
  return 1;
}

