/**
 * Which items of a shadow document its applied updates touched (docs/history.md "How a run
 * is derived"): read from each Yjs transaction's `changed` types, so a run of edits to 3
 * items of a 20 000-item plan is derived from those 3, not from the whole plan.
 */
import type * as Y from 'yjs';

/** Any shared type (a root, an item map, a Y.Text). */
type Shared = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;

/**
 * Touched keys per root name: a root map's own keys that were set or deleted, and for a
 * change inside an item (a field, a Y.Text title), the key the item sits under in its root.
 * `whole` names roots touched where no key says where (a list root): their readers must
 * look at everything.
 */
export class Touched {
  readonly keys = new Map<string, Set<string>>();
  readonly whole = new Set<string>();

  /** Adds what one transaction changed; `names` maps a root type to its name (`rootNames`). */
  add(transaction: Y.Transaction, names: ReadonlyMap<Shared, string>): void {
    for (const [type, subs] of transaction.changed) {
      if (type._item === null) {
        const name = names.get(type);
        if (name === undefined) continue;
        for (const sub of subs) this.note(name, sub);
        continue;
      }
      let key: string | null = null;
      let at: Shared = type;
      // Climb to the root: the last step's key is the item's key in its root collection.
      while (at._item !== null) {
        key = at._item.parentSub;
        at = at._item.parent as Shared;
      }
      const name = names.get(at);
      if (name !== undefined) this.note(name, key);
    }
  }

  /** The keys touched in root `name` (empty when none). */
  of(name: string): ReadonlySet<string> {
    return this.keys.get(name) ?? EMPTY;
  }

  clear(): void {
    this.keys.clear();
    this.whole.clear();
  }

  private note(name: string, key: string | null): void {
    if (key === null) {
      this.whole.add(name);
      return;
    }
    let keys = this.keys.get(name);
    if (!keys) this.keys.set(name, (keys = new Set()));
    keys.add(key);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** Root types of `doc` by identity, to their names (Y.Doc `share`). */
export function rootNames(doc: Y.Doc): Map<Shared, string> {
  const names = new Map<Shared, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  return names;
}

/**
 * Records into `touched` what every transaction of `doc` changes from now on. Root names are
 * read again per transaction: an update may define a root the document did not have.
 */
export function watchTouched(doc: Y.Doc, touched: Touched): void {
  doc.on('afterTransaction', (transaction: Y.Transaction) => touched.add(transaction, rootNames(doc)));
}
