/**
 * A document keeps the `meta` fields its kind's schema names (DESIGN "Document schemas";
 * shared/model/field-types.ts FIELD_TYPES[kind].meta): title, subtitle, currency, period, …
 * X17 finding 3 refused a deleted `meta.title` (DESIGN: titles 1–200 characters; a blank
 * one is refused by its field type); red team x12 then deleted a Norwegian plan's
 * `meta.currency`, which every reader took as SEK. Now an update that deletes the live value
 * of any of them without setting a new one (what every change does) is refused 1008. Keys
 * the schema does not name stay free (`meta` is open).
 */
import type * as Y from 'yjs';
import { FIELD_TYPES } from '../../shared/model/field-types.js';
import { isDocumentKind } from '../../shared/model/kinds.js';
import type { Growth } from './content-growth.js';
import { RefusedUpdate } from './scan-errors.js';

const NONE: readonly string[] = [];
/** Per kind, once: this runs for every deleted range of every update (backspaces included). */
const KEPT = new Map(Object.entries(FIELD_TYPES).map(([kind, roots]) => [kind, Object.keys(roots.meta?.fields ?? {})]));

/** The `meta` keys the kind of `doc` names (none for a document without a kind). */
function keptMetaKeys(meta: Map<string, Y.Item>): readonly string[] {
  const kind: unknown = meta.get('kind')?.content.getContent()[0];
  return (isDocumentKind(kind) && KEPT.get(kind)) || NONE;
}

/**
 * Adds to `into` each kept `meta` key of `doc` whose live value is among clocks
 * [clock, clock + length) of `client` (one deleted range of an update).
 */
export function noteMetaDeletions(doc: Y.Doc, client: number, clock: number, length: number, into: Set<string>): void {
  const meta = doc.share.get('meta')?._map;
  if (!meta) return;
  for (const key of keptMetaKeys(meta)) {
    const item = meta.get(key);
    if (item !== undefined && !item.deleted && item.id.client === client && item.id.clock >= clock && item.id.clock < clock + length) into.add(key);
  }
}

/** After the scan: refuses the update unless it sets each key of `deleted` anew (content-growth.ts's record). */
export function refuseMetaRemoval(doc: Y.Doc, growth: Growth, deleted: ReadonlySet<string>): void {
  const meta = doc.share.get('meta');
  const keys = meta ? growth.added?.get(meta)?.keys : undefined;
  for (const key of deleted) {
    if (keys?.get(key)?.someLive !== true) throw new RefusedUpdate(`deletes meta.${key}: a document keeps the fields its schema names`);
  }
}
