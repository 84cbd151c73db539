/**
 * A copy of a document as a template for next year (DESIGN "Audit and exports":
 * `POST /api/documents/:doc/duplicate {title, amounts?}`). The copy is built from the
 * source's compacted state, so every field, text and order comes along exactly (no item is
 * re-created through a second code path that could drop a field); it is stored under a new
 * id as its own first update, so it is an independent Yjs document from then on. What a
 * template must not carry is reset in one transaction on top: the title, the live
 * facilitation state (spotlight, timer, rounds), vote priorities and, with `amounts: false`,
 * every amount of money. The document is garbage-collected, so the amounts it replaced do not
 * survive in the copy's stored bytes either. Versions are not copied.
 */
import * as Y from 'yjs';

/** Money fields per root map: `collection: [fields]` for keyed collections, `budget` for the plan's own figures. */
const MONEY_IN_ITEMS: Readonly<Record<string, readonly string[]>> = { activities: ['budget'], costs: ['amount'] };
const MONEY_IN_BUDGET = ['frame', 'frameWithIncome', 'spentBefore'] as const;

/**
 * The copy's full state as one update. `state` is the source's whole state: one update
 * (`Rooms.encodeState`) or the stored snapshot and updates after it, in order. CPU-bound
 * (linear in the document): the server runs it in a thread (duplicate-pool.ts).
 */
export function duplicateState(state: Uint8Array | readonly Uint8Array[], options: { title: string; amounts: boolean }): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of state instanceof Uint8Array ? [state] : state) Y.applyUpdate(doc, update);
    });
    doc.transact(() => {
      doc.getMap<unknown>('meta').set('title', options.title);
      resetSession(doc);
      resetPriorities(doc);
      if (!options.amounts) clearMoney(doc);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The roots the document already has (reading one through `getMap` would add it). */
function existingMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  return doc.share.has(name) ? doc.getMap<unknown>(name) : null;
}

/** Spotlight, timer and rounds back to empty (DESIGN "Facilitation"): a new document has had no session. */
function resetSession(doc: Y.Doc): void {
  const session = existingMap(doc, 'session');
  if (!session) return;
  for (const [key, value] of session.entries()) {
    if (value instanceof Y.Map) for (const inner of [...value.keys()]) value.delete(inner);
    else if (value !== null) session.set(key, null);
  }
}

/** Every item's vote `priority` back to null, whatever collection it is in. */
function resetPriorities(doc: Y.Doc): void {
  for (const name of doc.share.keys()) {
    const root = existingMap(doc, name);
    if (!root || name === 'session' || name === 'meta') continue;
    for (const item of root.values()) {
      if (item instanceof Y.Map && item.has('priority') && item.get('priority') !== null) item.set('priority', null);
    }
  }
}

/** Every amount of money to null ("not given"): activity budgets, cost amounts, the plan's frame figures. */
function clearMoney(doc: Y.Doc): void {
  for (const [collection, fields] of Object.entries(MONEY_IN_ITEMS)) {
    const root = existingMap(doc, collection);
    if (!root) continue;
    for (const item of root.values()) {
      if (!(item instanceof Y.Map)) continue;
      for (const field of fields) if (item.has(field) && item.get(field) !== null) item.set(field, null);
    }
  }
  const budget = existingMap(doc, 'budget');
  if (budget) for (const field of MONEY_IN_BUDGET) if (budget.has(field) && budget.get(field) !== null) budget.set(field, null);
}
