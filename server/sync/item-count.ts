/**
 * Items per document (shared/content-limits.ts `maxItemsPerDocument`; red team F5, issue
 * 17 F1) at a cost per update, not per document. Counting the collections' live entries
 * walks every item (20 000 in a full document), and the exact check (content-trial.ts)
 * copies the whole document: a flood of small item-adding updates into a full document
 * held the loop for seconds. So a room keeps its count from its own transactions, and an
 * update that surely adds items to a document with no room for them is refused from its
 * scan alone; only an update whose effect the scan cannot bound takes the copy.
 */
import * as Y from 'yjs';
import { isCollectionRoot } from '../../shared/content-limits.js';
import { collectionOf, itemsIn, releasesPending, type Growth, type Place, type SharedType } from './content-growth.js';

/** A document's items, counted once, then kept from each transaction's changed collection keys. */
export class ItemCount {
  private items: number;

  constructor(doc: Y.Doc) {
    this.items = itemsIn(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => this.note(transaction));
  }

  /** Live entries of the document's collection roots now (what `itemsIn` counts). */
  get count(): number {
    return this.items;
  }

  /** Yjs's own key actions (YEvent.keys): add +1, delete −1, update (a replaced value) 0. */
  private note(transaction: Y.Transaction): void {
    for (const type of transaction.changed.keys()) {
      if (type._item !== null || !isCollectionRoot(rootName(transaction.doc, type))) continue;
      for (const { action } of new Y.YEvent(type, transaction).keys.values()) {
        if (action === 'add') this.items++;
        else if (action === 'delete') this.items--;
      }
    }
  }
}

/** A root type's name (a document has a dozen roots: cheaper than Yjs's search only by not throwing). */
function rootName(doc: Y.Doc, type: SharedType): string {
  for (const [name, root] of doc.share) if (root === type) return name;
  return '';
}

/**
 * Items the update surely adds (net), or 0 when that cannot be told from the scan. Only when
 * every struct joins now (`waits`: some may wait for a predecessor), no deleted range may
 * reach this update's own structs and no waiting structs join with it: then each key written
 * with content in every struct under it, in a collection that has never held it or right
 * after its deleted entry, is one live item more; each live item the update deletes may be
 * one fewer.
 */
export function itemsAddedAtLeast(doc: Y.Doc, growth: Growth, waits: boolean): number {
  if (waits || growth.unsure || growth.deletesOwn === true || releasesPending(doc, growth)) return 0;
  let added = 0;
  for (const [target, { keys }] of growth.added ?? []) {
    if (keys === null || !collectionOf(doc, target)) continue;
    for (const [key, { live, follows }] of keys) {
      const entry = typeof target === 'string' ? undefined : target._map.get(key);
      if (live && (entry === undefined || (follows && entry.deleted))) added++;
    }
  }
  for (const [target, keys] of growth.removed ?? []) if (collectionOf(doc, target)) added -= keys.size;
  return Math.max(0, added);
}

/**
 * Whether a struct whose origin is (client, clock), placed at `place`, follows its key's
 * entry now: the origin is that entry's last clock, so Yjs puts the struct right of it and
 * it becomes the key's entry (a set of a deleted item's key makes the key live again).
 */
export function followsEntry(place: Place, client: number, clock: number): boolean {
  if (typeof place.target === 'string' || place.key === null) return false;
  const entry = place.target._map.get(place.key);
  return entry !== undefined && entry.id.client === client && entry.id.clock + entry.length - 1 === clock;
}
