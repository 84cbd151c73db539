/**
 * Undo and redo send no character the server refuses (issue 17; shared/strings.ts
 * `hasForbiddenCharacter`: controls but TAB/LF/CR, DEL, C1, bidi embedding/override/isolate,
 * lone surrogates). The inputs and the model's writers remove them from what people type,
 * but Yjs's undo re-inserts a deleted item's content as it was, and a document written before
 * the server refused these characters can hold them: deleting such a text and pressing undo
 * would send an update the server refuses (1008), again on every reconnect.
 *
 * So, inside the undo's own transaction (undo.ts), every item it inserted that holds one is
 * replaced by its content without them, and the replaced item is left unkept: Yjs then
 * collects it before the update is written, so the update carries only its length
 * (ContentDeleted), never the string. One change for everyone, as for any other undo.
 */
import * as Y from 'yjs';
import { hasForbiddenCharacter, valueHasForbiddenCharacter, withoutForbiddenCharacters } from '../../shared/strings.js';

/** `value` with the forbidden characters removed from every string in it, object keys included. */
export function withoutForbiddenInValue(value: unknown): unknown {
  if (typeof value === 'string') return withoutForbiddenCharacters(value);
  if (Array.isArray(value)) return value.map(withoutForbiddenInValue);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutForbiddenCharacters(key), withoutForbiddenInValue(item)]));
}

function holdsForbidden(content: Y.Item['content']): boolean {
  if (content instanceof Y.ContentString) return hasForbiddenCharacter(content.str);
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.arr.some(valueHasForbiddenCharacter);
  return false;
}

/** Items this transaction inserted from this browser (clock past its state before), alive, holding a forbidden character. */
function forbiddenInserts(transaction: Y.Transaction): Y.Item[] {
  const { doc } = transaction;
  const from = transaction.beforeState.get(doc.clientID) ?? 0;
  const structs = doc.store.clients.get(doc.clientID) ?? [];
  const found: Y.Item[] = [];
  for (let i = structs.length - 1; i >= 0; i--) {
    const struct = structs[i];
    if (!struct || struct.id.clock + struct.length <= from) break;
    if (struct instanceof Y.Item && !struct.deleted && holdsForbidden(struct.content)) found.push(struct);
  }
  return found;
}

/** The index of `item` among its parent's visible content (Y.Text / Y.Array). */
function indexIn(parent: Y.AbstractType<unknown>, item: Y.Item): number {
  let index = 0;
  for (let n = parent._start; n !== null && n !== item; n = n.right) {
    if (!n.deleted && n.countable) index += n.length;
  }
  return index;
}

/** Puts the clean content where `item` is and deletes `item`; false when its parent is no type this knows. */
function replaceClean(item: Y.Item): boolean {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return false;
  const values = item.content.getContent();
  if (item.parentSub !== null && parent instanceof Y.Map) {
    parent.set(item.parentSub, withoutForbiddenInValue(values.at(-1)));
    return true;
  }
  const index = indexIn(parent, item);
  if (parent instanceof Y.Text && item.content instanceof Y.ContentString) {
    const clean = withoutForbiddenCharacters(item.content.str);
    parent.delete(index, item.length);
    if (clean.length > 0) parent.insert(index, clean);
    return true;
  }
  if (parent instanceof Y.Array) {
    parent.delete(index, item.length);
    parent.insert(index, values.map(withoutForbiddenInValue));
    return true;
  }
  return false;
}

/**
 * Replaces, in `transaction` (still open), what it inserted holding a forbidden character;
 * returns the replaced items, for `forget` once the undo manager has filed the transaction.
 */
export function cleanInserts(transaction: Y.Transaction): Y.Item[] {
  return forbiddenInserts(transaction).filter(replaceClean);
}

/**
 * Lets Yjs collect the replaced items at the end of their transaction. The undo manager
 * keeps every item deleted in a tracked transaction (so a later redo can restore it), but
 * these are never restored: redo skips items the same step inserted.
 */
export function forget(items: readonly Y.Item[]): void {
  for (const item of items) item.keep = false;
}
