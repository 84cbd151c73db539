/**
 * What others changed in the last few minutes, from Yjs events (DESIGN "Versions, changes,
 * the live draft": the presentation view marks changes of the last minutes, and they fade).
 * Item ids (the keys of the document's item maps, e.g. an activity's id) and document
 * fields as `meta:<field>` stay marked for `keepMs`; the fade itself is CSS.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { DOCUMENT_ITEM } from '../../shared/compare/flatten.js';
import type { Change } from '../../shared/compare/types.js';

/** How long a change stays marked: long enough for a reader to notice it. */
export const RECENT_MS = 3 * 60_000;

/** The marked key of an event: the changed item's id, or `meta:<field>` for a document field. */
function keysOf(rootName: string, root: Y.Map<unknown>, event: Y.YEvent<Y.AbstractType<unknown>>): string[] {
  const first = event.path[0];
  if (typeof first === 'string') return [rootName === 'meta' ? `meta:${first}` : first];
  if ((event.target as unknown) !== root) return [];
  const keys = [...(event as Y.YMapEvent<unknown>).keysChanged];
  return rootName === 'meta' ? keys.map((key) => `meta:${key}`) : keys;
}

/**
 * The marked keys of a change list (`changes?since=`, shared/compare/types.ts): an item's id,
 * a document field as `meta:<field>`; a removed item has nothing left to mark.
 */
export function changedKeys(changes: readonly Change[]): string[] {
  const keys = changes.flatMap((change) => {
    if (change.op === 'removed') return [];
    if (change.collection === DOCUMENT_ITEM) return change.field ? [`meta:${change.field}`] : [];
    return [change.id];
  });
  return [...new Set(keys)];
}

/**
 * Keys changed by transactions `isRemote` accepts, each kept for `keepMs` after its latest
 * change. `roots` are the document's map roots (kinds.ts ROOTS). `earlier`: keys changed in
 * the last minutes before the page opened (`changedKeys` of the server's list), marked for
 * `keepMs` from when they arrive, so a reload or a late opener sees them too (user test U14);
 * a failed read marks nothing. Stops with its owner.
 */
export function createRecentChanges(
  doc: Y.Doc,
  roots: readonly string[],
  isRemote: (origin: unknown) => boolean,
  keepMs = RECENT_MS,
  earlier?: Promise<readonly string[]>,
): Accessor<ReadonlySet<string>> {
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const forget = (key: string) => {
    timers.delete(key);
    setChanged((current) => new Set([...current].filter((x) => x !== key)));
  };
  const mark = (keys: string[]) => {
    if (keys.length === 0) return;
    for (const key of keys) {
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => forget(key), keepMs));
    }
    setChanged((current) => new Set([...current, ...keys]));
  };
  const stops = roots.map((name) => {
    const root = doc.getMap(name);
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (isRemote(transaction.origin)) mark(events.flatMap((event) => keysOf(name, root, event)));
    };
    root.observeDeep(observer);
    return () => root.unobserveDeep(observer);
  });
  let stopped = false;
  earlier?.then(
    (keys) => void (stopped || mark([...keys])),
    () => undefined,
  );
  onCleanup(() => {
    stopped = true;
    stops.forEach((stop) => stop());
    timers.forEach((timer) => clearTimeout(timer));
  });
  return changed;
}
