/**
 * Undo and redo write back no value of a type the server refuses (issue 17; the table is
 * shared/model/field-types.ts, DESIGN "Document schemas"). A document stored before the
 * server checked types can hold one (`budget: "abc"`); changing it here and pressing undo
 * re-inserts it as this browser's own change — refused with 1008, again on every reconnect,
 * until the page stops and the person's later edits cannot be saved.
 *
 * So, inside the undo's own transaction (undo.ts), after undo-characters.ts, every value it
 * set under a typed key that does not fit is replaced by what the field takes for "not
 * given" — null where the field allows it, an empty text for a Y.Text — or the key is
 * deleted. Readers already showed such a value as not given, so the person sees the same.
 */
import * as Y from 'yjs';
import { FIELD_TYPES, fieldTypeOf, itemFits, specOfType, type FieldType, type SharedType } from '../../shared/model/field-types.js';
import { isDocumentKind } from '../../shared/model/kinds.js';

/** Items of this browser the transaction inserted (clock past its state before), alive, under a typed key they do not fit. */
function misfits(transaction: Y.Transaction): Array<{ item: Y.Item; map: Y.Map<unknown>; key: string; type: FieldType }> {
  const { doc } = transaction;
  const kind = doc.getMap('meta').get('kind');
  if (!isDocumentKind(kind)) return [];
  const specs = FIELD_TYPES[kind];
  const from = transaction.beforeState.get(doc.clientID) ?? 0;
  const structs = doc.store.clients.get(doc.clientID) ?? [];
  const found = [];
  for (let i = structs.length - 1; i >= 0; i--) {
    const struct = structs[i];
    if (!struct || struct.id.clock + struct.length <= from) break;
    if (!(struct instanceof Y.Item) || struct.deleted || struct.parentSub === null || !(struct.parent instanceof Y.Map)) continue;
    const spec = specOfType(specs, struct.parent as unknown as SharedType);
    const type = spec ? fieldTypeOf(spec, struct.parentSub) : null;
    if (type && !itemFits(type, struct)) found.push({ item: struct, map: struct.parent as Y.Map<unknown>, key: struct.parentSub, type });
  }
  return found;
}

/** What `type` takes for a value not given: null, a text (of a string it held); undefined when nothing (the key goes). */
function notGiven(type: FieldType, item: Y.Item): unknown {
  if (type.content === 'text') {
    const held = item.content.getContent().at(-1);
    return new Y.Text(typeof held === 'string' ? held : '');
  }
  if (type.content === 'any' && type.accepts(null)) return null;
  return undefined;
}

/**
 * Replaces, in `transaction` (still open), what it set under a typed key in a type the key
 * does not take; returns the replaced items, for undo-characters.ts `forget` once the undo
 * manager has filed the transaction (so the update carries only their length).
 */
export function fitTypes(transaction: Y.Transaction): Y.Item[] {
  const replaced: Y.Item[] = [];
  for (const { item, map, key, type } of misfits(transaction)) {
    const value = notGiven(type, item);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    replaced.push(item);
  }
  return replaced;
}
