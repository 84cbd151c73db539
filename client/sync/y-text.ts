/**
 * The co-edited texts fields are bound to, read from the document here so components never
 * reach into its maps (README: components read Yjs through client/sync adapters).
 */
import * as Y from 'yjs';

/** The `Y.Text` of an item's field, or null if a peer stored something else there. */
export function textOf(collection: Y.Map<unknown>, id: string, field: string): Y.Text | null {
  const item = collection.get(id);
  const value = item instanceof Y.Map ? item.get(field) : undefined;
  return value instanceof Y.Text ? value : null;
}

/**
 * The `Y.Text` of field `field` of item `id` in the document's keyed collection `root`
 * (e.g. `itemText(doc, 'goals', id, 'title')`), or null when there is none.
 */
export function itemText(doc: Y.Doc, root: string, id: string, field: string): Y.Text | null {
  return textOf(doc.getMap<unknown>(root), id, field);
}

/** A document-level co-edited text, e.g. the strategy's `vision`. */
export function documentText(doc: Y.Doc, name: string): Y.Text {
  return doc.getText(name);
}
