/**
 * What others changed in the last few minutes, from Yjs events (DESIGN "Versions, changes,
 * the live draft": the presentation view marks changes of the last minutes, and they fade).
 * Item ids (the keys of the document's item maps, e.g. an activity's id) and document
 * fields as `meta:<field>` stay marked for `keepMs`; the fade itself is CSS.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';

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
 * Keys changed by transactions `isRemote` accepts, each kept for `keepMs` after its latest
 * change. `roots` are the document's map roots (kinds.ts ROOTS). Stops with its owner.
 */
export function createRecentChanges(doc: Y.Doc, roots: readonly string[], isRemote: (origin: unknown) => boolean, keepMs = RECENT_MS): Accessor<ReadonlySet<string>> {
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
  onCleanup(() => {
    stops.forEach((stop) => stop());
    timers.forEach((timer) => clearTimeout(timer));
  });
  return changed;
}
