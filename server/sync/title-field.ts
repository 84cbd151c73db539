/**
 * X17 finding 3 (DESIGN: names and titles 1–200 characters, empty is refused): a document
 * keeps its `meta.title` over the websocket as over REST. A blank one is refused by its field
 * type (shared/model/field-types.ts `TITLE`); here, a deletion: an update that deletes the
 * live title without setting a new one (what every title change does) is refused 1008.
 */
import type * as Y from 'yjs';
import type { Growth } from './content-growth.js';
import { RefusedUpdate } from './scan-errors.js';

/** Whether deleting clocks [clock, clock + length) of `client` deletes the live `meta.title` of `doc`. */
export function deletesTitle(doc: Y.Doc, client: number, clock: number, length: number): boolean {
  const item = doc.share.get('meta')?._map.get('title');
  return item !== undefined && !item.deleted && item.id.client === client && item.id.clock >= clock && item.id.clock < clock + length;
}

/** After the scan, when the update deletes the title (`deletesTitle`): refuses it unless it sets `meta.title` anew (content-growth.ts's record). */
export function refuseTitleRemoval(doc: Y.Doc, growth: Growth): void {
  const meta = doc.share.get('meta');
  const write = meta ? growth.added?.get(meta)?.keys?.get('title') : undefined;
  if (write?.someLive !== true) throw new RefusedUpdate('deletes meta.title: a document keeps a title');
}
