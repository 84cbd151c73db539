/**
 * DESIGN "Protected document fields": `meta.kind` and `meta.schemaVersion` are written only
 * by the server, and a client may not add a root type its document's schema does not name.
 * This builds the `ScanContext` an incoming update is checked against (update-scan.ts).
 */
import * as Y from 'yjs';
import { ROOTS, isDocumentKind } from '../../shared/model/kinds.js';
import type { ScanContext } from './update-scan.js';

export const PROTECTED_META_KEYS: ReadonlySet<string> = new Set(['kind', 'schemaVersion']);

interface ItemRange {
  client: number;
  clock: number;
  length: number;
}

/** The roots the document's schema names, or null for a document without a kind. */
export function allowedRootsOf(doc: Y.Doc): ReadonlySet<string> | null {
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (!isDocumentKind(kind)) return null;
  const roots = ROOTS[kind];
  return new Set<string>([...roots.maps, ...roots.texts]);
}

/**
 * Every item that holds, or once held, a protected `meta` key. A map key's values form
 * one chain (`left` leads to older values), and a new value names the one before it as
 * its origin, so a write to a protected key is an item whose origin is in this list.
 */
export function protectedItems(doc: Y.Doc): ItemRange[] {
  const meta = doc.getMap<unknown>('meta');
  const ranges: ItemRange[] = [];
  for (const key of PROTECTED_META_KEYS) {
    for (let item: Y.Item | null = meta._map.get(key) ?? null; item !== null; item = asItem(item.left)) {
      ranges.push({ client: item.id.client, clock: item.id.clock, length: item.length });
    }
  }
  return ranges;
}

function asItem(struct: Y.Item | Y.AbstractStruct | null): Y.Item | null {
  return struct instanceof Y.Item ? struct : null;
}

/** The context an update from a client is scanned in; `maxStructs` from the room's limits. */
export function scanContextOf(doc: Y.Doc, maxStructs: number, allowedRoots: ReadonlySet<string> | null): ScanContext {
  const items = protectedItems(doc);
  const store = doc.store;
  return {
    maxStructs,
    allowedRoots,
    protectedMetaKeys: PROTECTED_META_KEYS,
    touchesProtected: (client, clock, length) =>
      items.some((item) => item.client === client && clock < item.clock + item.length && item.clock < clock + length),
    stateOf: (client) => Y.getState(store, client),
  };
}
